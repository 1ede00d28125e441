/** Credential-looking text in free text (log lines, config values) → [REDACTED]. No dependencies, so readers load it cheaply. */
const SECRETISH = /\b(password|passwd|pass|token|secret|api[_-]?key|authorization|auth)(\s*["']?\s*[:=]\s*["']?\s*)(bearer\s+|basic\s+)?[^\s"',;}]+/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const URL_CREDS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

/** Replaces credential-looking values in free text with [REDACTED]. */
export function redact(s: string): string {
  return s.replace(URL_CREDS, '$1[REDACTED]@').replace(SECRETISH, '$1$2$3[REDACTED]').replace(BEARER, '$1 [REDACTED]');
}
