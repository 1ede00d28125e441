/**
 * live-scale on the lab's real API server (#17): a control plane of its own (bench/scale-lab/lab.ts),
 * filled with 1,000 extra Nodes and 30,000 Pods bound to them (kubelet-style statuses, ~4.5 % failing,
 * their Events) by concurrent requests; then, alternately in the same run:
 *   ours:  flannel-doctor diagnose --kubeconfig K -o json --fail-on none --timeout 10m
 *   peer:  kubectl get nodes,pods,events -A -o json   (the fetch alone, output to /dev/null)
 * wall, CPU (user+sys) and peak RSS of each from GNU time, and the API server's CPU during each.
 * With --cpu-prof, one more diagnose run writes a V8 CPU profile to bench/out/profiles/.
 *
 *   nice -n 10 npx tsx bench/live-scale-lab.ts [--quick] [--runs N] [--cpu-prof] [--keep]
 */
import fs from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { programOf } from '../lab/cluster/components.js';
import { BulkClient, diffCounts, requestCounts } from './scale-lab/http.js';
import { leftovers, startScaleLab, type ScaleLab } from './scale-lab/lab.js';
import { populate } from './scale-lab/populate.js';
import type { ClusterShape } from './scale-lab/objects.js';
import { median, timed, type Timed } from './scale-lab/timed.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
// the launcher (bin/flannel-doctor.cjs; .js before it became CommonJS)
const cli = ['flannel-doctor.cjs', 'flannel-doctor.js'].map((f) => join(root, 'bin', f)).find((f) => fs.existsSync(f)) ?? join(root, 'bin', 'flannel-doctor.cjs');

export const FULL: ClusterShape = { prefix: 'ls', nodes: 1000, pods: 30_000, namespaces: 60 };
export const QUICK: ClusterShape = { prefix: 'ls', nodes: 100, pods: 3000, namespaces: 10 };

interface Sample extends Timed {
  apiserverCpuS: number;
  etcdCpuS: number;
  requests: Record<string, number>;
}

async function sample(lab: ScaleLab, c: BulkClient, argv: string[], opts: { stdout?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Sample> {
  const r0 = await requestCounts(c);
  const cpu0 = lab.serverCpu();
  const t = await timed(argv, opts);
  const cpu1 = lab.serverCpu();
  const r1 = await requestCounts(c);
  if (t.code !== 0) throw new Error(`${argv.slice(0, 3).join(' ')} exited ${t.code}: ${t.stderr.split('\n').slice(-3).join(' | ')}`);
  const requests = diffCounts(r1, r0);
  requests.GET = (requests.GET ?? 1) - 1; // the /metrics read itself
  return { ...t, apiserverCpuS: cpu1.apiserver - cpu0.apiserver, etcdCpuS: cpu1.etcd - cpu0.etcd, requests };
}

export async function measureLiveScale(o: { quick: boolean; runs: number; cpuProf: boolean; keep?: boolean; log: (l: string) => void; name?: string }) {
  const shape = o.quick ? QUICK : FULL;
  const name = o.name ?? 'scale';
  const log = o.log;
  const lab = await startScaleLab(name, log);
  const c = new BulkClient(lab.serverUrl, lab.tls, 32);
  try {
    const load0 = loadavg();
    log(`populating ${shape.nodes} nodes, ${shape.pods} pods (load ${load0.map((x) => x.toFixed(1)).join(' ')})`);
    const pop = await populate(c, shape, log);
    log(`populated in ${pop.seconds.toFixed(0)} s with ${pop.requests} requests: ${JSON.stringify(pop.byState)}, ${pop.events} events`);
    const kubectl = programOf('kubernetes', 'kubectl');
    const env = { ...process.env, NO_COLOR: '1' };
    const ours: Sample[] = [];
    const peer: Sample[] = [];
    const outDir = join(root, 'bench', 'out');
    const diagOut = join(fs.mkdtempSync('/tmp/fd-live-scale-'), 'diagnose.json');
    const diagnoseArgv = [process.execPath, cli, 'diagnose', '--kubeconfig', lab.kubeconfig, '-o', 'json', '--fail-on', 'none', '--timeout', '10m'];
    // one warm-up each (page cache, the API server's watch cache filled by the first list)
    await timed([kubectl, '--kubeconfig', lab.kubeconfig, 'get', 'nodes,pods,events', '-A', '-o', 'json']);
    await timed(diagnoseArgv, { env });
    for (let i = 0; i < o.runs; i++) {
      // alternate which goes first so a load swing does not favour one side
      const pair = async (first: 'ours' | 'peer') => {
        const p = () => sample(lab, c, [kubectl, '--kubeconfig', lab.kubeconfig, 'get', 'nodes,pods,events', '-A', '-o', 'json']).then((s) => peer.push(s));
        const d = () => sample(lab, c, diagnoseArgv, { env, stdout: diagOut }).then((s) => ours.push(s));
        if (first === 'peer') await p().then(d);
        else await d().then(p);
      };
      await pair(i % 2 ? 'ours' : 'peer');
      const a = ours.at(-1)!;
      const b = peer.at(-1)!;
      log(`run ${i + 1}: diagnose ${a.wallS.toFixed(2)} s wall, ${a.cpuS.toFixed(2)} s CPU, ${a.rssMB.toFixed(0)} MB, ${JSON.stringify(a.requests)}; kubectl ${b.wallS.toFixed(2)} s wall, ${b.cpuS.toFixed(2)} s CPU, ${b.rssMB.toFixed(0)} MB, ${JSON.stringify(b.requests)}; load ${loadavg()[0].toFixed(1)}`);
    }
    const report = JSON.parse(fs.readFileSync(diagOut, 'utf8'));
    let profile: string | undefined;
    if (o.cpuProf) {
      const dir = join(outDir, 'profiles');
      fs.mkdirSync(dir, { recursive: true });
      const before = new Set(fs.readdirSync(dir));
      await timed([process.execPath, '--cpu-prof', '--cpu-prof-dir', dir, cli, ...diagnoseArgv.slice(2)], { env });
      profile = fs.readdirSync(dir).find((f) => !before.has(f));
      if (profile) {
        const named = `live-scale-diagnose-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '')}.cpuprofile`;
        fs.renameSync(join(dir, profile), join(dir, named));
        profile = `bench/out/profiles/${named}`;
      }
    }
    const load1 = loadavg();
    const med = (xs: Sample[], f: (s: Sample) => number) => median(xs.map(f));
    return {
      shape,
      populate: pop,
      runs: o.runs,
      load: { before: load0, after: load1, cores: cpus().length },
      ours: { wallS: med(ours, (s) => s.wallS), cpuS: med(ours, (s) => s.cpuS), rssMaxMB: Math.max(...ours.map((s) => s.rssMB)), apiserverCpuS: med(ours, (s) => s.apiserverCpuS), requests: ours[0]!.requests, samples: ours },
      peer: { wallS: med(peer, (s) => s.wallS), cpuS: med(peer, (s) => s.cpuS), rssMaxMB: Math.max(...peer.map((s) => s.rssMB)), apiserverCpuS: med(peer, (s) => s.apiserverCpuS), requests: peer[0]!.requests, samples: peer },
      diagnose: { verdict: report.verdict, pods: report.coverage?.pods ?? report.inventory?.pods, summary: String(report.summary ?? '').slice(0, 200) },
      serverRssMB: lab.serverRssMB(),
      profile,
    };
  } finally {
    c.close();
    if (!o.keep) {
      await lab.teardown();
      const left = leftovers(name);
      if (left.length) log(`LEFT after teardown: ${left.join('; ')}`);
      else log(`control plane ${name} torn down: no netns or process left`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = process.argv.slice(2);
  const runs = a.includes('--runs') ? Number(a[a.indexOf('--runs') + 1]) : 3;
  measureLiveScale({ quick: a.includes('--quick'), runs, cpuProf: a.includes('--cpu-prof'), keep: a.includes('--keep'), log: (l) => process.stderr.write(l + '\n') }).then(
    (m) => process.stdout.write(JSON.stringify({ command: `npx tsx bench/live-scale-lab.ts ${a.join(' ')}`.trim(), date: new Date().toISOString(), node: process.version, ...m }, null, 2) + '\n'),
    (e) => {
      process.stderr.write(`live-scale: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
