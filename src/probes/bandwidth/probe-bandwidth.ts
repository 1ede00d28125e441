/**
 * `probe bandwidth`: for each node pair, an iperf3 TCP run node → node on the underlay, then pod → pod
 * over the overlay, one after the other so they do not share what they measure. Records the MTUs the
 * two paths cut segments to and the receiving node's Udp InCsumErrors around the overlay run; what the
 * numbers mean is judged in src/rules/probe/_bandwidth-verdict.ts.
 * Bounded: every iperf3 runs under `timeout`; a server nobody reached ends by itself.
 */
import type { BandwidthPairResult, BandwidthRun } from '../../evidence/probes.js';
import { netnsRunner } from '../mesh/runner.js';
import type { MeshRunner, MeshTarget } from '../mesh/types.js';
import { busiestCpuPct, parseProcStat } from './cpu-busy.js';
import { parseIperfClient } from './iperf-json.js';
import { bandwidthPairs, type BandwidthPairMode } from './pairs.js';

export interface BandwidthProbeOptions {
  runner?: MeshRunner;
  /** Length of each iperf3 run. Default 3 s. */
  seconds?: number;
  /** Pairs to measure (from, to); default: bandwidthPairs(names, mode). */
  pairs?: [string, string][];
  mode?: BandwidthPairMode;
  /** First TCP port for the iperf3 servers; each run takes the next. Default a random one in 40000-49000. */
  port?: number;
  /** iperf3 binary. Default "iperf3". */
  iperf3?: string;
  /**
   * Cap each run at this many bits per second (iperf3 -b). Below what the wire and the CPUs carry, both
   * runs reach the cap, so the ratio says nothing about MTU or CPU limits and only loss (resends) and
   * failures stand out: a loss check that does not depend on how busy the machine is. Default: no cap.
   */
  bitrate?: number;
}

export interface BandwidthProbeReport {
  results: BandwidthPairResult[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a refused client keeps asking while its server starts. */
const SERVER_START_MS = 15_000;

/** MTU of the interface holding ip in netns, from `ip -j addr`. */
async function mtuOf(runner: MeshRunner, netns: string | undefined, ip: string): Promise<number | undefined> {
  const r = await runner.exec(netns, ['ip', '-4', '-j', 'addr', 'show'], { allowFail: true });
  try {
    const links = JSON.parse(r.stdout || '[]') as { mtu?: number; addr_info?: { local?: string }[] }[];
    const link = links.find((l) => (l.addr_info ?? []).some((a) => a.local === ip));
    return typeof link?.mtu === 'number' ? link.mtu : undefined;
  } catch {
    return undefined;
  }
}

/** Udp InCsumErrors of a namespace (/proc/net/snmp is per network namespace). */
async function udpCsumErrors(runner: MeshRunner, netns: string | undefined): Promise<number | undefined> {
  const r = await runner.exec(netns, ['cat', '/proc/net/snmp'], { allowFail: true });
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('Udp:'));
  if (lines.length < 2) return undefined;
  const keys = lines[0]!.trim().split(/\s+/);
  const vals = lines[1]!.trim().split(/\s+/);
  const v = Number(vals[keys.indexOf('InCsumErrors')]);
  return keys.includes('InCsumErrors') && Number.isFinite(v) ? v : undefined;
}

export async function probeBandwidth(targets: MeshTarget[], opts: BandwidthProbeOptions = {}): Promise<BandwidthProbeReport> {
  const t0 = performance.now();
  const runner = opts.runner ?? netnsRunner;
  const seconds = opts.seconds ?? 3;
  const iperf3 = opts.iperf3 ?? 'iperf3';
  let port = opts.port ?? 40000 + Math.floor(Math.random() * 9000);
  const byName = new Map(targets.map((t) => [t.name, t]));
  const pairs = opts.pairs ?? bandwidthPairs(targets.map((t) => t.name), opts.mode ?? 'ring');
  for (const [a, b] of pairs) for (const n of [a, b]) if (!byName.has(n)) throw new Error(`no target named ${n}`);

  const notInstalled = (path: string) => `${iperf3} is not installed where the ${path} run needs it (Debian: apt-get install iperf3)`;
  const runOnce = async (path: BandwidthRun['path'], serverNs: string | undefined, clientNs: string | undefined, fromIp: string, toIp: string): Promise<BandwidthRun> => {
    const p = String(port++);
    let serverDone = false;
    const server = runner.exec(serverNs, ['timeout', String(seconds + 20), iperf3, '-s', '-1', '-p', p], { allowFail: true }).then((r) => {
      serverDone = true;
      return r;
    });
    const cpu = async () => parseProcStat((await runner.exec(clientNs, ['cat', '/proc/stat'], { allowFail: true })).stdout);
    const cpuBefore = await cpu();
    const client = ['timeout', String(seconds + 15), iperf3, '-c', toIp, '-p', p, '-t', String(seconds), '-J', '--connect-timeout', '3000', ...(opts.bitrate ? ['-b', String(Math.round(opts.bitrate))] : [])];
    let measure = parseIperfClient('');
    // The server needs a moment to listen, longer on a loaded machine: a refused connection is asked
    // again while it starts, for a time rather than a count (a count ran out under CI's load).
    const startBy = performance.now() + SERVER_START_MS;
    for (;;) {
      const r = await runner.exec(clientNs, client, { allowFail: true });
      measure = r.code === 127 || /not found|No such file/.test(r.stderr) ? { ok: false, error: notInstalled(path) } : parseIperfClient(r.stdout || r.stderr);
      if (measure.ok || !/Connection refused/i.test(measure.error ?? '') || serverDone || performance.now() > startBy) break;
      await sleep(200);
    }
    if (serverDone && !measure.ok) {
      const s = await server;
      if (s.code === 127 || /not found|No such file/.test(s.stderr)) measure = { ok: false, error: notInstalled(path) };
      else if (s.stderr.trim()) measure.error = `${measure.error}; server: ${s.stderr.trim().slice(0, 200)}`;
    }
    if (measure.ok) {
      const busiest = busiestCpuPct(cpuBefore, await cpu());
      if (busiest !== undefined) measure.cpuBusiestPct = busiest;
      // A server that saw its one test ends at once; one nobody reached ends with its timeout, unawaited.
      await server;
    }
    return { path, fromIp, toIp, ...measure };
  };

  const results: BandwidthPairResult[] = [];
  for (const [an, bn] of pairs) {
    const a = byName.get(an)!;
    const b = byName.get(bn)!;
    const r: BandwidthPairResult = {
      from: an,
      to: bn,
      underlay: await runOnce('underlay', b.netns, a.netns, a.underlayIp, b.underlayIp),
      overlay: { path: 'overlay', fromIp: a.pod?.ip ?? '', toIp: b.pod?.ip ?? '', ok: false, error: `no pod to measure from on ${!a.pod ? an : bn}` },
    };
    const underlayMtu = await mtuOf(runner, a.netns, a.underlayIp);
    if (underlayMtu !== undefined) r.underlayMtu = underlayMtu;
    if (a.pod && b.pod) {
      const overlayMtu = await mtuOf(runner, a.pod.netns, a.pod.ip);
      if (overlayMtu !== undefined) r.overlayMtu = overlayMtu;
      const before = await udpCsumErrors(runner, b.netns);
      r.overlay = await runOnce('overlay', b.pod.netns, a.pod.netns, a.pod.ip, b.pod.ip);
      const after = await udpCsumErrors(runner, b.netns);
      if (before !== undefined && after !== undefined) r.udpCsumErrors = after - before;
    }
    results.push(r);
  }
  return { results, ms: Math.round(performance.now() - t0) };
}
