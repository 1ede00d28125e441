import type { ParseProblem } from '../evidence/node.js';

/**
 * Parses `ethtool -k <iface>`: "feature: on|off [fixed|requested on]" lines. Values are reduced to
 * "on"/"off" (what the kernel does now); "[fixed]" only says the user cannot change it.
 */
export function parseEthtoolFeatures(text: string, file: string): { iface?: string; features: Record<string, string>; problems: ParseProblem[] } {
  const features: Record<string, string> = {};
  const problems: ParseProblem[] = [];
  let iface: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const head = /^Features for (.+):$/.exec(line);
    if (head) {
      iface = head[1];
      return;
    }
    const m = /^([\w-]+):\s*(on|off)\b/.exec(line);
    if (m) features[m[1]] = m[2];
    else problems.push({ file, line: i + 1, message: `unrecognised ethtool line "${line.slice(0, 80)}"` });
  });
  return { iface, features, problems };
}
