/**
 * The suite results (bench/suite.ts's SuiteResult, in the RunOutcome file bench/run.ts writes) of the
 * two real-API-server benches, computed from their raw measurement files in bench/out/scale/. Both
 * ratios are on CPU time (user+sys of the client process, same run): on this shared 2-core machine
 * wall time mostly measures the wait for a starved API server; wall figures are given beside them.
 *
 *   npx tsx bench/scale-lab/outcome.ts      rewrite bench/out/live-scale.json and condition-scale.json
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteResult as Base } from '../suite.js';

/** ratioSays: what the ratio divides and which way is better (the field bench/suite.ts is gaining). */
type SuiteResult = Base & { ratioSays?: string };

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const RAW = { live: join(root, 'bench', 'out', 'scale', 'live-scale.json'), condition: join(root, 'bench', 'out', 'scale', 'condition-scale.json') };

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

export function liveScaleResult(m: any): SuiteResult {
  const unit = m.runs > 1 ? `s CPU (median of ${m.runs})` : 's CPU (1 run)';
  // apiserver_request_total over a child's run also counts the API server's own background requests
  // (they grow with the run's length): the list pages (LIST) are the client's own.
  const pages = (r: Record<string, number>) => `${r?.LIST ?? '?'} list pages`;
  const cpuRatio = m.peer.cpuS / m.ours.cpuS;
  const wallRatio = m.ours.wallS / m.peer.wallS;
  return {
    suite: 'live-scale',
    ours: { label: 'diagnose --kubeconfig -o json', unit, value: r2(m.ours.cpuS), note: `${r1(m.ours.wallS)} s wall, peak RSS ${Math.round(m.ours.rssMaxMB)} MB, ${pages(m.ours.requests)}; +${m.shape.nodes} nodes, +${m.shape.pods} pods, ${m.populate.events} events` },
    peer: { label: 'kubectl get nodes,pods,events -A -o json', unit, value: r2(m.peer.cpuS), note: `${r1(m.peer.wallS)} s wall, peak RSS ${Math.round(m.peer.rssMaxMB)} MB, ${pages(m.peer.requests)}` },
    ratio: r2(cpuRatio),
    ratioSays: 'kubectl CPU ÷ diagnose CPU (> 1: ours cheaper); wall ratio ours ÷ kubectl in extra',
    target: 'diagnose ≤ 1.5× kubectl (CPU and wall), peak RSS < 1 GB',
    met: cpuRatio >= 1 / 1.5 && wallRatio <= 1.5 && m.ours.rssMaxMB < 1024,
    extra: {
      runs: m.runs, nodes: m.shape.nodes, pods: m.shape.pods, events: m.populate.events,
      oursWallS: r2(m.ours.wallS), kubectlWallS: r2(m.peer.wallS), wallOursOverKubectl: r2(wallRatio),
      oursRssMB: Math.round(m.ours.rssMaxMB), kubectlRssMB: Math.round(m.peer.rssMaxMB),
      ...(typeof m.ours.apiserverCpuS === 'number' ? { apiserverCpuOursS: r2(m.ours.apiserverCpuS), apiserverCpuKubectlS: r2(m.peer.apiserverCpuS) } : {}),
      load: `${m.load.before[0]}→${m.load.after[0]} on ${m.load.cores} cores`,
    },
  };
}


export function conditionScaleResult(m: any): SuiteResult {
  const cpuRatio = m.polling.cpuS / m.conditionFirst.cpuS;
  const vsKubectl = m.conditionFirst.cpuS / m.kubectlGetNodes.cpuS;
  return {
    suite: 'condition-scale',
    ours: { label: 'condition-first diagnose', unit: `s CPU (median of ${m.runs})`, value: r2(m.conditionFirst.cpuS), note: `${r1(m.conditionFirst.wallS)} s wall, ${m.conditionFirst.requests} API requests, ${m.conditionFirst.nodeConditions.asked} agents asked (${m.conditionFirst.nodeConditions.stale} found stale: a heartbeat round here took longer than the 3-minute limit), peak RSS ${Math.round(m.conditionFirst.rssMaxMB)} MB; ${r2(vsKubectl)}× the CPU of kubectl get nodes -o json (${r2(m.kubectlGetNodes.cpuS)} s)` },
    peer: { label: 'diagnose --all-nodes (poll every agent)', unit: 's CPU', value: r2(m.polling.cpuS), note: `${r1(m.polling.wallS)} s wall, ${m.polling.requests} API requests` },
    ratio: r2(cpuRatio),
    ratioSays: 'polling CPU ÷ condition-first CPU (> 1: condition-first cheaper)',
    target: 'condition-first cheaper than polling with fewer requests; ≤ 2× kubectl get nodes -o json; < 1 GB',
    met: cpuRatio > 1 && m.conditionFirst.requests < m.polling.requests && vsKubectl <= 2 && m.conditionFirst.rssMaxMB < 1024 && m.rbac.ok,
    extra: {
      nodes: m.shape.nodes, unhealthy: m.shape.unhealthy, stale: m.shape.stale, runs: m.runs,
      kubectlGetNodesCpuS: r2(m.kubectlGetNodes.cpuS), kubectlGetNodesWallS: r2(m.kubectlGetNodes.wallS), kubectlGetNodesRequests: m.kubectlGetNodes.requests,
      conditionFirstOverKubectlCpu: r2(vsKubectl), conditionFirstOverKubectlWall: r2(m.conditionFirst.wallS / m.kubectlGetNodes.wallS),
      requestRatio: r1(m.polling.requests / m.conditionFirst.requests),
      // agents condition-first asked, and the nodes it found stale: heartbeats older than 3 minutes
      // when a heartbeat round of this API server takes longer than that
      conditionFirstAgentsAsked: m.conditionFirst.nodeConditions.asked,
      conditionFirstStaleSeen: m.conditionFirst.nodeConditions.stale,
      apiserverCpuConditionFirstS: r2(m.conditionFirst.apiserverCpuS), apiserverCpuPollingS: r2(m.polling.apiserverCpuS),
      conditionFirstDuringHeartbeatsWallS: r2(m.conditionFirstDuringHeartbeats.wallS),
      heartbeatRoundS: r1(m.heartbeatRound.seconds), heartbeatWritesPerSecondNeeded: r1(m.heartbeatRound.writesPerSecondSteady),
      apiserverCpuPerHeartbeatMs: r1(m.heartbeatRound.apiserverCpuPerWriteMs),
      rbacAgentRolesOnly: m.rbac.ok ? `publishes; extra rules ${m.rbac.extraRules.join(', ')}; ${m.rbac.refused.length} other writes 403` : 'NOT as expected',
      load: `${m.load.before[0]}→${m.load.after[0]} on ${m.load.cores} cores`,
    },
  };
}

/** A RunOutcome as bench/run.ts writes it, dated by the raw file's run. */
export function outcome(result: SuiteResult, m: any) {
  return { suite: result.suite, result, seconds: undefined, date: m.date, quick: false, node: m.node, load: [m.load.before[0], m.load.after[0]], cores: m.load.cores, command: m.command, raw: `bench/out/scale/${result.suite === 'condition-scale' ? 'condition' : 'live'}-scale.json` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, f, name] of [[RAW.live, liveScaleResult, 'live-scale'], [RAW.condition, conditionScaleResult, 'condition-scale']] as const) {
    if (!fs.existsSync(file)) continue;
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    const o = outcome(f(m), m);
    fs.writeFileSync(join(root, 'bench', 'out', `${name}.json`), JSON.stringify(o, null, 2) + '\n');
    process.stderr.write(`bench/out/${name}.json: ratio ${o.result.ratio}, met ${o.result.met}\n`);
  }
}
