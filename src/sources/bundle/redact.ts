/** Credential-looking text in free text (log lines, config values) → [REDACTED]: the one redactor of src/parsers/redact.ts. No dependencies, so readers load it cheaply. */
import { redactText } from '../../parsers/redact.js';

/** Replaces credential-looking values in free text with [REDACTED]. */
export function redact(s: string): string {
  return redactText(s, '[REDACTED]');
}
