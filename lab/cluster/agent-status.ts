/**
 * What each deployed agent says about its own checks (/api/v1/status), read as live diagnose reads
 * agents: through the API server's pod proxy, with the agents' token. The agents test and the
 * accuracy run's live mode wait on it for a check that saw the current state.
 */
import fs from 'node:fs';
import { KubeClient, loadKubeConfig } from '../../src/sources/kube/client.js';
import type { LabHandle } from '../types.js';
import { AGENT_NAMESPACE, tokenFile } from './agents.js';
import { adminKubeconfig, kubectl } from './control-plane.js';

export interface AgentSeen {
  pod: string;
  node: string;
  restarts: number;
  lastCheckAt?: string;
  intervalSeconds?: number;
  errors: { part: string; message: string }[];
}

/** Each agent's /api/v1/status, by node. */
export async function agentStatuses(lab: LabHandle): Promise<Map<string, AgentSeen>> {
  const client = new KubeClient(loadKubeConfig({ kubeconfig: adminKubeconfig(lab.state) }));
  const token = fs.readFileSync(tokenFile(lab), 'utf8').trim();
  const pods = JSON.parse((await kubectl(lab, ['-n', AGENT_NAMESPACE, 'get', 'pods', '-l', 'app.kubernetes.io/component=agent', '-o', 'json'])).stdout).items as any[];
  const out = new Map<string, AgentSeen>();
  for (const p of pods) {
    if (p.status?.phase !== 'Running' || p.metadata.deletionTimestamp) continue;
    const seen: AgentSeen = { pod: p.metadata.name, node: p.spec.nodeName, restarts: p.status.containerStatuses?.[0]?.restartCount ?? 0, errors: [] };
    const r = await client.get(`/api/v1/namespaces/${AGENT_NAMESPACE}/pods/${p.metadata.name}:9464/proxy/api/v1/status`, 5000, undefined, { 'x-flannel-doctor-token': token }).catch(() => undefined);
    if (r?.status === 200) Object.assign(seen, { lastCheckAt: r.body.lastCheckAt, intervalSeconds: r.body.intervalSeconds, errors: r.body.errors ?? [] });
    out.set(seen.node, seen);
  }
  return out;
}

/** Waits until every node's agent has finished a check that started after `since` (ms). */
export async function freshChecks(lab: LabHandle, since: number, timeoutMs: number): Promise<Map<string, AgentSeen>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const seen = await agentStatuses(lab).catch(() => new Map<string, AgentSeen>());
    const fresh = lab.state.nodes.every((n) => Date.parse(seen.get(n.name)?.lastCheckAt ?? '') > since);
    if (fresh) return seen;
    if (Date.now() > end) throw new Error(`agents did not report a check after ${new Date(since).toISOString()} within ${timeoutMs / 1000} s: ${JSON.stringify([...seen.values()])}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}
