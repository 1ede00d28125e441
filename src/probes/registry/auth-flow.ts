/**
 * The auth step after a 401 on /v2/: a Bearer token from the challenge's realm (its own connection,
 * timed as one phase) with the pod's credentials or anonymously, or Basic credentials. Tokens are
 * remembered per realm, scope and credentials for later images; nothing secret is put in a phase.
 */
import type { ImageReference } from '../../parsers/image-reference.js';
import { basicAuth, parseChallenges, tokenUrl } from './auth.js';
import type { ConnPool } from './conn-pool.js';
import { dial, observed, PhaseError, round, type DialContext, type DialTarget } from './dial.js';
import type { RegistryHostConfig } from './hosts-config.js';
import { PhaseTimeout, type HttpResponse } from './http1.js';
import type { RegistryCredential } from './pull-credentials.js';
import { answerOf, registryErrorText } from './http-answer.js';

export async function authenticate(ctx: DialContext, v2: HttpResponse, ref: ImageReference, cred: RegistryCredential | undefined, pool: ConnPool | undefined, host: RegistryHostConfig, deadline: number): Promise<string | undefined> {
  const challenges = parseChallenges(v2.challenges);
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  const basic = challenges.find((c) => c.scheme === 'basic');
  if (bearer) {
    const url = tokenUrl(bearer, ref.path);
    if (!url) throw new PhaseError('auth', { step: 'token', code: 'NO_REALM' }, `Bearer challenge without a usable realm`);
    const scheme = url.protocol === 'http:' ? 'http' : 'https';
    const headers: Record<string, string> = {};
    if (cred?.username !== undefined && cred.password !== undefined) headers['Authorization'] = basicAuth(cred.username, cred.password);
    else if (cred?.identityToken) headers['Authorization'] = `Bearer ${cred.identityToken}`;
    const tokenKey = `${url.href}|${cred?.key ?? ''}`;
    const known = pool?.tokens.get(tokenKey);
    if (known) {
      ctx.phases.push({ name: 'auth', ok: true, ms: 0, detail: `Bearer token from ${url.origin}${url.pathname} (fetched for an earlier image)` });
      return `Bearer ${known}`;
    }
    const realmTarget: DialTarget = { scheme, host: url.host, skipVerify: host.skipVerify, ca: host.ca };
    const sub: DialContext = { ...ctx, phases: [] };
    let token: string | undefined;
    try {
      const conn = await dial(sub, realmTarget, deadline);
      try {
        const r = await conn.request('GET', url.pathname + url.search, headers, deadline, 'auth');
        // the token endpoint's refusal, limit or failure is an answer: the rules judge it
        if (r.status === 401 || r.status === 403) throw new PhaseError('auth', undefined, `failed to fetch ${cred ? 'oauth' : 'anonymous'} token: ${r.status} ${registryErrorText(r)}`, answerOf(r));
        if (r.status === 429) throw new PhaseError('auth', undefined, `token endpoint answered 429`, answerOf(r));
        if (r.status !== 200) throw new PhaseError('auth', undefined, `failed to fetch token: unexpected status ${r.status}`, answerOf(r));
        const doc = JSON.parse(r.body.toString('utf8'));
        token = doc.token ?? doc.access_token;
        if (typeof token !== 'string' || !token) throw new PhaseError('auth', { step: 'token', code: 'NO_TOKEN' }, 'token response has no token');
      } finally {
        conn.close();
      }
    } catch (e) {
      const pe = e instanceof PhaseError ? e : new PhaseError('auth', observed('token', e as Error), `failed to fetch token: ${(e as Error).message}`);
      const ms = round(sub.phases.reduce((t, p) => t + p.ms, 0));
      ctx.phases.push({ name: 'auth', ok: false, ms, error: pe.message, detail: `Bearer realm ${url.origin}${url.pathname} (${sub.phases.map((p) => `${p.name} ${p.ms}ms`).join(', ')})` });
      throw new PhaseError('auth', pe.failure, pe.message, pe.answer);
    }
    pool?.tokens.set(tokenKey, token!);
    const ms = round(sub.phases.reduce((t, p) => t + p.ms, 0));
    ctx.phases.push({ name: 'auth', ok: true, ms, detail: `Bearer token from ${url.origin}${url.pathname} (${cred ? `credentials for ${cred.key}` : 'anonymous'})` });
    return `Bearer ${token}`;
  }
  if (basic) {
    if (cred?.username === undefined || cred.password === undefined) {
      ctx.phases.push({ name: 'auth', ok: false, ms: 0, error: 'Basic challenge and no credentials for this registry: no basic auth credentials' });
      // credentials may exist (an identity token) yet none that Basic can send
      throw new PhaseError('auth', { step: 'credentials', code: 'NO_CREDENTIALS' }, 'no basic auth credentials');
    }
    ctx.phases.push({ name: 'auth', ok: true, ms: 0, detail: `Basic (credentials for ${cred.key})` });
    return basicAuth(cred.username, cred.password);
  }
  ctx.phases.push({ name: 'auth', ok: false, ms: 0, error: '401 without a usable WWW-Authenticate challenge' });
  throw new PhaseError('auth', undefined, '401 Unauthorized without a challenge', answerOf(v2));
}
