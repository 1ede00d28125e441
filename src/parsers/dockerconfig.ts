import type { PullSecretInfo } from '../evidence/cluster.js';

/** The raw Secret shape we accept (kube API, bundle, lab). */
export interface SecretObject {
  metadata?: { namespace?: string; name?: string; creationTimestamp?: string };
  type?: string;
  data?: Record<string, string>;
  /** write-only in the real API; accepted for objects that never went through one */
  stringData?: Record<string, string>;
}

export const DOCKERCONFIGJSON_TYPE = 'kubernetes.io/dockerconfigjson';
export const DOCKERCFG_TYPE = 'kubernetes.io/dockercfg';

/** The data key kubelet reads for each pull-secret type (facts §6). */
const KEY_FOR_TYPE: Record<string, string> = {
  [DOCKERCONFIGJSON_TYPE]: '.dockerconfigjson',
  [DOCKERCFG_TYPE]: '.dockercfg',
};

/**
 * Normalises an auths key the way kubelet's keyring does (facts §6): add https:// when no scheme,
 * drop a leading /v1/ or /v2/ path, keep host[:port][/path].
 */
export function normaliseRegistryKey(key: string): string {
  let k = key.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(k)) k = 'https://' + k;
  try {
    const u = new URL(k);
    let path = u.pathname;
    if (path.startsWith('/v1/') || path.startsWith('/v2/')) path = path.slice(3);
    path = path.replace(/^\/+|\/+$/g, '');
    return (u.host + (path ? '/' + path : '')).toLowerCase();
  } catch {
    return key.trim().toLowerCase();
  }
}

const STRICT_B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (the Secret encoding); undefined when it is not. */
function decodeStrictBase64(v: string): Buffer | undefined {
  const s = v.replace(/\s+/g, '');
  if (!STRICT_B64.test(s) || s.length % 4 === 1) return undefined;
  return Buffer.from(s, 'base64');
}

/** The `auth` field: base64 of user:pass, padded or not (facts §6). */
function authFieldValid(v: string): boolean {
  const s = v.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return false;
  const text = Buffer.from(s, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0;
}

/** A key as written, minus any user:pass@ someone put in a URL. */
function safeKey(k: string): string {
  return k.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i, '$1');
}

/**
 * JSON.parse's error text quotes the input; keep only the position so no secret byte is echoed.
 */
function jsonProblem(e: unknown): string {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  return m ? ` (at byte ${m[1]})` : '';
}

/** Reduces a pull secret to what can be shown: type, normalised auth hosts, problems. Never a value. */
export function summarisePullSecret(secret: SecretObject): PullSecretInfo {
  const info: PullSecretInfo = {
    namespace: secret.metadata?.namespace ?? '',
    name: secret.metadata?.name ?? '',
    type: secret.type,
    registries: [],
    rawKeys: [],
    problems: [],
    creationTimestamp: secret.metadata?.creationTimestamp,
  };
  const type = secret.type ?? 'Opaque';
  const wantKey = KEY_FOR_TYPE[type];
  const data = secret.data ?? {};
  const stringData = secret.stringData ?? {};
  const keys = [...new Set([...Object.keys(data), ...Object.keys(stringData)])];
  if (!wantKey) {
    const hint = keys.includes('.dockerconfigjson')
      ? ` (it has key .dockerconfigjson: set type ${DOCKERCONFIGJSON_TYPE})`
      : keys.includes('.dockercfg')
        ? ` (it has key .dockercfg: set type ${DOCKERCFG_TYPE})`
        : '';
    info.problems.push(`type ${type} is not a pull-secret type; kubelet ignores it${hint}`);
    return info;
  }
  let raw: string | undefined;
  if (typeof data[wantKey] === 'string') {
    const buf = decodeStrictBase64(data[wantKey]);
    if (!buf) {
      info.problems.push(`data key ${wantKey} is not valid base64`);
      return info;
    }
    raw = buf.toString('utf8');
  } else if (typeof stringData[wantKey] === 'string') {
    raw = stringData[wantKey];
  }
  if (raw === undefined) {
    const other = keys.length ? ` (keys present: ${keys.join(', ')})` : ' (no data)';
    info.problems.push(`type ${type} needs data key ${wantKey}, which is missing; kubelet ignores the secret${other}`);
    return info;
  }
  if (!raw.trim()) {
    info.problems.push(`data key ${wantKey} is empty; kubelet ignores the secret`);
    return info;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    info.problems.push(`data key ${wantKey} is not valid JSON${jsonProblem(e)}`);
    return info;
  }
  let auths: unknown;
  if (type === DOCKERCONFIGJSON_TYPE) {
    if (!isObject(parsed) || !('auths' in parsed)) {
      const looksLegacy = isObject(parsed) && Object.values(parsed).some((v) => isObject(v) && ('auth' in v || 'username' in v));
      info.problems.push(
        looksLegacy
          ? `${wantKey} has no "auths" object: its content is in the legacy .dockercfg form (wrap it in {"auths": …})`
          : `${wantKey} has no "auths" object`,
      );
      return info;
    }
    auths = parsed.auths;
  } else {
    if (isObject(parsed) && isObject(parsed.auths)) {
      info.problems.push(`${wantKey} holds a {"auths": …} document; type ${DOCKERCFG_TYPE} expects the inner map (use type ${DOCKERCONFIGJSON_TYPE})`);
      return info;
    }
    auths = parsed;
  }
  if (!isObject(auths)) {
    info.problems.push(`"auths" in ${wantKey} is not an object`);
    return info;
  }
  const entries = Object.entries(auths);
  if (!entries.length) info.problems.push(`${wantKey} has no registry entries`);
  for (const [key, entry] of entries) {
    const shown = safeKey(key);
    info.rawKeys.push(shown);
    info.registries.push(normaliseRegistryKey(shown));
    if (!isObject(entry)) {
      info.problems.push(`entry for ${shown} is not an object`);
      continue;
    }
    const auth = entry.auth;
    if (typeof auth === 'string' && auth !== '') {
      if (!authFieldValid(auth)) info.problems.push(`auth field for ${shown} is not base64(username:password): kubelet says "unable to parse auth field"`);
    } else if (typeof entry.username !== 'string' || entry.username === '' || typeof entry.password !== 'string') {
      if (typeof entry.identitytoken !== 'string' && typeof entry.registrytoken !== 'string') {
        info.problems.push(`entry for ${shown} has no credentials (neither auth nor username/password)`);
      }
    }
  }
  return info;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
