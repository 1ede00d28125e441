import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { probeMesh } from '../../src/probes/mesh/probe-mesh.js';
import { buildTestbed } from '../../src/probes/mesh/testbed.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * A full mesh of a 20-node VXLAN testbed (our own namespaces: underlay bridge, flannel.1 per node,
 * a pod per node): probeMesh (every ordered pair, don't-fragment at the pod and flannel.1 MTU, and a
 * verdict per pair that tells the overlay from the underlay) against bare fping over the same pairs
 * and the same packets — per node namespace one `fping -C 1 -M -b <flannel MTU - 28>` to every other
 * node's flannel.1, per pod namespace one to every other pod, all namespaces at once — which only
 * says which addresses answered. Same run, after one untimed round of each (neighbour caches filled),
 * alternating which goes first (the second would find the caches warmer), median of 5 each
 * (3 with --quick). Target: ours within 1.2x
 * of bare fping's time. (The old peer, one `ping` process per probe, was the wrong one: probeMesh
 * itself batches with fping.)
 */
const NODES = 20;

function fping(ns: string, size: number, ips: string[]): Promise<{ code: number; answered: number }> {
  return new Promise((resolve) => {
    const c = spawn('nsenter', [`--net=/var/run/netns/${ns}`, '--', 'fping', '-C', '1', '-q', '-r', '0', '-i', '1', '-t', '1000', '-M', '-b', String(size), ...ips], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('error', () => resolve({ code: 127, answered: 0 }));
    // -C -q prints "<ip> : <ms>" per target on stderr; "-" for no answer.
    c.on('close', (code) => resolve({ code: code ?? 1, answered: err.split('\n').filter((l) => /:\s+\d/.test(l)).length }));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const suite: Suite = {
  name: 'probe-mesh',
  description: `full mesh of a ${NODES}-node VXLAN testbed: probeMesh (with an overlay/underlay verdict) vs bare fping over the same pairs`,
  async run({ quick, log }) {
    if (process.getuid?.() !== 0) return { skipped: 'needs root (network namespaces)' };
    if (!existsSync('/usr/bin/fping') && !existsSync('/usr/sbin/fping')) return { skipped: 'fping not installed' };
    const tb = await buildTestbed(`fdbm${process.pid % 10000}`, NODES);
    try {
      const runs = quick ? 3 : 5;
      const ours: number[] = [];
      const bare: number[] = [];
      let pairs = 0;
      const size = 1450 - 28;
      const oursOnce = async (timedRun: boolean) => {
        const r = await probeMesh(tb.targets, { timeoutMs: 1000 });
        const bad = r.results.filter((x) => !x.ok);
        if (bad.length) throw new Error(`healthy testbed reported ${bad.length} failures, e.g. ${bad[0]!.from}→${bad[0]!.to} ${bad[0]!.path}: ${bad[0]!.error}`);
        pairs = r.plan.pairs;
        if (!timedRun) return;
        ours.push(r.ms);
        log(`probeMesh: ${r.plan.pairs} pairs, ${r.results.length} path results in ${r.ms} ms`);
      };
      const bareOnce = async (timedRun: boolean) => {
        const t0 = performance.now();
        const outs = await Promise.all(
          tb.targets.flatMap((a) => {
            const others = tb.targets.filter((b) => b !== a);
            return [fping(a.netns!, size, others.map((b) => b.flannelIp!)), fping(a.pod!.netns!, size, others.map((b) => b.pod!.ip))];
          }),
        );
        const ms = performance.now() - t0;
        const answered = outs.reduce((n, o) => n + o.answered, 0);
        if (answered !== 2 * pairs) throw new Error(`bare fping: ${answered} of ${2 * pairs} probes answered on a healthy testbed`);
        if (!timedRun) return;
        bare.push(ms);
        log(`bare fping: ${answered} probes answered in ${ms.toFixed(0)} ms`);
      };
      await oursOnce(false);
      await bareOnce(false);
      for (let i = 0; i < runs; i++) {
        if (i % 2 === 0) {
          await oursOnce(true);
          await bareOnce(true);
        } else {
          await bareOnce(true);
          await oursOnce(true);
        }
      }
      const o = median(ours);
      const b = median(bare);
      const ratio = b / o;
      const result: SuiteResult = {
        suite: 'probe-mesh',
        ours: { label: 'probeMesh (full mesh, overlay/underlay verdict per pair)', unit: 'ms (median)', value: o, note: `${NODES} nodes, ${pairs} ordered pairs, ${runs} run(s): ${ours.map((x) => x.toFixed(0)).join(', ')} ms` },
        peer: { label: 'bare fping -C 1 -M per namespace, same pairs and sizes, all at once', unit: 'ms (median)', value: b, note: `${2 * pairs} DF probes, ${runs} run(s): ${bare.map((x) => x.toFixed(0)).join(', ')} ms; answers only` },
        ratio,
        ratioSays: 'fping ms ÷ ours ms (> 1: ours faster; 0.83 = ours 1.2x slower)',
        target: 'ours within 1.2x of bare fping (ratio >= 0.83)',
        met: o <= 1.2 * b,
        extra: { nodes: NODES, pairs, oursMs: Math.round(o), fpingMs: Math.round(b), oursOverFping: Number((o / b).toFixed(2)) },
      };
      return result;
    } finally {
      await tb.destroy();
    }
  },
};

export default suite;
