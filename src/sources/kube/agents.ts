import type { Unreadable } from '../../evidence/cluster.js';
import type { NodeEvidence } from '../../evidence/node.js';
import { emptyProbes, type ProbeEvidence } from '../../evidence/probes.js';
import type { KubeClient } from './client.js';

export const AGENT_SELECTOR = 'app.kubernetes.io/name=flannel-doctor,app.kubernetes.io/component=agent';
export const AGENT_PORT = 9464;
/** Agents asked at once through the pod proxy. */
export const AGENT_CONCURRENCY = 64;
/** Up to this many nodes to ask, their agent pods are listed node by node. */
const FEW_NODES = 50;
/** The Secret (key `token`) the manifests and the Helm chart give the agents, in the agents' namespace. */
export const AGENT_TOKEN_SECRET = 'flannel-doctor-token';
/** The API server's pod proxy drops Authorization; the agent also takes its token in this header. */
export const AGENT_TOKEN_HEADER = 'X-Flannel-Doctor-Token';

export interface AgentEvidence {
  nodes: Record<string, NodeEvidence>;
  probes?: ProbeEvidence;
  /** Agents found, and those that did not answer (node layer of those nodes is not checked). */
  agents: { pod: string; node?: string; ok: boolean; stale?: boolean; error?: string }[];
  unreadable: Unreadable[];
}

/**
 * Live diagnose's node layer: every node's agent, reached through the API server's pod proxy
 * (GET pods/proxy), which needs no network path from here to the nodes.
 */
export async function fetchAgentEvidence(client: KubeClient, opts: { timeoutMs: number; port?: number; token?: string; nodes?: ReadonlySet<string>; concurrency?: number }): Promise<AgentEvidence> {
  const out: AgentEvidence = { nodes: {}, agents: [], unreadable: [] };
  // Condition-first: only these nodes' agents (none: not even the pod list).
  if (opts.nodes && !opts.nodes.size) return out;
  // A few nodes (condition-first): their agent pods by node (fieldSelector spec.nodeName, indexed by
  // the API server), instead of every agent pod of the cluster.
  const lists = opts.nodes && opts.nodes.size <= FEW_NODES ? [...opts.nodes].map((n) => `&fieldSelector=${encodeURIComponent(`spec.nodeName=${n}`)}`) : [''];
  const pods: any[] = [];
  for (const list of await Promise.all(lists.map((q) => client.get(`/api/v1/pods?labelSelector=${encodeURIComponent(AGENT_SELECTOR)}${q}`, opts.timeoutMs).catch((e: Error) => ({ status: 0, body: { message: e.message } }))))) {
    if (list.status !== 200) {
      out.unreadable.push({ what: 'flannel-doctor agent pods', reason: list.body?.message ?? `HTTP ${list.status}`, needs: 'list pods' });
      return out;
    }
    pods.push(...((list.body?.items ?? []) as any[]).filter((p) => !opts.nodes || opts.nodes.has(p.spec?.nodeName)));
  }
  const probes = emptyProbes();
  const token = opts.token || (pods[0] ? await agentToken(client, pods[0].metadata?.namespace, opts.timeoutMs) : undefined);
  const headers: Record<string, string> = token ? { [AGENT_TOKEN_HEADER]: token } : {};
  const askOne = async (p: any) => {
    const ns = p.metadata?.namespace;
    const name = p.metadata?.name;
    const ref = `${ns}/${name}`;
    const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}:${opts.port ?? AGENT_PORT}/proxy/api/v1/evidence`;
    try {
      const r = await client.get(path, opts.timeoutMs, undefined, headers);
      if (r.status === 401) {
        const reason = `the agent wants its token: set $FLANNEL_DOCTOR_TOKEN or allow get on secret ${ns}/${AGENT_TOKEN_SECRET}`;
        out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: false, error: reason });
        return;
      }
      if (r.status === 403) {
        out.unreadable.push({ what: `agent ${ref}`, reason: 'forbidden', needs: 'get pods/proxy', code: 403 });
        out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: false, error: 'forbidden' });
        return;
      }
      if (r.status !== 200 || !r.body?.evidence) {
        out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: false, error: r.body?.message ?? `HTTP ${r.status}` });
        return;
      }
      const ev = r.body.evidence;
      for (const [n, node] of Object.entries(ev.nodes ?? {})) out.nodes[n] = node as NodeEvidence;
      if (ev.probes) {
        probes.registry.push(...(ev.probes.registry ?? []));
        probes.dns.push(...(ev.probes.dns ?? []));
        probes.mesh.push(...(ev.probes.mesh ?? []));
        for (const k of ev.probes.ran ?? []) if (!probes.ran.includes(k)) probes.ran.push(k);
      }
      out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: true, stale: !!r.body.status?.stale });
    } catch (e) {
      out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: false, error: (e as Error).message });
    }
  };
  // Bounded: thousands of proxied requests at once through one API server time out together.
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? AGENT_CONCURRENCY, pods.length) }, async () => {
    while (next < pods.length) await askOne(pods[next++]);
  }));
  if (probes.ran.length) out.probes = probes;
  return out;
}

/** The agents' token from their Secret, when this user may read it (values stay in memory only). */
async function agentToken(client: KubeClient, ns: string | undefined, timeoutMs: number): Promise<string | undefined> {
  if (!ns) return undefined;
  const r = await client.get(`/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${AGENT_TOKEN_SECRET}`, timeoutMs).catch(() => undefined);
  const b64 = r?.status === 200 ? r.body?.data?.token : undefined;
  return typeof b64 === 'string' && b64 ? Buffer.from(b64, 'base64').toString('utf8').trim() || undefined : undefined;
}
