/**
 * #20 on the lab's real API server: 5,000 Nodes, each with its agent pod (hostNetwork, Running) and
 * a FlannelDoctorHealthy condition written as the agent writes it (VerdictPublisher: PATCH
 * nodes/status, an Event on change), 0.2 % unhealthy and 0.1 % stale (heartbeat an hour old); agents
 * behind the pod proxy are stand-ins (bench/scale-lab/fake-agents.ts). Then, alternately in one run:
 *   condition-first: flannel-doctor diagnose --kubeconfig K -o json --fail-on none --timeout 10m
 *   polling:         the same with --all-nodes (every agent through the pod proxy)
 *   floor:           kubectl get nodes -o json
 * wall, CPU, peak RSS (GNU time), the API server's own request count (apiserver_request_total) and
 * CPU for each; the agents' heartbeat round (5,000 PATCHes); and the agent RBAC of deploy/manifests
 * checked on the real authorizer (scale-lab/rbac-check.ts).
 *
 *   nice -n 10 npx tsx bench/condition-scale-lab.ts [--quick] [--runs N] [--keep]
 */
import fs from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { programOf } from '../lab/cluster/components.js';
import { run } from '../lab/exec.js';
import { HEARTBEAT_SECONDS, VerdictPublisher, reasonOf, type VerdictWriter } from '../src/agent/node-verdict.js';
import { AGENT_PORT, AGENT_SELECTOR } from '../src/sources/kube/agents.js';
import { startFakeAgents } from './scale-lab/fake-agents.js';
import { BulkClient, diffCounts, requestCounts } from './scale-lab/http.js';
import { leftovers, startScaleLab, type ScaleLab } from './scale-lab/lab.js';
import { nodeIp, nodeName, type ClusterShape } from './scale-lab/objects.js';
import { createNodes } from './scale-lab/populate.js';
import { checkAgentRbac } from './scale-lab/rbac-check.js';
import { median, timed, type Timed } from './scale-lab/timed.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
// the launcher (bin/flannel-doctor.cjs; .js before it became CommonJS)
const cli = ['flannel-doctor.cjs', 'flannel-doctor.js'].map((f) => join(root, 'bin', f)).find((f) => fs.existsSync(f)) ?? join(root, 'bin', 'flannel-doctor.cjs');
const NS = 'flannel-doctor';

/** A BulkClient as the agent's writer (the publisher parses nothing but status and message). */
export function writerOf(c: BulkClient): VerdictWriter {
  return {
    async write(method, path, body, _timeoutMs, contentType) {
      const r = await c.request(method, path, body, contentType);
      let parsed: any;
      try {
        parsed = JSON.parse(r.body);
      } catch {
        parsed = { message: r.body.slice(0, 200) };
      }
      return { status: r.status, body: parsed };
    },
  };
}

interface Sample extends Timed {
  apiserverCpuS: number;
  requests: number;
  byVerb: Record<string, number>;
}

async function sample(lab: ScaleLab, c: BulkClient, argv: string[], opts: { stdout?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Sample> {
  const r0 = await requestCounts(c);
  const cpu0 = lab.serverCpu().apiserver;
  const t = await timed(argv, opts);
  const cpu1 = lab.serverCpu().apiserver;
  const r1 = await requestCounts(c);
  if (t.code !== 0) throw new Error(`${argv.slice(0, 4).join(' ')} exited ${t.code}: ${t.stderr.split('\n').slice(-3).join(' | ')}`);
  const byVerb = diffCounts(r1, r0);
  byVerb.GET = (byVerb.GET ?? 1) - 1; // the /metrics read itself
  return { ...t, apiserverCpuS: cpu1 - cpu0, requests: Object.values(byVerb).reduce((a, b) => a + b, 0), byVerb };
}

export async function measureConditionScale(o: { quick: boolean; runs: number; pollRuns?: number; keep?: boolean; log: (l: string) => void; name?: string }) {
  const shape: ClusterShape = { prefix: 'cs', nodes: o.quick ? 500 : 5000, pods: 0, namespaces: 0 };
  const name = o.name ?? 'scalec';
  const log = o.log;
  const lab = await startScaleLab(name, log);
  const c = new BulkClient(lab.serverUrl, lab.tls, 32);
  const kubectl = programOf('kubernetes', 'kubectl');
  try {
    const load0 = loadavg();
    const now = Date.now();
    // deploy/'s namespace, service account and RBAC, as an operator applies them
    for (const f of ['00-namespace.yaml', '10-rbac.yaml']) await run(undefined, [kubectl, '--kubeconfig', lab.kubeconfig, 'apply', '-f', join(root, 'deploy', 'manifests', f)]);
    const t0 = performance.now();
    await createNodes(c, shape, now, undefined, log);
    const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
    const idx = Array.from({ length: shape.nodes }, (_, i) => i);
    await c.each(idx, async (i) => {
      const pod = `flannel-doctor-agent-${String(i).padStart(5, '0')}`;
      await c.must('POST', `/api/v1/namespaces/${NS}/pods`, {
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: pod, namespace: NS, labels },
        spec: { nodeName: nodeName(shape, i), serviceAccountName: 'flannel-doctor', hostNetwork: true, containers: [{ name: 'agent', image: 'ghcr.io/flannel-doctor/flannel-doctor:0.1.0', ports: [{ name: 'http', containerPort: AGENT_PORT }] }] },
      }, [201, 409]);
      const at = new Date(now - 3_600_000).toISOString();
      await c.must('PATCH', `/api/v1/namespaces/${NS}/pods/${pod}/status`, {
        status: { phase: 'Running', podIP: nodeIp(i), podIPs: [{ ip: nodeIp(i) }], hostIP: nodeIp(i), startTime: at,
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }],
          containerStatuses: [{ name: 'agent', ready: true, started: true, restartCount: 0, image: 'ghcr.io/flannel-doctor/flannel-doctor:0.1.0', imageID: '', state: { running: { startedAt: at } } }] },
      }, [200], 'application/merge-patch+json');
    }, (d) => log(`  agent pods: ${d}/${shape.nodes}`), 1000);
    const populateS = (performance.now() - t0) / 1000;
    // The agents' first publication: 0.2 % unhealthy, 0.1 % stale (last heartbeat an hour ago).
    const unhealthy = Math.max(1, Math.round(shape.nodes * 0.002));
    const stale = Math.max(1, Math.round(shape.nodes * 0.001));
    const sick = (i: number) => i % Math.floor(shape.nodes / unhealthy) === 1;
    const old = (i: number) => !sick(i) && i % Math.floor(shape.nodes / stale) === 2;
    const writer = writerOf(c);
    const publishers = idx.map((i) => new VerdictPublisher(writer, nodeName(shape, i), { namespace: 'default' }));
    const verdict = (i: number) => (sick(i) ? { status: 'False' as const, reason: reasonOf('cni.subnet-env-missing'), message: 'cni.subnet-env-missing: /run/flannel/subnet.env is missing on this node' } : { status: 'True' as const, reason: 'Healthy', message: 'flannel-doctor found no fault on this node' });
    // A round: every agent that still runs writes its heartbeat (or is skipped by the publisher when
    // its last write is under a minute old); the stale ones stopped publishing and write nothing.
    let lastRoundAt = 0;
    const round = async (at: () => number, includeStale = false) => {
      const r0 = c.requests;
      const cpu0 = lab.serverCpu().apiserver;
      const t = performance.now();
      lastRoundAt = Date.now();
      await c.each(idx.filter((i) => includeStale || !old(i)), (i) => publishers[i]!.publish(verdict(i), old(i) ? now - 3_600_000 : at()));
      return { seconds: (performance.now() - t) / 1000, requests: c.requests - r0, apiserverCpuS: lab.serverCpu().apiserver - cpu0 };
    };
    const first = await round(() => Date.now(), true);
    const failed = publishers.reduce((a, p) => a + p.counters.failed, 0);
    if (failed) throw new Error(`${failed} publications failed: ${publishers.find((p) => p.counters.failed)?.counters.lastError}`);
    log(`${shape.nodes} nodes + agent pods in ${populateS.toFixed(0)} s; first publication ${first.seconds.toFixed(1)} s, ${first.requests} requests (events: ${publishers.reduce((a, p) => a + p.counters.events, 0)})`);
    await startFakeAgents(lab, shape.prefix);

    const rbac = await checkAgentRbac(lab, c, nodeName(shape, 0), log);

    const env = { ...process.env, NO_COLOR: '1' };
    const tmp = fs.mkdtempSync('/tmp/fd-condition-scale-');
    const base = [process.execPath, cli, 'diagnose', '--kubeconfig', lab.kubeconfig, '-o', 'json', '--fail-on', 'none', '--timeout', '10m'];
    const floorArgv = [kubectl, '--kubeconfig', lab.kubeconfig, 'get', 'nodes', '-o', 'json'];
    await timed(floorArgv); // warm-up (a diagnose warm-up here would find the first publication stale)
    const cf: Sample[] = [];
    const poll: Sample[] = [];
    const floor: Sample[] = [];
    for (let i = 0; i < o.runs; i++) {
      const steps = [
        async () => floor.push(await sample(lab, c, floorArgv)),
        async () => {
          // The agents run at their interval; this machine's API server cannot take 83 PATCH/s beside
          // a diagnose, so a heartbeat round is written just before, not during, the timed read.
          const hb = await round(() => Date.now());
          log(`  heartbeat round: ${hb.requests} PATCHes in ${hb.seconds.toFixed(0)} s`);
          cf.push(await sample(lab, c, base, { env, stdout: join(tmp, 'cf.json') }));
        },
        async () => {
          // polling every agent is the slow side: --poll-runs may run it fewer times than the others
          if (i < (o.pollRuns ?? o.runs)) poll.push(await sample(lab, c, [...base, '--all-nodes'], { env, stdout: join(tmp, 'poll.json') }));
        },
      ];
      for (const s of i % 2 ? steps.reverse() : steps) await s();
      log(`run ${i + 1}: condition-first ${cf.at(-1)!.wallS.toFixed(2)} s (${cf.at(-1)!.cpuS.toFixed(2)} s CPU, ${cf.at(-1)!.requests} requests), polling ${poll.at(-1)?.wallS.toFixed(2)} s (${poll.at(-1)?.cpuS.toFixed(2)} s CPU, ${poll.at(-1)?.requests} requests), kubectl get nodes ${floor.at(-1)!.wallS.toFixed(2)} s (${floor.at(-1)!.cpuS.toFixed(2)} s CPU); load ${loadavg()[0].toFixed(1)}`);
    }
    const report = (f: string) => JSON.parse(fs.readFileSync(join(tmp, f), 'utf8'));
    const cfReport = report('cf.json');
    const pollReport = report('poll.json');
    // condition-first while every agent writes its heartbeat (the API under its steady publishing load)
    // the publisher skips writes under a minute old: the round starts a minute after the last one
    await new Promise((r) => setTimeout(r, Math.max(0, lastRoundAt + HEARTBEAT_SECONDS * 1000 - Date.now())));
    const [underLoad, beat] = await Promise.all([sample(lab, c, base, { env, stdout: join(tmp, 'load.json') }), round(() => Date.now())]);
    log(`condition-first during a heartbeat round: ${underLoad.wallS.toFixed(2)} s; the round: ${beat.seconds.toFixed(1)} s, ${beat.requests} PATCHes`);
    const agg = (xs: Sample[]) => ({ wallS: median(xs.map((x) => x.wallS)), cpuS: median(xs.map((x) => x.cpuS)), rssMaxMB: Math.max(...xs.map((x) => x.rssMB)), apiserverCpuS: median(xs.map((x) => x.apiserverCpuS)), requests: median(xs.map((x) => x.requests)), byVerb: xs[0]!.byVerb, samples: xs });
    return {
      shape: { nodes: shape.nodes, agentPods: shape.nodes, unhealthy, stale },
      populateS,
      load: { before: load0, after: loadavg(), cores: cpus().length },
      runs: o.runs,
      conditionFirst: { ...agg(cf), nodeConditions: summary(cfReport) },
      polling: { ...agg(poll), nodeConditions: summary(pollReport) },
      kubectlGetNodes: agg(floor),
      conditionFirstDuringHeartbeats: { wallS: underLoad.wallS, cpuS: underLoad.cpuS, requests: underLoad.requests, nodeConditions: summary(report('load.json')) },
      heartbeatRound: { ...beat, writesPerSecondSteady: shape.nodes / HEARTBEAT_SECONDS, apiserverCpuPerWriteMs: (beat.apiserverCpuS / beat.requests) * 1000 },
      firstPublication: first,
      rbac,
      serverRssMB: lab.serverRssMB(),
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

/** What the report says about the node layer (counts only). */
function summary(r: any) {
  const nc = r?.evidence?.nodeConditions ?? r?.nodeConditions;
  return { verdict: r?.verdict, judgedFromCondition: nc?.judged?.length, stale: nc?.stale?.length, asked: nc?.asked, findings: Array.isArray(r?.findings) ? r.findings.length : undefined };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = process.argv.slice(2);
  const runs = a.includes('--runs') ? Number(a[a.indexOf('--runs') + 1]) : 3;
  const pollRuns = a.includes('--poll-runs') ? Number(a[a.indexOf('--poll-runs') + 1]) : undefined;
  measureConditionScale({ quick: a.includes('--quick'), runs, pollRuns, keep: a.includes('--keep'), log: (l) => process.stderr.write(l + '\n') }).then(
    (m) => process.stdout.write(JSON.stringify({ command: `npx tsx bench/condition-scale-lab.ts ${a.join(' ')}`.trim(), date: new Date().toISOString(), node: process.version, ...m }, null, 2) + '\n'),
    (e) => {
      process.stderr.write(`condition-scale: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
