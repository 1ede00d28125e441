import type { ParseProblem } from '../evidence/node.js';

/**
 * Parses /proc/net/snmp (and /proc/net/netstat): pairs of lines "Proto: Name1 Name2 …" then
 * "Proto: v1 v2 …". A value line that does not fit its header is reported with its line number.
 */
export function parseProcNetSnmp(text: string, file: string): { values: Record<string, Record<string, number>>; problems: ParseProblem[] } {
  const values: Record<string, Record<string, number>> = {};
  const problems: ParseProblem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i].trim();
    if (!head) continue;
    const colon = head.indexOf(':');
    if (colon <= 0) {
      problems.push({ file, line: i + 1, message: 'expected "Proto: names…"' });
      continue;
    }
    const proto = head.slice(0, colon);
    const names = head.slice(colon + 1).trim().split(/\s+/).filter(Boolean);
    const next = lines[i + 1]?.trim() ?? '';
    if (!next.startsWith(proto + ':')) {
      problems.push({ file, line: i + 1, field: proto, message: `header for ${proto} has no value line after it` });
      continue;
    }
    i++;
    const nums = next.slice(colon + 1).trim().split(/\s+/).filter(Boolean);
    if (nums.length !== names.length) problems.push({ file, line: i + 1, field: proto, message: `${proto}: ${names.length} names but ${nums.length} values` });
    const rec: Record<string, number> = (values[proto] ??= {});
    names.forEach((name, j) => {
      const v = Number(nums[j]);
      if (nums[j] !== undefined && Number.isFinite(v)) rec[name] = v;
    });
  }
  return { values, problems };
}
