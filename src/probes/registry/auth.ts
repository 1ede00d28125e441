/** WWW-Authenticate challenges (RFC 7235 params) and the Bearer token request (facts §8). */

export interface Challenge {
  scheme: string; // lower-case: bearer | basic
  params: Record<string, string>;
}

export function parseChallenges(values: string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const v of values) {
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(v);
    if (!m) continue;
    const params: Record<string, string> = {};
    const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    let p: RegExpExecArray | null;
    while ((p = re.exec(m[2] ?? ''))) params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    out.push({ scheme: m[1]!.toLowerCase(), params });
  }
  return out;
}

export function tokenUrl(ch: Challenge, repository: string): URL | undefined {
  try {
    const u = new URL(ch.params['realm'] ?? '');
    if (ch.params['service']) u.searchParams.set('service', ch.params['service']);
    u.searchParams.set('scope', `repository:${repository}:pull`);
    return u;
  } catch {
    return undefined;
  }
}

export function basicAuth(username: string, password: string): string {
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
}
