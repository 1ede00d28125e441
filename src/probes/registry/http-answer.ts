/**
 * The registry's HTTP answers as the probe records them: a success goes on, anything else ends the
 * attempt with the answer (status and the registry's error code) and the words containerd would print.
 * What an answer means (a missing image, refused credentials, a rate limit, a broken server) is the
 * rules' (src/rules/_registry-verdict.ts).
 */
import type { RegistryAnswer } from '../../evidence/probes.js';
import { PhaseError } from './dial.js';
import type { HttpResponse } from './http1.js';

function registryError(r: HttpResponse): { code?: string; message?: string } {
  try {
    const e = JSON.parse(r.body.toString('utf8'))?.errors?.[0];
    if (e?.code) return { code: String(e.code), message: e.message ?? '' };
  } catch {
    /* not JSON */
  }
  return {};
}

export function registryErrorText(r: HttpResponse): string {
  const e = registryError(r);
  return e.code ? `${e.code.toLowerCase().replace(/_/g, ' ')}: ${e.message ?? ''}`.trim() : r.statusText;
}

/** The answer as evidence: its status and, when the body names one, the registry's error code. */
export function answerOf(r: HttpResponse): RegistryAnswer {
  const { code } = registryError(r);
  return code ? { status: r.status, code } : { status: r.status };
}

/**
 * Ends the attempt unless the answer is a success; 401 on /v2/ is the normal start of auth and passes.
 * The message is containerd's wording for the answer (with or without credentials sent).
 */
export function requireSuccess(r: HttpResponse, phaseName: string, haveCreds: boolean, sentAuth: boolean): void {
  const st = r.status;
  if (st >= 200 && st < 300) return;
  if (st === 401 && phaseName === 'v2') return;
  const text = `${st} ${registryErrorText(r)}`;
  const fail = (message: string): never => {
    throw new PhaseError(phaseName, undefined, message, answerOf(r));
  };
  if (st === 429) fail(`${text}: toomanyrequests`);
  if (st >= 500) fail(`unexpected status ${text}`);
  if (st === 401 || st === 403) fail(haveCreds ? `${text} with credentials: denied` : `${text}: pull access denied, repository does not exist or may require authorization${sentAuth ? ' (anonymous token)' : ''}`);
  if (st === 404) fail(phaseName === 'v2' ? `GET /v2/ answered 404: not a registry v2 API at this URL (override_path?)` : `${text}: not found`);
  fail(`unexpected status ${text}`);
}
