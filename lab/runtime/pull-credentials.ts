/**
 * What kubelet does with a pod's imagePullSecrets before a pull (facts §6): read each named Secret
 * of the pod's namespace, use it only if type and key match, parse the docker config, and keep the
 * entries whose key matches the image's registry (host labels with globs, same port, path prefix).
 * Missing secrets are reported (FailedToRetrieveImagePullSecret); malformed ones silently ignored.
 */
import type { CriAuth } from './cri-client.js';

export interface SecretLookup {
  get(kind: string, namespace: string | undefined, name: string): Record<string, any> | undefined;
}

/** Docker-style normalisation of the repository part of an image reference (facts §7). */
export function normalizedRepo(image: string): string {
  let name = image;
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const slash = name.indexOf('/');
  const lastColon = name.lastIndexOf(':');
  if (lastColon > name.lastIndexOf('/')) name = name.slice(0, lastColon); // drop the tag
  if (slash < 0) return `docker.io/library/${name}`;
  const first = name.slice(0, name.indexOf('/'));
  if (first === 'localhost' || first.includes('.') || first.includes(':')) {
    return first === 'index.docker.io' ? 'docker.io' + name.slice(first.length) : name;
  }
  return `docker.io/${name}`;
}

interface ParsedKey {
  host: string;
  port: string;
  path: string;
}

function parseKey(key: string): ParsedKey | undefined {
  let k = key.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(k)) k = 'https://' + k;
  let u: URL;
  try {
    u = new URL(k);
  } catch {
    return undefined;
  }
  let p = u.pathname;
  if (p.startsWith('/v1/') || p.startsWith('/v2/')) p = p.slice(3);
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  return { host: u.hostname.toLowerCase(), port: u.port, path: p };
}

function hostMatches(pattern: string, host: string): boolean {
  const a = pattern.split('.');
  const b = host.split('.');
  if (a.length !== b.length) return false;
  return a.every((label, i) => new RegExp('^' + label.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*') + '$').test(b[i]));
}

function keyMatches(key: ParsedKey, repo: string): boolean {
  const img = parseKey(repo);
  if (!img) return false;
  if (key.port !== img.port) return false;
  if (!hostMatches(key.host, img.host)) return false;
  return img.path.startsWith(key.path);
}

interface DockerAuthEntry {
  username?: string;
  password?: string;
  auth?: string;
}

function entryToAuth(e: DockerAuthEntry): CriAuth | undefined {
  let username = e.username ?? '';
  let password = e.password ?? '';
  if (e.auth) {
    const dec = Buffer.from(e.auth, 'base64').toString('utf8');
    const i = dec.indexOf(':');
    if (i < 0) return undefined; // kubelet: unable to parse auth field → entry unusable
    username = dec.slice(0, i);
    password = dec.slice(i + 1);
  }
  if (!username && !password) return undefined;
  // kubelet leaves server_address empty (containerd 1.6 would drop creds whose address is not the host)
  return { username, password };
}

export interface PodCredentials {
  /** credentials to try in order (empty → anonymous pull) */
  auths: CriAuth[];
  /** names of referenced secrets that do not exist */
  missing: string[];
}

/** The credentials kubelet would hand to the CRI for `image`, from the pod's pull secrets. */
export function credentialsForPod(api: SecretLookup, pod: Record<string, any>, image: string): PodCredentials {
  const ns = pod.metadata?.namespace ?? 'default';
  const refs: { name?: string }[] = pod.spec?.imagePullSecrets ?? [];
  const repo = normalizedRepo(image);
  const auths: CriAuth[] = [];
  const missing: string[] = [];
  const entries: [ParsedKey, DockerAuthEntry, string][] = [];
  for (const ref of refs) {
    if (!ref?.name) continue;
    const secret = api.get('Secret', ns, ref.name);
    if (!secret) {
      missing.push(ref.name);
      continue;
    }
    let auths: Record<string, DockerAuthEntry> | undefined;
    try {
      if (secret.type === 'kubernetes.io/dockerconfigjson' && secret.data?.['.dockerconfigjson']) {
        auths = JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8')).auths;
      } else if (secret.type === 'kubernetes.io/dockercfg' && secret.data?.['.dockercfg']) {
        auths = JSON.parse(Buffer.from(secret.data['.dockercfg'], 'base64').toString('utf8'));
      }
    } catch {
      auths = undefined; // kubelet logs and ignores an unparsable secret
    }
    for (const [k, v] of Object.entries(auths ?? {})) {
      const pk = parseKey(k);
      if (pk && v && typeof v === 'object') entries.push([pk, v, k]);
    }
  }
  // more specific keys first (reverse lexical order of host+path), as the keyring sorts them
  entries.sort((x, y) => (`${y[0].host}:${y[0].port}/${y[0].path}` < `${x[0].host}:${x[0].port}/${x[0].path}` ? -1 : 1));
  for (const [pk, entry] of entries) {
    if (!keyMatches(pk, repo)) continue;
    const a = entryToAuth(entry);
    if (a) auths.push(a);
  }
  return { auths, missing };
}

/** A kubernetes.io/dockerconfigjson Secret object for the lab API (values base64 as in k8s). */
export function dockerConfigSecret(namespace: string, name: string, registryKey: string, username: string, password: string): Record<string, any> {
  const cfg = { auths: { [registryKey]: { username, password, auth: Buffer.from(`${username}:${password}`).toString('base64') } } };
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    type: 'kubernetes.io/dockerconfigjson',
    metadata: { name, namespace },
    data: { '.dockerconfigjson': Buffer.from(JSON.stringify(cfg)).toString('base64') },
  };
}
