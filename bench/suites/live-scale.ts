/**
 * Live `diagnose --kubeconfig` of a whole cluster at size against fetching the same objects with
 * kubectl, in the same run: 1,000 extra nodes and 30,000 extra pods are created on a real API server
 * (no kubelets: the nodes carry no Ready heartbeat, the pods are bound to them by spec.nodeName and
 * stay Pending), then alternately, 3 times each:
 *   ours:  flannel-doctor diagnose --kubeconfig K -o json --fail-on none
 *   peer:  kubectl get nodes,pods,events -A -o json   (only the fetch, output to /dev/null)
 * Target: ours at most 1.5x kubectl's elapsed time (ratio >= 0.67), peak RSS under 1 GB. Every
 * object made here carries the label fd-bench=live-scale and is deleted afterwards.
 *
 * It touches a real cluster, so it runs on one only when FD_LIVE_KUBECONFIG names that cluster's
 * kubeconfig (never the default one by accident). Without it, as root with the lab's components
 * built, it runs on a control plane of its own (bench/live-scale-lab.ts: real etcd + kube-apiserver,
 * objects made by concurrent requests with kubelet-style statuses and events; ratio on CPU time).
 */
import fs from 'node:fs';
import { measureLiveScale } from '../live-scale-lab.js';
import { prerequisite } from '../scale-lab/lab.js';
import { RAW, liveScaleResult } from '../scale-lab/outcome.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Suite, SuiteResult } from '../suite.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'flannel-doctor.js');
const TIME = '/usr/bin/time';
const LABEL = 'fd-bench=live-scale';
const NS = 'fd-bench-live-scale';

export interface LiveShape {
  nodes: number;
  pods: number;
}
const FULL: LiveShape = { nodes: 1000, pods: 30_000 };
const QUICK: LiveShape = { nodes: 100, pods: 3000 };

interface Timed {
  wall: number;
  cpu: number;
  rssMb: number;
  code: number;
  stderr: string;
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const c = spawn(TIME, ['-f', '@@time %U %S %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => {
      const m = /@@time (\S+) (\S+) (\d+)/.exec(err);
      resolve({ wall: (performance.now() - t0) / 1000, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rssMb: m ? Number(m[3]) / 1024 : NaN, code: code ?? 1, stderr: err.replace(/@@time.*$/s, '').trim() });
    });
  });
}

/** The objects to create, as kubectl List documents of at most `chunk` items each. */
export function liveObjects(shape: LiveShape, chunk = 500): string[] {
  const items: object[] = [];
  const labels = { 'fd-bench': 'live-scale' };
  for (let i = 0; i < shape.nodes; i++) {
    items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `fd-bench-node-${i}`, labels: { ...labels, 'kubernetes.io/hostname': `fd-bench-node-${i}` } }, spec: { podCIDR: `10.${200 + Math.floor(i / 256)}.${i % 256}.0/24` } });
  }
  for (let i = 0; i < shape.pods; i++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `fd-bench-pod-${i}`, namespace: NS, labels },
      spec: { nodeName: `fd-bench-node-${i % Math.max(1, shape.nodes)}`, containers: [{ name: 'app', image: 'registry.invalid/fd-bench/app:1' }] },
    });
  }
  const docs: string[] = [];
  for (let i = 0; i < items.length; i += chunk) docs.push(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: items.slice(i, i + chunk) }));
  return docs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const suite: Suite = {
  name: 'live-scale',
  description: 'live diagnose --kubeconfig with 1,000 extra nodes and 30,000 pods vs kubectl get nodes,pods,events -A -o json (same run)',
  async run({ quick, log }) {
    const kubeconfig = process.env.FD_LIVE_KUBECONFIG;
    if (!kubeconfig) {
      const why = prerequisite();
      if (why) return { skipped: `set FD_LIVE_KUBECONFIG to the kubeconfig of a cluster this bench may fill (it creates and deletes objects labelled fd-bench=live-scale), or run it on the lab: ${why}` };
      const m = await measureLiveScale({ quick, runs: 3, cpuProf: false, log });
      const raw = { command: 'npm run bench -- live-scale', date: new Date().toISOString(), node: process.version, ...m };
      if (!quick) fs.writeFileSync(RAW.live, JSON.stringify(raw, null, 2) + '\n');
      return liveScaleResult(raw);
    }
    if (!existsSync(kubeconfig)) return { skipped: `FD_LIVE_KUBECONFIG=${kubeconfig} does not exist` };
    if (!existsSync(TIME)) return { skipped: `${TIME} (Debian package time) not installed` };
    const shape = quick ? QUICK : FULL;
    const kc = ['--kubeconfig', kubeconfig];
    const dir = mkdtempSync(join(tmpdir(), 'fd-bench-live-'));
    const kubectl = (args: string[]) => timed('kubectl', [...kc, ...args]);
    try {
      log(`creating ${shape.nodes} nodes and ${shape.pods} pods (label ${LABEL})…`);
      await kubectl(['create', 'namespace', NS]);
      const docs = liveObjects(shape);
      for (let i = 0; i < docs.length; i++) {
        const f = join(dir, `objects-${i}.json`);
        writeFileSync(f, docs[i]!);
        const r = await kubectl(['create', '-f', f]);
        if (r.code !== 0 && !/AlreadyExists/.test(r.stderr)) throw new Error(`kubectl create: ${r.stderr.split('\n').pop()}`);
      }
      const runs = 3;
      const ours: Timed[] = [];
      const peer: Timed[] = [];
      for (let i = 0; i < runs; i++) {
        const p = await kubectl(['get', 'nodes,pods,events', '-A', '-o', 'json']);
        if (p.code !== 0) throw new Error(`kubectl get: ${p.stderr.split('\n').pop()}`);
        peer.push(p);
        const o = await timed(process.execPath, [cli, 'diagnose', ...kc, '-o', 'json', '--fail-on', 'none']);
        if (o.code !== 0) throw new Error(`diagnose: ${o.stderr.split('\n').pop()}`);
        ours.push(o);
        log(`run ${i + 1}: kubectl ${p.wall.toFixed(1)} s (${p.rssMb.toFixed(0)} MB), diagnose ${o.wall.toFixed(1)} s (${o.rssMb.toFixed(0)} MB)`);
      }
      const o = median(ours.map((x) => x.wall));
      const p = median(peer.map((x) => x.wall));
      const rss = Math.max(...ours.map((x) => x.rssMb));
      const ratio = p / o;
      const result: SuiteResult = {
        suite: 'live-scale',
        ours: { label: 'diagnose --kubeconfig -o json', unit: 's (median)', value: o, note: `${median(ours.map((x) => x.cpu)).toFixed(1)} s CPU, peak RSS ${rss.toFixed(0)} MB; +${shape.nodes} nodes, +${shape.pods} pods` },
        peer: { label: 'kubectl get nodes,pods,events -A -o json', unit: 's (median)', value: p, note: `${median(peer.map((x) => x.cpu)).toFixed(1)} s CPU, peak RSS ${Math.max(...peer.map((x) => x.rssMb)).toFixed(0)} MB` },
        ratio,
        ratioSays: 'kubectl s ÷ diagnose s (> 1: ours faster; 0.67 = ours 1.5x slower)',
        target: 'diagnose <= 1.5x the kubectl fetch (ratio >= 0.67), peak RSS < 1 GB',
        met: o <= 1.5 * p && rss < 1024,
        extra: { nodes: shape.nodes, pods: shape.pods, oursRssMb: Math.round(rss), runs },
      };
      return result;
    } finally {
      log('deleting the objects made…');
      await kubectl(['delete', 'namespace', NS, '--wait=false']);
      await kubectl(['delete', 'nodes', '-l', LABEL, '--wait=false']);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
