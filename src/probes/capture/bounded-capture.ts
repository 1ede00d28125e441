/**
 * A bounded capture with tcpdump (Debian `tcpdump`) or dumpcap (Debian `tshark`'s, see
 * capture-tool.ts): classic pcap to stdout, stopped by whichever comes first of its time, its packet
 * count or its size. Memory holds at most maxBytes (plus one pipe read); the result always ends at a
 * whole packet.
 */
import { spawn } from 'node:child_process';
import { pickCaptureTool, type CaptureTool } from './capture-tool.js';
import { completeRecords } from './pcap-records.js';

export const CAPTURE_FILTERS = {
  /** the overlay and what explains its failures: VXLAN (8472, 4789), ICMP (frag-needed), ARP */
  vxlan: 'udp port 8472 or udp port 4789 or icmp or arp',
  /** everything on the interface */
  all: '',
} as const;
export type CaptureFilter = keyof typeof CAPTURE_FILTERS;

export const CAPTURE_LIMITS = { maxSeconds: 60, maxBytes: 64 << 20, maxPackets: 1_000_000 } as const;

export interface CaptureRequest {
  seconds: number;
  /** interface name or "any" */
  iface?: string;
  filter?: CaptureFilter;
  /** bytes kept of each packet. Default 512 (outer and inner headers, DNS messages). */
  snaplen?: number;
  maxBytes?: number;
  maxPackets?: number;
  /** network namespace (a name under /var/run/netns or a path); default: this process's */
  netns?: string;
  /** default: pickCaptureTool() */
  tool?: CaptureTool;
  /** the program's path, when not the tool's name on $PATH */
  program?: string;
}

export interface CaptureResult {
  pcap: Buffer;
  packets: number;
  /** what ended it: its time, its size, its packet count */
  stoppedBy: 'time' | 'size' | 'packets';
}

export class CaptureError extends Error {}

const IFACE = /^(any|[A-Za-z0-9_.:@-]{1,15})$/;

/** Checks a request against the limits; returns the one-line problem, or undefined. */
export function captureProblem(r: CaptureRequest): string | undefined {
  if (!Number.isInteger(r.seconds) || r.seconds < 1 || r.seconds > CAPTURE_LIMITS.maxSeconds) return `seconds must be a whole number 1-${CAPTURE_LIMITS.maxSeconds}`;
  if (r.iface !== undefined && !IFACE.test(r.iface)) return 'iface must be an interface name or "any"';
  if (r.filter !== undefined && !(r.filter in CAPTURE_FILTERS)) return `filter must be one of ${Object.keys(CAPTURE_FILTERS).join(', ')}`;
  if (r.maxBytes !== undefined && !(r.maxBytes >= 1024 && r.maxBytes <= CAPTURE_LIMITS.maxBytes)) return `maxBytes must be 1024-${CAPTURE_LIMITS.maxBytes}`;
  if (r.maxPackets !== undefined && !(Number.isInteger(r.maxPackets) && r.maxPackets >= 1 && r.maxPackets <= CAPTURE_LIMITS.maxPackets)) return `maxPackets must be 1-${CAPTURE_LIMITS.maxPackets}`;
  if (r.snaplen !== undefined && !(Number.isInteger(r.snaplen) && r.snaplen >= 64 && r.snaplen <= 65535)) return 'snaplen must be 64-65535';
  return undefined;
}

export function capturePackets(r: CaptureRequest): Promise<CaptureResult> {
  const problem = captureProblem(r);
  if (problem) return Promise.reject(new CaptureError(problem));
  const maxBytes = r.maxBytes ?? 16 << 20;
  const maxPackets = r.maxPackets ?? 200_000;
  const filter = CAPTURE_FILTERS[r.filter ?? 'vxlan'];
  const tool = r.tool ?? pickCaptureTool();
  const program = r.program ?? tool;
  const snap = String(r.snaplen ?? 512);
  const iface = r.iface ?? 'any';
  const cmd =
    tool === 'tcpdump'
      ? // -U: each packet written as it comes, so a stop loses nothing buffered; -Z root: no "tcpdump" user needed
        [program, '-i', iface, '-U', '-w', '-', '-s', snap, '-c', String(maxPackets), '-Z', 'root', '-n', ...(filter ? [filter] : [])]
      : // -P: classic pcap; -q: no packet counter on stderr
        [program, '-i', iface, '-P', '-w', '-', '-s', snap, '-c', String(maxPackets), '-q', ...(filter ? ['-f', filter] : [])];
  const argv = r.netns ? ['nsenter', `--net=${r.netns.startsWith('/') ? r.netns : `/var/run/netns/${r.netns}`}`, '--', ...cmd] : cmd;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stoppedBy: CaptureResult['stoppedBy'] = 'packets';
    let stopped = false;
    let stderr = '';
    const stop = (why: CaptureResult['stoppedBy']) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stoppedBy = why;
      stopped = true;
      child.kill('SIGTERM');
    };
    const timer = setTimeout(() => stop('time'), r.seconds * 1000);
    // tcpdump ignoring SIGTERM (it does not) would still end here
    const hard = setTimeout(() => child.kill('SIGKILL'), r.seconds * 1000 + 5000);
    const install = tool === 'tcpdump' ? 'apt-get install tcpdump' : 'apt-get install tshark';
    child.stdout.on('data', (b: Buffer) => {
      if (size >= maxBytes) return;
      chunks.push(b);
      size += b.length;
      if (size >= maxBytes) stop('size');
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 4096) stderr += b.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      clearTimeout(hard);
      reject(new CaptureError(`${argv[0]} could not start: ${e.message} (Debian: ${install})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(hard);
      const all = Buffer.concat(chunks);
      const whole = completeRecords(all, maxBytes);
      // a program that ends by itself with an error may still have written the file header (tcpdump does)
      if (!whole || all.length === 0 || (!stopped && code !== 0)) {
        const line = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^(listening on|tcpdump: data link type|Capturing on|File: )/.test(l))[0];
        const missing = code === 127 || /No such file or directory|failed to execute/.test(stderr) ? ` (Debian: ${install})` : '';
        return reject(new CaptureError(`${tool} failed${line ? `: ${line}` : ` (exit ${code ?? signal})`}${missing}`));
      }
      resolve({ pcap: whole.bytes, packets: whole.packets, stoppedBy });
    });
  });
}
