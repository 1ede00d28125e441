/**
 * Credentials a pod would pull with, from a dockerconfigjson file or a Secret JSON
 * (kubernetes.io/dockerconfigjson or dockercfg). Values stay in memory only: nothing here is ever
 * put into a result, an error or a log — errors name the file and field, never the content.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';

export interface RegistryCredential {
  /** the auths key as written (not secret) */
  key: string;
  username?: string;
  password?: string;
  identityToken?: string;
}

export interface PullCredentials {
  source: string;
  entries: RegistryCredential[];
}

export async function loadPullCredentials(file: string): Promise<PullCredentials> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot read pull secret: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parsePullCredentials(text, file);
}

export function parsePullCredentials(text: string, source: string): PullCredentials {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError(source, 'not JSON (expected a dockerconfigjson file or a Secret object)');
  }
  if (doc && typeof doc === 'object' && (doc.kind === 'Secret' || doc.data || doc.stringData)) {
    const data = doc.data ?? {};
    const key = '.dockerconfigjson' in data ? '.dockerconfigjson' : '.dockercfg' in data ? '.dockercfg' : undefined;
    if (!key) throw new InputError(source, 'Secret has no .dockerconfigjson or .dockercfg key', { field: 'data' });
    let inner: string;
    try {
      inner = Buffer.from(String(data[key]), 'base64').toString('utf8');
      doc = JSON.parse(inner);
    } catch {
      throw new InputError(source, 'value is not base64 of JSON', { field: `data.${key}` });
    }
    if (key === '.dockercfg') doc = { auths: doc };
  }
  const auths = doc?.auths;
  if (!auths || typeof auths !== 'object') throw new InputError(source, 'no "auths" object', { field: 'auths' });
  const entries: RegistryCredential[] = [];
  for (const [key, v] of Object.entries(auths as Record<string, any>)) {
    if (!v || typeof v !== 'object') continue;
    const c: RegistryCredential = { key };
    if (typeof v.username === 'string') c.username = v.username;
    if (typeof v.password === 'string') c.password = v.password;
    if (typeof v.identitytoken === 'string') c.identityToken = v.identitytoken;
    if (typeof v.auth === 'string' && v.auth) {
      const dec = Buffer.from(v.auth, 'base64').toString('utf8');
      const i = dec.indexOf(':');
      if (i < 0) throw new InputError(source, 'auth must be base64(username:password)', { field: `auths["${key}"].auth` });
      c.username ??= dec.slice(0, i);
      c.password ??= dec.slice(i + 1);
    }
    entries.push(c);
  }
  return { source, entries };
}

/** kubelet's key normalisation (facts §6): scheme and /v1/ /v2/ dropped. */
function normaliseKey(key: string): { host: string; path: string } {
  let k = key.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(k)) k = 'https://' + k;
  try {
    const u = new URL(k);
    let p = u.pathname;
    if (p.startsWith('/v1/') || p.startsWith('/v2/')) p = p.slice(3);
    return { host: u.host.toLowerCase(), path: p.replace(/^\/+|\/+$/g, '') };
  } catch {
    return { host: key.toLowerCase(), path: '' };
  }
}

function hostMatches(pattern: string, host: string): boolean {
  const [ph, pp] = pattern.split(':');
  const [hh, hp] = host.split(':');
  if ((pp ?? '') !== (hp ?? '')) return false;
  const pl = ph!.split('.');
  const hl = hh!.split('.');
  if (pl.length !== hl.length) return false;
  return pl.every((l, i) => l === hl[i] || (l.includes('*') && new RegExp('^' + l.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*') + '$').test(hl[i]!)));
}

/** The credentials kubelet would send for an image `domain/path` (most specific key first). */
export function credentialsFor(creds: PullCredentials | undefined, domain: string, path: string): RegistryCredential | undefined {
  if (!creds) return undefined;
  const sorted = [...creds.entries].sort((a, b) => (a.key < b.key ? 1 : -1));
  for (const c of sorted) {
    const k = normaliseKey(c.key);
    if (hostMatches(k.host, domain.toLowerCase()) && (!k.path || path.startsWith(k.path))) return c;
  }
  if (domain === 'docker.io') return sorted.find((c) => normaliseKey(c.key).host === 'index.docker.io');
  return undefined;
}
