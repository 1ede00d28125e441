/**
 * Live diagnose's node layer at Kubernetes' limit (5,000 nodes, one agent each) against the project's
 * test-double API server (lab/kube-api): condition-first (nodes read from their FlannelDoctorHealthy
 * condition, the pod proxy only for the 0.2 % unhealthy and 0.1 % stale) vs polling every agent
 * through the pod proxy (--all-nodes, the old path). Both read the same cluster in the same run.
 * Ratio = polling time / condition-first time (> 1: condition-first is better). Extra: API requests of
 * each, the `kubectl get nodes -o json` floor (one paginated node list) and the agents' write load
 * (one heartbeat round of 5,000 PATCH nodes/status through the publisher).
 * The test double answers the proxy in-process (no network hop to a real agent), which understates
 * the polling side's cost: the ratio is a lower bound.
 *
 * Runnable alone:  npx tsx bench/suites/node-verdicts.ts [--quick]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeApiServer } from '../../lab/kube-api/server.js';
import { CONDITION_TYPE, HEARTBEAT_SECONDS, VerdictPublisher } from '../../src/agent/node-verdict.js';
import { emptyNode } from '../../src/evidence/node.js';
import { emptyEvidence } from '../../src/evidence/types.js';
import { gatherEvidence } from '../../src/sources/gather.js';
import { AGENT_DAEMONSET, AGENT_SELECTOR } from '../../src/sources/kube/agents.js';
import { KubeClient, loadKubeConfig } from '../../src/sources/kube/client.js';
import type { Suite, SuiteResult } from '../suite.js';

export async function measure(nodes: number, log: (l: string) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-verdicts-'));
  const api = await KubeApiServer.start({});
  try {
    const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
    const now = Date.now();
    const unhealthy = Math.max(1, Math.round(nodes * 0.002));
    const stale = Math.max(1, Math.round(nodes * 0.001));
    for (let i = 0; i < nodes; i++) {
      const name = `node-${String(i).padStart(5, '0')}`;
      const sick = i % Math.floor(nodes / unhealthy) === 1;
      const old = !sick && i % Math.floor(nodes / stale) === 2;
      const beat = new Date(now - (old ? 3600 : 20) * 1000).toISOString();
      api.put({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels: { 'kubernetes.io/hostname': name } },
        spec: { podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24` },
        status: {
          addresses: [{ type: 'InternalIP', address: `172.16.${(i >> 8) & 255}.${i & 255}` }],
          conditions: [
            { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: beat },
            { type: CONDITION_TYPE, status: sick ? 'False' : 'True', reason: sick ? 'NodeIpForwardDisabled' : 'Healthy', message: 'flannel-doctor', lastHeartbeatTime: beat },
          ],
        },
      });
      // owned by the agents' DaemonSet, as the kubelet-run pods are: live diagnose asks no other pod
      const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: AGENT_DAEMONSET, controller: true, uid: 'ds-uid' }];
      api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: `agent-${name}`, labels, ownerReferences: owner }, spec: { nodeName: name, containers: [] }, status: { phase: 'Running' } });
    }
    api.setProxy(async (req) => {
      const node = req.pod.replace(/^agent-/, '');
      const evidence = { ...emptyEvidence(['host']), nodes: { [node]: emptyNode(node) } };
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ evidence, status: { stale: false } }) };
    });
    writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
    const kubeconfig = join(dir, 'kubeconfig');
    const timed = async (f: () => Promise<unknown>) => {
      const before = api.requests.length;
      const t0 = performance.now();
      const r = await f();
      return { ms: performance.now() - t0, requests: api.requests.length - before, r };
    };
    const client = new KubeClient(loadKubeConfig({ kubeconfig }));
    // kubectl get nodes -o json: the node list, paginated as kubectl does (limit 500).
    const floor = await timed(async () => {
      let cont = '';
      do {
        const r = await client.get(`/api/v1/nodes?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, 60_000);
        cont = r.body?.metadata?.continue ?? '';
      } while (cont);
    });
    log(`node list floor: ${floor.ms.toFixed(0)} ms`);
    // The issue's bar, as processes: `flannel-doctor diagnose` (condition-first, the built CLI) vs
    // `kubectl get nodes -o json`, wall time and peak RSS from /usr/bin/time; skipped without them.
    const cli = await cliVsKubectl(kubeconfig);
    if (cli) log(`CLI diagnose: ${cli.diagnose.ms} ms, ${cli.diagnose.rssMB} MB; kubectl get nodes -o json: ${cli.kubectl.ms} ms, ${cli.kubectl.rssMB} MB`);
    const conditionFirst = await timed(() => gatherEvidence({ kubeconfig, timeoutMs: 600_000 }));
    const cf = (conditionFirst.r as Awaited<ReturnType<typeof gatherEvidence>>).nodeConditions!;
    log(`condition-first: ${conditionFirst.ms.toFixed(0)} ms, ${conditionFirst.requests} requests, ${cf.asked} agents asked`);
    const polling = await timed(() => gatherEvidence({ kubeconfig, timeoutMs: 600_000, allNodes: true }));
    const pollNodes = Object.keys((polling.r as Awaited<ReturnType<typeof gatherEvidence>>).nodes).length;
    log(`polling every agent: ${polling.ms.toFixed(0)} ms, ${polling.requests} requests, ${pollNodes} of ${nodes} agents answered within the per-request timeout`);
    // The agents' steady write load: one heartbeat round (every agent re-writes its condition once a minute).
    const publishers = Array.from({ length: nodes }, (_, i) => new VerdictPublisher(client, `node-${String(i).padStart(5, '0')}`));
    const round = await timed(async () => {
      for (let k = 0; k < publishers.length; k += 64) await Promise.all(publishers.slice(k, k + 64).map((p) => p.publish({ status: 'True', reason: 'Healthy', message: 'ok' }, now)));
    });
    const patchP = round.requests ? round.ms / round.requests : 0;
    // The same condition-first diagnose while every agent's heartbeat is being written (API under publishing load).
    const [underLoad] = await Promise.all([
      timed(() => gatherEvidence({ kubeconfig, timeoutMs: 600_000 })),
      (async () => {
        for (let k = 0; k < publishers.length; k += 64) await Promise.all(publishers.slice(k, k + 64).map((p) => p.publish({ status: 'True', reason: 'Healthy', message: 'ok' }, now + HEARTBEAT_SECONDS * 1000)));
      })(),
    ]);
    log(`condition-first during a heartbeat round: ${underLoad.ms.toFixed(0)} ms`);
    return {
      nodes,
      floorMs: floor.ms,
      conditionFirst: { ms: conditionFirst.ms, requests: conditionFirst.requests, asked: cf.asked, judged: cf.judged.length, stale: cf.stale.length },
      polling: { ms: polling.ms, requests: polling.requests, answered: pollNodes },
      conditionFirstUnderPublishingMs: underLoad.ms,
      writes: { perSecond: nodes / HEARTBEAT_SECONDS, roundMs: round.ms, roundRequests: round.requests, msPerWrite: patchP },
      rssMB: process.memoryUsage().rss / 2 ** 20,
      cli,
    };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One timed child: wall ms and peak RSS (MB) from GNU time; undefined when a tool is missing. */
// Asynchronous: the test-double API server runs in this process and must keep answering.
function timedChild(cmd: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMB: number } | undefined> {
  return new Promise((resolve) => {
    const c = spawn('/usr/bin/time', ['-f', 'FDTIME %e %M', ...cmd], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('error', () => resolve(undefined));
    c.on('close', () => {
      const m = /FDTIME ([\d.]+) (\d+)/.exec(err);
      resolve(m ? { ms: Math.round(Number(m[1]) * 1000), rssMB: Math.round(Number(m[2]) / 1024) } : undefined);
    });
  });
}

async function cliVsKubectl(kubeconfig: string) {
  const bin = fileURLToPath(new URL('../../bin/flannel-doctor.cjs', import.meta.url));
  if (!existsSync('/usr/bin/time') || !existsSync(fileURLToPath(new URL('../../dist/', import.meta.url)))) return undefined;
  if (spawnSync('kubectl', ['version', '--client']).status !== 0) return undefined;
  const env = { ...process.env, NO_COLOR: '1' };
  const kubectl = await timedChild(['kubectl', '--kubeconfig', kubeconfig, 'get', 'nodes', '-o', 'json'], env);
  const diagnose = await timedChild([process.execPath, bin, 'diagnose', '--kubeconfig', kubeconfig, '-o', 'json', '--timeout', '10m'], env);
  return kubectl && diagnose ? { kubectl, diagnose } : undefined;
}

const suite: Suite = {
  name: 'node-verdicts',
  description: 'live diagnose at 5,000 nodes: condition-first vs polling every agent through the pod proxy',
  async run({ quick, log }): Promise<SuiteResult> {
    const m = await measure(quick ? 500 : 5000, log);
    const ratio = m.polling.ms / m.conditionFirst.ms;
    return {
      suite: 'node-verdicts',
      ours: { label: 'condition-first', unit: 'ms', value: Math.round(m.conditionFirst.ms), note: `${m.conditionFirst.requests} API requests, ${m.conditionFirst.asked} agents asked` },
      peer: { label: 'poll every agent', unit: 'ms', value: Math.round(m.polling.ms), note: `${m.polling.requests} API requests` },
      ratio,
      ratioSays: 'polling every agent s ÷ condition-first s (> 1: condition-first faster)',
      target: '> 1 (condition-first faster) and fewer requests',
      met: ratio > 1 && m.conditionFirst.requests < m.polling.requests,
      extra: {
        nodes: m.nodes,
        pollingAgentsAnswered: m.polling.answered,
        requestRatio: +(m.polling.requests / m.conditionFirst.requests).toFixed(1),
        nodeListFloorMs: Math.round(m.floorMs),
        vsNodeListFloor: +(m.conditionFirst.ms / m.floorMs).toFixed(1),
        agentWritesPerSecond: +m.writes.perSecond.toFixed(1),
        conditionFirstDuringHeartbeatsMs: Math.round(m.conditionFirstUnderPublishingMs),
        heartbeatRoundMs: Math.round(m.writes.roundMs),
        rssMB: Math.round(m.rssMB),
        ...(m.cli
          ? { cliDiagnoseMs: m.cli.diagnose.ms, kubectlGetNodesMs: m.cli.kubectl.ms, cliVsKubectl: +(m.cli.diagnose.ms / m.cli.kubectl.ms).toFixed(1), cliDiagnoseRssMB: m.cli.diagnose.rssMB }
          : {}),
      },
    };
  },
};
export default suite;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  suite.run({ quick, log: (l) => process.stderr.write(l + '\n') }).then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
