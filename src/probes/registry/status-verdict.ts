/** Registry HTTP answers to cause ids (facts §8 error codes), with the words containerd would print. */
import { PhaseError } from './dial.js';
import type { HttpResponse } from './http1.js';

export function registryErrorText(r: HttpResponse): string {
  try {
    const doc = JSON.parse(r.body.toString('utf8'));
    const e = doc?.errors?.[0];
    if (e?.code) return `${String(e.code).toLowerCase().replace(/_/g, ' ')}: ${e.message ?? ''}`.trim();
  } catch {
    /* not JSON */
  }
  return r.statusText;
}

/** Maps an HTTP status to a cause; 401 on /v2/ is the normal start of auth and passes. */
export function statusVerdict(r: HttpResponse, phaseName: string, haveCreds: boolean, sentAuth: boolean): void {
  const st = r.status;
  const text = `${st} ${registryErrorText(r)}`;
  if (st >= 200 && st < 300) return;
  if (st === 401 && phaseName === 'v2') return;
  if (st === 429) throw new PhaseError(phaseName, 'image.rate-limited', `${text}: toomanyrequests`);
  if (st >= 500) throw new PhaseError(phaseName, 'registry.server-error', `unexpected status ${text}`);
  if (st === 401 || st === 403) {
    const cause = haveCreds ? 'image.auth-rejected' : 'image.auth-missing';
    throw new PhaseError(phaseName, cause, haveCreds ? `${text} with credentials: denied` : `${text}: pull access denied, repository does not exist or may require authorization${sentAuth ? ' (anonymous token)' : ''}`);
  }
  if (st === 404) {
    if (phaseName === 'v2') throw new PhaseError(phaseName, 'registry.server-error', `GET /v2/ answered 404: not a registry v2 API at this URL (override_path?)`);
    throw new PhaseError(phaseName, 'image.not-found', `${text}: not found`);
  }
  throw new PhaseError(phaseName, 'registry.server-error', `unexpected status ${text}`);
}
