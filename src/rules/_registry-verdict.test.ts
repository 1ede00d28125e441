import { describe, expect, it } from 'vitest';
import type { RegistryAttempt, RegistryProbeResult } from '../evidence/probes.js';
import type { RegistryFailure } from '../evidence/probes.js';
import { answerCause, failureCause, judgeRegistry, registryCause } from './_registry-verdict.js';

const result = (attempts: RegistryAttempt[], over: Partial<RegistryProbeResult> = {}): RegistryProbeResult => ({
  image: 'reg.test/app/ok:1',
  registry: 'reg.test',
  phases: [],
  ok: attempts.at(-1)?.ok ?? false,
  attempts,
  credentials: null,
  ...over,
});
const server = (over: Partial<RegistryAttempt>): RegistryAttempt => ({ endpoint: 'https://reg.test', mirror: false, ok: false, ...over });
const mirror = (over: Partial<RegistryAttempt>): RegistryAttempt => ({ endpoint: 'https://mirror.test', mirror: true, ok: false, ...over });

describe('what a registry answer means', () => {
  it.each([
    ['v2', 404, false, 'registry.server-error'],
    ['manifest', 404, false, 'image.not-found'],
    ['auth', 404, false, 'registry.server-error'],
    ['manifest', 401, false, 'image.auth-missing'],
    ['manifest', 403, true, 'image.auth-rejected'],
    ['auth', 401, true, 'image.auth-rejected'],
    ['platform', 401, true, 'image.auth-missing'],
    ['manifest', 429, true, 'image.rate-limited'],
    ['auth', 429, false, 'image.rate-limited'],
    ['v2', 503, false, 'registry.server-error'],
    ['manifest', 400, false, 'registry.server-error'],
  ] as const)('%s answered %i (credentials sent: %s) → %s', (phase, status, creds, cause) => {
    expect(answerCause(phase, { status }, creds)).toBe(cause);
  });
});

describe('the cause of a probe result', () => {
  it('an answer that ended the pull is judged; a transport failure keeps the name the probe gave it', () => {
    expect(registryCause(result([server({ failedPhase: 'manifest', answer: { status: 404, code: 'MANIFEST_UNKNOWN' } })]))).toBe('image.not-found');
    expect(registryCause(result([server({ failedPhase: 'manifest', answer: { status: 401 } })], { credentials: { key: 'reg.test' } }))).toBe('image.auth-rejected');
    expect(registryCause(result([server({ failedPhase: 'tcp', cause: 'registry.connection-refused' })]))).toBe('registry.connection-refused');
    expect(registryCause(result([server({ ok: true })]))).toBeUndefined();
  });

  it('mirrors: a mirror that failed on its own is the cause, unless the server refused the image itself', () => {
    const refused = mirror({ failedPhase: 'tcp', cause: 'registry.connection-refused' });
    expect(registryCause(result([refused, server({ ok: true })]))).toBe('registry.mirror-misconfigured');
    expect(registryCause(result([refused, server({ failedPhase: 'tls', cause: 'registry.tls-untrusted' })]))).toBe('registry.mirror-misconfigured');
    expect(registryCause(result([refused, server({ failedPhase: 'manifest', answer: { status: 404 } })]))).toBe('image.not-found');
    // every mirror answered at image level: the server's own failure is the cause
    expect(registryCause(result([mirror({ failedPhase: 'manifest', answer: { status: 404 } }), server({ failedPhase: 'tls', cause: 'registry.tls-untrusted' })]))).toBe('registry.tls-untrusted');
    // the pull ended on a mirror (no server to fall back to)
    expect(registryCause(result([mirror({ failedPhase: 'manifest', answer: { status: 404 } })]))).toBe('registry.mirror-misconfigured');
  });

  it('no attempt: a reference that does not parse, or no host that may serve the pull', () => {
    expect(registryCause(result([], { failedPhase: 'reference' }))).toBe('image.invalid-reference');
    expect(registryCause(result([], { failedPhase: 'hosts' }))).toBe('registry.mirror-misconfigured');
  });

  it('a cause written by an older probe is kept; judging returns a copy with each attempt named', () => {
    const old = result([server({ failedPhase: 'manifest', answer: { status: 404 } })], { cause: 'registry.server-error' });
    expect(registryCause(old)).toBe('registry.server-error');
    const measured = Object.freeze(result([mirror({ failedPhase: 'v2', answer: { status: 500 } }), server({ ok: true })], { ok: true }));
    const judged = judgeRegistry(measured);
    expect(judged.cause).toBe('registry.mirror-misconfigured');
    expect(judged.attempts!.map((a) => a.cause)).toEqual(['registry.server-error', undefined]);
    expect(measured.cause).toBeUndefined();
  });
});

describe('what an observed failure means', () => {
  it.each([
    [{ step: 'dns', code: 'ENOTFOUND' }, 'registry.dns'],
    [{ step: 'dns', code: 'TIMEOUT' }, 'registry.dns'],
    [{ step: 'tcp', code: 'ECONNREFUSED' }, 'registry.connection-refused'],
    [{ step: 'tcp', code: 'ECONNRESET' }, 'registry.connection-refused'],
    [{ step: 'tcp', code: 'TIMEOUT' }, 'registry.connect-timeout'],
    [{ step: 'tcp', code: 'EHOSTUNREACH' }, 'registry.connect-timeout'],
    [{ step: 'tcp', code: 'ENETUNREACH' }, 'registry.connect-timeout'],
    [{ step: 'proxy', code: 'PROXY_URL' }, 'registry.proxy'],
    [{ step: 'proxy', code: 'ECONNREFUSED' }, 'registry.proxy'],
    [{ step: 'proxy-connect', code: 'PROXY_STATUS' }, 'registry.proxy'],
    [{ step: 'tls', code: 'TIMEOUT' }, 'registry.tls-handshake-timeout'],
    [{ step: 'tls', code: 'ECONNRESET' }, 'registry.tls-handshake-timeout'],
    [{ step: 'tls', code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', alert: 'handshake failure' }, 'registry.tls-handshake-timeout'],
    [{ step: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER', plaintext: true, answersHttp: true }, 'registry.http-to-https'],
    [{ step: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER', plaintext: true }, 'registry.http-to-https'],
    [{ step: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER', plaintext: true, answersHttp: false }, 'registry.tls-handshake-timeout'],
    [{ step: 'x509', code: 'CERT_HAS_EXPIRED' }, 'registry.tls-expired-or-clock'],
    [{ step: 'x509', code: 'CERT_NOT_YET_VALID' }, 'registry.tls-expired-or-clock'],
    [{ step: 'x509', code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'registry.tls-name-mismatch'],
    [{ step: 'x509', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'registry.tls-untrusted'],
    [{ step: 'x509', code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }, 'registry.tls-untrusted'],
    [{ step: 'credentials', code: 'NO_CREDENTIALS' }, 'image.auth-missing'],
    [{ step: 'platform', code: 'NO_PLATFORM' }, 'image.platform-mismatch'],
    [{ step: 'platform', code: 'TIMEOUT' }, 'registry.connect-timeout'],
    [{ step: 'request', code: 'TIMEOUT' }, 'registry.connect-timeout'],
    [{ step: 'request', code: 'CLOSED' }, 'registry.server-error'],
    [{ step: 'token', code: 'NO_TOKEN' }, 'registry.server-error'],
    [{ step: 'token', code: 'TIMEOUT' }, 'registry.connect-timeout'],
    [{ step: 'probe', code: 'ERROR' }, 'registry.server-error'],
  ] as [RegistryFailure, string][])('%j → %s', (f, cause) => {
    expect(failureCause(f)).toBe(cause);
  });

  it('an older bundle\'s attempt, named by its probe, is judged as the same failure measured today', () => {
    const pairs: [string, RegistryFailure][] = [
      ['registry.connection-refused', { step: 'tcp', code: 'ECONNREFUSED' }],
      ['registry.tls-untrusted', { step: 'x509', code: 'SELF_SIGNED_CERT_IN_CHAIN' }],
      ['registry.http-to-https', { step: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER', plaintext: true, answersHttp: true }],
      ['image.auth-missing', { step: 'credentials', code: 'NO_CREDENTIALS' }],
    ];
    for (const [cause, failure] of pairs) {
      const old = judgeRegistry(result([mirror({ failedPhase: 'tcp', cause: 'registry.connection-refused' }), server({ failedPhase: 'tls', cause })]));
      const now = judgeRegistry(result([mirror({ failedPhase: 'tcp', failure: { step: 'tcp', code: 'ECONNREFUSED' } }), server({ failedPhase: 'tls', failure })]));
      expect([now.cause, now.attempts!.map((a) => a.cause)], cause).toEqual([old.cause, old.attempts!.map((a) => a.cause)]);
      expect(registryCause(result([server({ failedPhase: 'tls', cause })]))).toBe(cause);
      expect(registryCause(result([server({ failedPhase: 'tls', failure })]))).toBe(cause);
    }
    // a cause an old probe wrote wins over a measurement, should an attempt carry both
    expect(registryCause(result([server({ cause: 'registry.tls-untrusted', failure: { step: 'tcp', code: 'ECONNREFUSED' } })]))).toBe('registry.tls-untrusted');
  });
});
