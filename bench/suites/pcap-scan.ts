import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureEvidence } from '../../src/evidence/capture.js';
import { generatePcap } from '../gen/pcap.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * The VXLAN capture analysis against Wireshark's command line on the same generated file, in the
 * same run: `flannel-doctor pcap FILE` (the whole analysis: pairs, flows, TCP, DNS, checksums, MTU,
 * ARP) against tshark in two forms, both in the same run and both checked to count the same VXLAN
 * packets per node pair:
 *   - the form, `tshark -d udp.port==8472,vxlan -q -z conv,udp`: it decodes the tunnel and
 *     its inner conversations, the nearest to what ours computes (the target is on this one);
 *   - tshark's quickest form that still gives the per-pair counts, `tshark -n -r FILE -q -z conv,udp`:
 *     no name resolution, no tunnel decode (8472 is not VXLAN to tshark unless told), so it stops at the
 *     outer UDP header. Measured: filters (`-Y`), `-T fields` output or disabling VXLAN make it no
 *     faster, `-T fields` much slower (it formats every packet). Memory: our peak RSS on a file 4× bigger must
 * stay flat. Times are whole processes (start-up included). The ratio is of CPU time (user + sys):
 * this 2-core machine runs other work, and wall clock there measures the queue, not the tool; the wall
 * ratio is kept beside it. The floor says what no Node.js program can beat: start-up plus one read of
 * the file with nothing done to it. Ours is the installed command (`bin/flannel-doctor`), which starts `pcap`
 * without NODE_EXTRA_CA_CERTS; the floor's Node.js starts without it too.
 *
 * Start-up does not decide the ratio: both tools are also timed on a 64 KiB capture of the same kind
 * (ours ~0.1-0.2 s CPU, tshark ~0.3-0.5 s), and `steadyRatio` is the ratio with each one's start-up
 * taken off, the per-packet work alone. At 1 GiB that moves the ratio by about a tenth, which is why
 * the file is this large: on small files start-up would decide it. What does decide it is the floor:
 * against reading the file (the kernel copy, ~0.2-0.3 s of CPU per GiB) plus Node's start-up, tshark
 * is only ~110-135x slower (`floorRatio`). The 100x target therefore leaves our analysis of 1.6 million
 * packets about 0.1 s of CPU beyond reading them. With the per-packet work in WebAssembly
 * (src/parsers/assembly/pcap-core.ts: VXLAN pairs, every inner flow with its TCP state, sampled outer
 * checksums) it takes ~0.4-0.5 s beyond the floor on this loaded 2-core machine (2026-12-03, medians
 * of old and new builds run alternately: 0.67-0.74 s in all, from 0.75-0.78 s before the core's
 * per-packet path was inlined into one function; the JavaScript decoder took 1.02 s). That time is instructions, not memory (cachegrind with a 2 MiB last level:
 * ~0.4 misses per packet): ~700 per packet in the core, ~60 of JavaScript around it, and DNS
 * matching in JavaScript ~170 on average (docs/architecture.md, "Captures", has the split). DNS
 * matching has since moved into the core and `--evidence` runs from a bundle of its own: ~740
 * instructions per packet for the whole process, start-up ~150M instructions (valgrind). Reading the file is ~0.19 s of kernel copy at any read size. The suite says `met: false`
 * until it is met.
 */
const MB = 1024 * 1024;
const root = new URL('../..', import.meta.url).pathname;
const TIME = '/usr/bin/time';
/** Reads the file in 8 MiB chunks and does nothing else. */
const FLOOR = "const fs=require('fs');const fd=fs.openSync(process.argv[1]);const b=Buffer.allocUnsafe(8<<20);while(fs.readSync(fd,b,0,b.length,null)>0);";

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  stdout: string;
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const useTime = existsSync(TIME);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const [c, a] = useTime ? [TIME, ['-f', '@@time %e %U %S %M', cmd, ...args]] : [cmd, args];
    execFile(c, a, { maxBuffer: 256 * MB, env }, (err, stdout, stderr) => {
      const wall = (performance.now() - t0) / 1000;
      if (err && !(typeof err.code === 'number' && err.code === 1)) return reject(new Error(`${cmd} failed: ${String(stderr).trim().split('\n').pop()}`));
      const m = /@@time (\S+) (\S+) (\S+) (\d+)/.exec(stderr);
      resolve(m ? { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, stdout } : { wall, cpu: NaN, rssMb: NaN, stdout });
    });
  });
}

/** Frames per unordered address pair over the UDP conversations that use the VXLAN port. */
export function tsharkVxlanPairs(conv: string, port = 8472): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of conv.split('\n')) {
    const m = /^(\S+):(\d+)\s+<->\s+(\S+):(\d+)\s+([\d,]+)\s+[\d,.]+ \S+\s+([\d,]+)\s+[\d,.]+ \S+\s+([\d,]+)\s/.exec(line);
    if (!m || (Number(m[2]) !== port && Number(m[4]) !== port)) continue;
    const key = [m[1], m[3]].sort().join(' ');
    out.set(key, (out.get(key) ?? 0) + Number(m[7].replace(/,/g, '')));
  }
  return out;
}

export function ourVxlanPairs(ev: CaptureEvidence): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of ev.pairs) {
    const key = [p.src, p.dst].sort().join(' ');
    out.set(key, (out.get(key) ?? 0) + p.packets);
  }
  return out;
}

async function warm(file: string): Promise<void> {
  for await (const _ of createReadStream(file, { highWaterMark: 8 << 20 })) void _;
}

const suite: Suite = {
  name: 'pcap-scan',
  description: 'VXLAN capture analysis: flannel-doctor pcap vs tshark -d udp.port==8472,vxlan -q -z conv,udp on one generated underlay capture (same per-pair VXLAN counts); our RSS at 1× and 4× the size',
  async run({ quick, log }) {
    const version = await timed('tshark', ['--version']).catch(() => undefined);
    if (!version) return { skipped: 'tshark not installed (Debian package tshark)' };
    const tsharkVersion = /TShark \(Wireshark\) (\S+)/.exec(version.stdout)?.[1] ?? '?';
    const dir = await mkdtemp(join(tmpdir(), 'fd-pcapbench-'));
    const big = join(dir, 'big.pcap');
    const small = join(dir, 'small.pcap');
    const tiny = join(dir, 'tiny.pcap');
    try {
      const bigBytes = (quick ? 128 : 1024) * MB;
      log(`generating ${bigBytes / MB} MiB and ${bigBytes / 4 / MB} MiB captures (5 nodes, VXLAN 8472)…`);
      const g = generatePcap(big, { bytes: bigBytes, seed: 16 });
      generatePcap(small, { bytes: bigBytes / 4, seed: 17 });
      log(`  ${g.packets.toLocaleString('en-US')} packets, ${g.vxlanPackets.toLocaleString('en-US')} VXLAN, ${g.flows.toLocaleString('en-US')} flows`);
      await warm(big);
      // The installed command, as a user runs it (it starts `pcap` without NODE_EXTRA_CA_CERTS: no TLS there).
      const cli = join(root, 'bin/flannel-doctor');
      const ours = await timed(cli, ['pcap', big, '--evidence']);
      const ev = JSON.parse(ours.stdout) as CaptureEvidence;
      log(`  ours: ${ours.wall.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU, ${ours.rssMb.toFixed(0)} MB RSS`);
      await warm(small);
      const oursSmall = await timed(cli, ['pcap', small, '--evidence']);
      log(`  ours on the ¼ file: ${oursSmall.wall.toFixed(2)} s, ${oursSmall.rssMb.toFixed(0)} MB RSS`);
      await warm(big);
      // The floor starts Node.js as ours does: without a CA file to read.
      const { NODE_EXTRA_CA_CERTS: _ca, ...bare } = process.env;
      const floor = await timed(process.execPath, ['-e', FLOOR, big], bare);
      log(`  floor (node start-up + reading the file): ${floor.wall.toFixed(2)} s wall, ${floor.cpu.toFixed(2)} s CPU`);
      await warm(big);
      const peer = await timed('tshark', ['-r', big, '-d', 'udp.port==8472,vxlan', '-q', '-z', 'conv,udp']);
      log(`  tshark -d udp.port==8472,vxlan -q -z conv,udp: ${peer.wall.toFixed(2)} s wall, ${peer.cpu.toFixed(2)} s CPU, ${peer.rssMb.toFixed(0)} MB RSS`);
      await warm(big);
      const quickest = await timed('tshark', ['-n', '-r', big, '-q', '-z', 'conv,udp']);
      log(`  tshark -n -q -z conv,udp (quickest form): ${quickest.wall.toFixed(2)} s wall, ${quickest.cpu.toFixed(2)} s CPU, ${quickest.rssMb.toFixed(0)} MB RSS`);
      // Start-up alone: both on a capture of a few hundred packets.
      generatePcap(tiny, { bytes: 64 * 1024, seed: 18 });
      const oursStart = await timed(cli, ['pcap', tiny, '--evidence']);
      const peerStart = await timed('tshark', ['-r', tiny, '-d', 'udp.port==8472,vxlan', '-q', '-z', 'conv,udp']);
      log(`  start-up (64 KiB capture): ours ${oursStart.cpu.toFixed(2)} s CPU, tshark ${peerStart.cpu.toFixed(2)} s CPU`);

      const mine = ourVxlanPairs(ev);
      const compare = (theirs: Map<string, number>, label: string) => {
        const keys = [...new Set([...theirs.keys(), ...mine.keys()])].sort();
        const bad = keys.filter((k) => theirs.get(k) !== mine.get(k)).map((k) => `${label} ${k}: ours ${mine.get(k) ?? 0} tshark ${theirs.get(k) ?? 0}`);
        return { keys, bad };
      };
      const full = compare(tsharkVxlanPairs(peer.stdout), 'full form');
      const fast = compare(tsharkVxlanPairs(quickest.stdout), 'quickest form');
      const keys = full.keys;
      const mismatches = [...full.bad, ...fast.bad];
      for (const m of mismatches) log(`  MISMATCH ${m}`);
      const flat = oursSmall.rssMb > 0 && ours.rssMb <= oursSmall.rssMb * 1.25 + 16;
      const wallRatio = peer.wall / ours.wall;
      const ratio = Number.isFinite(ours.cpu) ? peer.cpu / ours.cpu : wallRatio;
      const quickestRatio = quickest.cpu / ours.cpu;
      const steadyRatio = (peer.cpu - peerStart.cpu) / Math.max(0.01, ours.cpu - oursStart.cpu);
      const mb = g.bytes / MB;
      const result: SuiteResult = {
        suite: 'pcap-scan',
        ours: { label: 'flannel-doctor pcap', unit: 'MiB per CPU-s', value: mb / ours.cpu, note: `${ours.cpu.toFixed(2)} s CPU, ${ours.wall.toFixed(2)} s wall, ${ours.rssMb.toFixed(0)} MB RSS (${oursSmall.rssMb.toFixed(0)} MB at ¼ size)` },
        peer: { label: `tshark ${tsharkVersion} -d udp.port==8472,vxlan -q -z conv,udp`, unit: 'MiB per CPU-s', value: mb / peer.cpu, note: `${peer.cpu.toFixed(2)} s CPU, ${peer.wall.toFixed(2)} s wall, ${peer.rssMb.toFixed(0)} MB RSS; quickest form (-n -q -z conv,udp, no tunnel decode): ${quickest.cpu.toFixed(2)} s CPU, ${quickestRatio.toFixed(1)}x` },
        ratio,
        ratioSays: 'tshark CPU ÷ ours CPU, whole processes (> 1: ours faster)',
        target: '>= 100x tshark (CPU), same per-pair VXLAN counts, RSS flat in file size',
        met: ratio >= 100 && mismatches.length === 0 && flat,
        extra: {
          mib: Math.round(mb),
          packets: g.packets,
          vxlanPackets: g.vxlanPackets,
          pairs: keys.length,
          countMismatches: mismatches.length,
          ...(mismatches.length ? { firstMismatch: mismatches[0] } : {}),
          wallRatio: Number(wallRatio.toFixed(1)),
          steadyRatio: Number(steadyRatio.toFixed(1)),
          oursStartCpuSeconds: Number(oursStart.cpu.toFixed(2)),
          peerStartCpuSeconds: Number(peerStart.cpu.toFixed(2)),
          quickestCpuSeconds: Number(quickest.cpu.toFixed(2)),
          quickestRatio: Number(quickestRatio.toFixed(1)),
          quickestRssMb: Math.round(quickest.rssMb),
          floorCpuSeconds: Number(floor.cpu.toFixed(2)),
          floorRatio: Number((peer.cpu / floor.cpu).toFixed(1)),
          floorRatioQuickest: Number((quickest.cpu / floor.cpu).toFixed(1)),
          oursCpuSeconds: Number(ours.cpu.toFixed(2)),
          peerCpuSeconds: Number(peer.cpu.toFixed(2)),
          oursRssMb: Math.round(ours.rssMb),
          oursRssQuarterMb: Math.round(oursSmall.rssMb),
          peerRssMb: Math.round(peer.rssMb),
          rssFlat: flat ? 'yes' : 'no',
        },
      };
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
