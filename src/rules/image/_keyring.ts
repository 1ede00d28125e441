/**
 * Which pull-secret keys kubelet would use for an image (facts §6, kubelet's keyring): the image's
 * normalised repository name is matched against each normalised auths key by port, host labels (with
 * one-label `*` globs) and path prefix; Docker Hub images fall back to the `index.docker.io` key.
 * Pure: takes keys and names, never credentials.
 */
import type { ImageReference } from '../../parsers/image-reference.js';

export interface KeyParts {
  host: string;
  port?: string;
  path: string; // '' or '/team'
}

/** Keys already normalised: one secret's keys are matched for every failing pod that names it. */
const parsedKeys = new Map<string, Readonly<KeyParts> | undefined>();
/** Bound on the memo (keys of the pull secrets in one cluster are few; an odd bundle cannot grow it without end). */
const MAX_PARSED_KEYS = 4096;

/** Normalises an auths key like kubelet: scheme optional, a leading /v1/ or /v2/ dropped. */
export function parseKey(key: string): Readonly<KeyParts> | undefined {
  if (parsedKeys.has(key)) return parsedKeys.get(key);
  const parts = normaliseKey(key);
  if (parts) Object.freeze(parts);
  if (parsedKeys.size < MAX_PARSED_KEYS) parsedKeys.set(key, parts);
  return parts;
}

function normaliseKey(key: string): KeyParts | undefined {
  let k = key.trim();
  if (!k) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(k)) k = 'https://' + k;
  // URL rejects `*` in hosts, so swap it for a placeholder label character while parsing.
  const STAR = 'x-star-x';
  let u: URL;
  try {
    u = new URL(k.replace(/\*/g, STAR));
  } catch {
    return undefined;
  }
  let path = decodeURIComponent(u.pathname);
  if (path.startsWith('/v1/') || path.startsWith('/v2/')) path = path.slice(3);
  path = path.replace(/\/+$/, '');
  const host = u.hostname.split(STAR).join('*').toLowerCase();
  // URL drops default ports (443 for https); kubelet compares the written port, so read it back.
  const written = /^[a-z][a-z0-9+.-]*:\/\/([^/]+)/i.exec(k)?.[1] ?? '';
  const portMatch = /:(\d+)$/.exec(written);
  return { host, port: portMatch?.[1], path: path === '/' ? '' : path };
}

/** Glob of one host label: `*` matches any run of characters within the label. */
function labelMatches(glob: string, label: string): boolean {
  if (!glob.includes('*')) return glob === label;
  const re = new RegExp('^' + glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^.]*') + '$');
  return re.test(label);
}

/** True when the key matches the image's normalised repository name (`domain/path`). */
export function keyMatches(key: KeyParts, image: Pick<ImageReference, 'host' | 'port' | 'path'>): boolean {
  if ((key.port ?? '') !== (image.port ?? '')) return false;
  const kl = key.host.split('.');
  const il = image.host.toLowerCase().split('.');
  if (kl.length !== il.length) return false;
  if (!kl.every((g, i) => labelMatches(g, il[i]))) return false;
  return ('/' + image.path).startsWith(key.path);
}

export interface KeyMatch {
  key: string;
  /** How it matched: directly, or through kubelet's Docker Hub fallback to index.docker.io. */
  via: 'match' | 'docker-hub-fallback';
}

/** The keys (as written) that kubelet would try for this image, most specific first. */
export function matchingKeys(keys: readonly string[], image: ImageReference): KeyMatch[] {
  const parsed = keys.map((k) => ({ k, p: parseKey(k) })).filter((x): x is { k: string; p: Readonly<KeyParts> } => !!x.p);
  const specific = (x: { p: KeyParts }) => x.p.host + (x.p.port ? ':' + x.p.port : '') + x.p.path;
  parsed.sort((a, b) => (specific(a) < specific(b) ? 1 : specific(a) > specific(b) ? -1 : 0));
  const direct = parsed.filter((x) => keyMatches(x.p, image)).map((x) => ({ key: x.k, via: 'match' as const }));
  if (direct.length || !image.dockerHub) return direct;
  return parsed
    .filter((x) => x.p.host === 'index.docker.io' && !x.p.port && x.p.path === '')
    .map((x) => ({ key: x.k, via: 'docker-hub-fallback' as const }));
}
