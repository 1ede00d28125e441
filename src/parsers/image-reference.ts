/**
 * Image references as kubelet and containerd read them (facts §7, distribution/reference grammar):
 * parse, then normalise the familiar form (`nginx` → `docker.io/library/nginx:latest`).
 * Errors are data, with the same words the runtime uses, so a report can quote them.
 */

export interface ImageReference {
  /** The string as written in the pod spec. */
  original: string;
  /** Registry host as the runtime contacts it by name: `docker.io`, `reg.local:5000`, `localhost`. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`, `team/app`. */
  path: string;
  tag?: string;
  digest?: string;
  /** `domain/path`: the normalised repository name kubelet matches pull-secret keys against. */
  name: string;
  /** Fully qualified reference: name + `:tag` (default latest when no digest) + `@digest`. */
  canonical: string;
  /** Host without the port. */
  host: string;
  port?: string;
  /** True for Docker Hub (`docker.io`). */
  dockerHub: boolean;
}

export type ImageReferenceResult = { ok: true; ref: ImageReference } | { ok: false; original: string; error: string };

export const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const NAME_TOTAL_LENGTH_MAX = 255;

// Grammar pieces (facts §7).
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const HEX64_RE = /^[a-f0-9]{64}$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function fail(original: string, error: string): ImageReferenceResult {
  return { ok: false, original, error };
}

/**
 * Splits the domain off the way distribution's splitDockerDomain does. Kubelet vendors the older
 * copy, where an upper-case first element is not a domain (it then fails the lowercase check).
 */
function splitDomain(s: string): { domain: string; remainder: string } {
  const i = s.indexOf('/');
  const first = i < 0 ? '' : s.slice(0, i);
  if (i < 0 || (!/[.:]/.test(first) && first !== 'localhost')) {
    let remainder = s;
    if (!remainder.includes('/')) remainder = 'library/' + remainder;
    return { domain: DOCKER_HUB, remainder };
  }
  let domain = first;
  let remainder = s.slice(i + 1);
  if (domain === LEGACY_DOCKER_HUB) domain = DOCKER_HUB;
  if (domain === DOCKER_HUB && !remainder.includes('/')) remainder = 'library/' + remainder;
  return { domain, remainder };
}

/** References already parsed: the same few images recur across thousands of pods, events and fixes. */
const parsed = new Map<string, ImageReferenceResult>();
/** Bound on the memo, so a stream of distinct references cannot grow it without end. */
const MAX_PARSED = 8192;

/** Parses and normalises an image reference; never throws. The answer is frozen (it may be shared). */
export function parseImageReference(input: string): ImageReferenceResult {
  let r = parsed.get(input);
  if (r) return r;
  r = parseReference(input);
  if (r.ok) Object.freeze(r.ref);
  Object.freeze(r);
  if (parsed.size < MAX_PARSED) parsed.set(input, r);
  return r;
}

function parseReference(input: string): ImageReferenceResult {
  const original = input;
  const s = input.trim();
  if (s === '') return fail(original, 'repository name must have at least one component');
  if (s !== input) return fail(original, 'invalid reference format');
  if (HEX64_RE.test(s)) return fail(original, `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const { domain, remainder } = splitDomain(s);
  const remoteName = remainder.split('@')[0].split(':')[0];
  if (remoteName.toLowerCase() !== remoteName) {
    return fail(original, `invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) {
    if (REFERENCE_RE.test(full.toLowerCase())) return fail(original, 'repository name must be lowercase');
    return fail(original, 'invalid reference format');
  }
  const name = m[1];
  if (name.length > NAME_TOTAL_LENGTH_MAX) return fail(original, `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  const tag = m[2];
  const digest = m[3];
  if (digest) {
    const [algo, hex] = digest.split(':');
    const want = DIGEST_LENGTHS[algo];
    if (want === undefined) return fail(original, `unsupported digest algorithm`);
    if (hex.length !== want) return fail(original, `invalid checksum digest length`);
    if (hex.toLowerCase() !== hex) return fail(original, `invalid checksum digest format`);
  }
  const path = name.slice(domain.length + 1);
  const { host, port } = splitHostPort(domain);
  const canonical = name + (tag ? `:${tag}` : digest ? '' : ':latest') + (digest ? `@${digest}` : '');
  return {
    ok: true,
    ref: { original, domain, path, tag, digest, name, canonical, host, port, dockerHub: domain === DOCKER_HUB },
  };
}

/** `reg.local:5000` → host reg.local, port 5000; `[::1]:5000` → host [::1], port 5000. */
export function splitHostPort(domain: string): { host: string; port?: string } {
  const m = /^(.*?)(?::(\d+))?$/.exec(domain);
  if (!m || (domain.startsWith('[') && !m[1].endsWith(']'))) return { host: domain };
  return m[2] ? { host: m[1], port: m[2] } : { host: m[1] };
}

/** The normalised registry host of an image, or undefined when the reference does not parse. */
export function registryOf(image: string): string | undefined {
  const r = parseImageReference(image);
  return r.ok ? r.ref.domain : undefined;
}
