import { UsageError } from '../errors.js';

/** "30s", "5m", "1500ms", "1h", or plain seconds → milliseconds; the same for every flag that takes a time. */
export function parseDuration(v: string, flag = '--timeout'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UsageError(`${flag} takes a duration like 30s, 2m or 500ms (got "${v}")`);
  const n = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000);
  if (n <= 0) throw new UsageError(`${flag} must be more than zero (got "${v}")`);
  return n;
}
