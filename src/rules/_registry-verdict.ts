/**
 * What a registry probe's result means (pure): the cause of each attempt — what the transport, TLS or
 * token exchange showed, or what the registry's HTTP answer means (facts §8 error codes) — and then
 * the result's cause, a broken mirror when the mirrors failed on their own and the pull went on
 * (or ended) elsewhere. The probe records; this judges, so a newer version re-judges an old bundle.
 */
import type { RegistryAnswer, RegistryAttempt, RegistryFailure, RegistryProbeResult } from '../evidence/probes.js';

/** errnos of a connection the host refused (a reset during connect reads the same in Go: "connection refused"). */
const REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET']);
/** X.509 codes of a certificate outside its validity period, by the node's clock. */
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** X.509 codes of a certificate that does not name the host dialled. */
const NAME = /HOSTNAME|ALTNAME/;

/**
 * What a failure the probe observed means, as containerd would name it: the step tells the layer
 * (resolver, network, proxy, TLS, certificate), the code what happened there. A timeout anywhere
 * but the handshake is a connect timeout; a handshake that got plain text back is a plain-HTTP
 * registry when the port answers HTTP (or was not asked), else a broken handshake.
 */
export function failureCause(f: Readonly<RegistryFailure>): string {
  switch (f.step) {
    case 'dns':
      return 'registry.dns';
    case 'proxy':
    case 'proxy-connect':
      return 'registry.proxy';
    case 'tcp':
      return REFUSED.has(f.code) ? 'registry.connection-refused' : 'registry.connect-timeout';
    case 'tls':
      return f.plaintext && f.answersHttp !== false ? 'registry.http-to-https' : 'registry.tls-handshake-timeout';
    case 'x509':
      return EXPIRED.has(f.code) ? 'registry.tls-expired-or-clock' : NAME.test(f.code) ? 'registry.tls-name-mismatch' : 'registry.tls-untrusted';
    case 'credentials':
      return 'image.auth-missing';
    case 'platform':
      if (f.code === 'NO_PLATFORM') return 'image.platform-mismatch';
      return f.code === 'TIMEOUT' ? 'registry.connect-timeout' : 'registry.server-error';
    default:
      // request, token, probe: the registry (or its token endpoint) broke off or said nothing usable
      return f.code === 'TIMEOUT' ? 'registry.connect-timeout' : 'registry.server-error';
  }
}

/**
 * What the registry's answer in one phase means. 401/403 refuse the credentials sent, or ask for
 * some when none were (the platform GET never counts as sending them); 404 on /v2/ is not a registry
 * API at that URL, elsewhere (but the token endpoint) a missing image.
 */
export function answerCause(phase: string | undefined, answer: Readonly<RegistryAnswer>, haveCreds: boolean): string {
  const st = answer.status;
  if (st === 401 || st === 403) return haveCreds && phase !== 'platform' ? 'image.auth-rejected' : 'image.auth-missing';
  if (st === 429) return 'image.rate-limited';
  if (st === 404 && phase !== 'v2' && phase !== 'auth') return 'image.not-found';
  return 'registry.server-error';
}

/**
 * One attempt's cause: from what the probe observed, or from the registry's answer. An attempt from
 * an older bundle, whose probe named the cause itself (`cause`, no `failure`), keeps that name.
 */
export function attemptCause(a: Readonly<RegistryAttempt>, haveCreds: boolean): string | undefined {
  if (a.ok) return undefined;
  if (a.cause) return a.cause;
  if (a.failure) return failureCause(a.failure);
  return a.answer ? answerCause(a.failedPhase, a.answer, haveCreds) : 'registry.server-error';
}

/**
 * The result's cause (undefined for a clean pull). A result that names one (from a version whose
 * probe judged) keeps it. Mirrors that failed in transport while the server refused at image level
 * leave the image's cause; a pull that failed on a mirror, or that only the fallback saved, is the mirror's.
 */
export function registryCause(r: Readonly<RegistryProbeResult>): string | undefined {
  if (r.cause) return r.cause;
  if (!r.ok && r.failedPhase === 'reference') return 'image.invalid-reference';
  if (!r.ok && r.failedPhase === 'hosts') return 'registry.mirror-misconfigured';
  const attempts = r.attempts ?? [];
  const haveCreds = !!r.credentials;
  const last = attempts[attempts.length - 1];
  const failedMirrors = attempts.filter((a) => a.mirror && !a.ok);
  if (last && !last.ok) {
    const cause = attemptCause(last, haveCreds);
    if (failedMirrors.length && last.mirror) return 'registry.mirror-misconfigured';
    const mirrorTransport = failedMirrors.some((a) => !attemptCause(a, haveCreds)?.startsWith('image.'));
    return failedMirrors.length && mirrorTransport && !cause?.startsWith('image.') ? 'registry.mirror-misconfigured' : cause;
  }
  if (last?.ok && failedMirrors.length) return 'registry.mirror-misconfigured';
  return undefined;
}

/** The result with its attempts and itself judged: what every consumer of a probe result reads. */
export function judgeRegistry(r: Readonly<RegistryProbeResult>): RegistryProbeResult {
  const haveCreds = !!r.credentials;
  const cause = registryCause(r);
  return {
    ...r,
    ...(cause ? { cause } : {}),
    ...(r.attempts ? { attempts: r.attempts.map((a) => (a.ok || a.cause ? a : { ...a, cause: attemptCause(a, haveCreds) })) } : {}),
  };
}
