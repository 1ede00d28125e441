import { describe, expect, it } from 'vitest';
import type { RegistryAttempt, RegistryProbeResult } from '../evidence/probes.js';
import { answerCause, judgeRegistry, registryCause } from './_registry-verdict.js';

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
