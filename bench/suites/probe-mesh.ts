import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { probeMesh } from '../../src/probes/mesh/probe-mesh.js';
import { buildTestbed } from '../../src/probes/mesh/testbed.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * A full mesh of a 20-node VXLAN testbed (our own namespaces: underlay bridge, flannel.1 per node,
 * a pod per node): probeMesh (every ordered pair, don't-fragment at the pod and flannel.1 MTU) vs the
 * straightforward way — one `ip netns exec <ns> ping -M do` per probe, 32 at a time — for the same
 * probes, in the same run. Target: ours under 3 s (median of 3).
 */
const NODES = 20;

function ping(ns: string, ip: string, size: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = spawn('ip', ['netns', 'exec', ns, 'ping', '-n', '-q', '-c', '1', '-W', '1', '-M', 'do', '-s', String(size), ip], { stdio: 'ignore' });
    c.on('error', () => resolve(false));
    c.on('close', (code) => resolve(code === 0));
  });
}

const suite: Suite = {
  name: 'probe-mesh',
  description: `full mesh of a ${NODES}-node VXLAN testbed: probeMesh vs one ip-netns-exec ping per probe`,
  async run({ quick, log }) {
    if (process.getuid?.() !== 0) return { skipped: 'needs root (network namespaces)' };
    if (!existsSync('/usr/bin/ping') && !existsSync('/bin/ping')) return { skipped: 'ping (iputils-ping) not installed' };
    const tb = await buildTestbed(`fdbm${process.pid % 10000}`, NODES);
    try {
      const runs = quick ? 1 : 3;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await probeMesh(tb.targets, { timeoutMs: 1000 });
        const bad = r.results.filter((x) => !x.ok);
        if (bad.length) throw new Error(`healthy testbed reported ${bad.length} failures, e.g. ${bad[0]!.from}→${bad[0]!.to} ${bad[0]!.path}: ${bad[0]!.error}`);
        times.push(r.ms);
        log(`probeMesh: ${r.plan.pairs} pairs, ${r.results.length} path results in ${r.ms} ms`);
      }
      times.sort((a, b) => a - b);
      const ours = times[Math.floor(times.length / 2)]!;
      // the same probes the naive way
      const jobs: [string, string][] = [];
      for (const a of tb.targets) for (const b of tb.targets) if (a !== b) jobs.push([a.pod!.netns!, b.pod!.ip], [a.netns!, b.flannelIp!]);
      // quick runs time a quarter of the naive probes and scale up (noted in the result)
      const total = jobs.length;
      if (quick) jobs.length = Math.ceil(total / 4);
      let i = 0;
      let failed = 0;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (i < jobs.length) {
          const [ns, ip] = jobs[i++]!;
          if (!(await ping(ns, ip, 1450 - 28))) failed++;
        }
      }));
      const peer = ((performance.now() - t0) * total) / jobs.length;
      log(`ip netns exec ping ×${jobs.length}${quick ? ` (scaled to ${total})` : ''}: ${peer.toFixed(0)} ms (${failed} failed)`);
      const result: SuiteResult = {
        suite: 'probe-mesh',
        ours: { label: 'probeMesh (full mesh)', unit: 'ms (median)', value: ours, note: `${NODES} nodes, ${NODES * (NODES - 1)} ordered pairs, ${runs} run(s): ${times.join(', ')} ms` },
        peer: { label: 'ip netns exec ping per probe, 32 parallel', unit: 'ms', value: peer, note: `${total} DF pings${quick ? ' (a quarter timed, scaled)' : ''}` },
        ratio: peer / ours,
        target: '< 3000 ms for 20 nodes',
        met: ours < 3000,
        extra: { nodes: NODES, pairs: NODES * (NODES - 1), oursMs: ours, naiveMs: Math.round(peer) },
      };
      return result;
    } finally {
      await tb.destroy();
    }
  },
};

export default suite;
