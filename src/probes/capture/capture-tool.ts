/**
 * Which capture program to run. tcpdump, started as root, switches to another user before writing
 * (Debian's build: to "tcpdump"; -Z names another), and that needs CAP_SETUID and CAP_SETGID — which
 * the agent's container drops (deploy/manifests: NET_RAW and NET_ADMIN only). dumpcap (Wireshark's
 * capture engine) switches to no one, so it runs there.
 */
import { readFileSync } from 'node:fs';

export type CaptureTool = 'tcpdump' | 'dumpcap';

const CAP_SETGID = 6n;
const CAP_SETUID = 7n;

/** tcpdump where it can switch users (not root, or root with both capabilities), else dumpcap. */
export function pickCaptureTool(status = safeRead('/proc/self/status'), uid = process.getuid?.() ?? 0): CaptureTool {
  if (uid !== 0) return 'tcpdump';
  const eff = /^CapEff:\s*([0-9a-f]+)/im.exec(status)?.[1];
  if (eff === undefined) return 'tcpdump';
  const caps = BigInt(`0x${eff}`);
  return (caps >> CAP_SETGID) & 1n && (caps >> CAP_SETUID) & 1n ? 'tcpdump' : 'dumpcap';
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
