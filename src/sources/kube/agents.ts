import type { Unreadable } from '../../evidence/cluster.js';
import type { NodeEvidence } from '../../evidence/node.js';
import { emptyProbes, type ProbeEvidence } from '../../evidence/probes.js';
import type { KubeClient } from './client.js';
import { checkOwnEvidence } from '../bundle/own-schema.js';

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
/** Where the manifests and the Helm chart put the agents (deploy/manifests/20-daemonset.yaml). */
export const AGENT_NAMESPACE = 'flannel-doctor';
export const AGENT_DAEMONSET = 'flannel-doctor-agent';

/**
 * Whether a pod is one of the agent DaemonSet's own pods: the DaemonSet controller sets itself as the
 * pod's controlling owner. Labels alone prove nothing: anyone who may create a pod can copy them.
 */
export function ownedByDaemonSet(pod: any, name: string): boolean {
  return ((pod?.metadata?.ownerReferences ?? []) as any[]).some((o) => o?.controller === true && o?.kind === 'DaemonSet' && o?.apiVersion === 'apps/v1' && o?.name === name);
}

/**
 * The part of one agent's answer that may be believed: its own node's evidence (the pod's
 * spec.nodeName, which the scheduler wrote and the agent cannot change) and the probes it ran from
 * that node. The answer is shape-checked first; what it says about other nodes is dropped and named.
 */
export function trustedAnswer(body: unknown, nodeName: string, ref: string): { node?: NodeEvidence; probes?: ProbeEvidence; dropped: string[]; error?: string } {
  const b = body as { evidence?: unknown } | undefined;
  if (!b || typeof b !== 'object' || !b.evidence || typeof b.evidence !== 'object' || Array.isArray(b.evidence)) return { dropped: [], error: 'its answer has no evidence object' };
  let ev;
  try {
    ev = checkOwnEvidence(b.evidence, `agent ${ref}`);
  } catch (e) {
    return { dropped: [], error: `malformed answer: ${(e as Error).message}` };
  }
  const dropped = Object.keys(ev.nodes).filter((n) => n !== nodeName).map((n) => `node ${n}`);
  const node = ev.nodes[nodeName];
  if (node) node.name = nodeName;
  let probes: ProbeEvidence | undefined;
  if (ev.probes) {
    const p = ev.probes;
    const mesh = p.mesh.filter((m) => m.from === nodeName);
    // what the agent saw while probing its share: kept only as that agent's own (by its node)
    const meshNodes = (p.meshNodes ?? []).filter((o) => o.by === nodeName);
    const dns = p.dns.filter((d) => d.from?.node === undefined || d.from.node === nodeName);
    const registry = p.registry.filter((r) => r.node === undefined || r.node === nodeName);
    const n = p.mesh.length - mesh.length + p.dns.length - dns.length + p.registry.length - registry.length;
    if (n) dropped.push(`${n} probe result(s) from other nodes`);
    const { meshNodes: _all, ...rest } = p;
    probes = { ...rest, mesh, dns, registry, ...(meshNodes.length ? { meshNodes } : {}) };
  }
  // shape problems found by the check are recorded on the node or as unreadable parts of the answer
  if (ev.cluster?.unreadable.length && node) node.problems.push(...ev.cluster.unreadable.map((u) => ({ file: u.what, message: u.reason })));
  return { node, probes, dropped };
}

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
export async function fetchAgentEvidence(
  client: KubeClient,
  opts: { timeoutMs: number; port?: number; token?: string; nodes?: ReadonlySet<string>; concurrency?: number; namespace?: string; daemonSet?: string },
): Promise<AgentEvidence> {
  const out: AgentEvidence = { nodes: {}, agents: [], unreadable: [] };
  const ns = opts.namespace ?? AGENT_NAMESPACE;
  const ds = opts.daemonSet ?? AGENT_DAEMONSET;
  // Condition-first: only these nodes' agents (none: not even the pod list).
  if (opts.nodes && !opts.nodes.size) return out;
  // A few nodes (condition-first): their agent pods by node (fieldSelector spec.nodeName, indexed by
  // the API server), instead of every agent pod of the cluster.
  const lists = opts.nodes && opts.nodes.size <= FEW_NODES ? [...opts.nodes].map((n) => `&fieldSelector=${encodeURIComponent(`spec.nodeName=${n}`)}`) : [''];
  const pods: any[] = [];
  for (const list of await Promise.all(lists.map((q) => client.get(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods?labelSelector=${encodeURIComponent(AGENT_SELECTOR)}${q}`, opts.timeoutMs).catch((e: Error) => ({ status: 0, body: { message: e.message } }))))) {
    if (list.status !== 200) {
      out.unreadable.push({ what: `flannel-doctor agent pods in namespace ${ns}`, reason: list.body?.message ?? `HTTP ${list.status}`, needs: 'list pods', ...(list.status === 403 ? { code: 403 } : {}) });
      return out;
    }
    for (const p of (list.body?.items ?? []) as any[]) {
      if (opts.nodes && !opts.nodes.has(p.spec?.nodeName)) continue;
      if (!ownedByDaemonSet(p, ds)) {
        out.unreadable.push({ what: `pod ${ns}/${p.metadata?.name}`, reason: `carries the agent's labels but is not a pod of DaemonSet ${ns}/${ds}: not asked` });
        continue;
      }
      if (!p.spec?.nodeName) continue; // not scheduled yet: no node to speak for
      pods.push(p);
    }
  }
  const probes = emptyProbes();
  const token = opts.token || (pods[0] ? await agentToken(client, ns, opts.timeoutMs) : undefined);
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
      if (r.status !== 200) {
        out.agents.push({ pod: ref, node: p.spec?.nodeName, ok: false, error: r.body?.message ?? `HTTP ${r.status}` });
        return;
      }
      const nodeName: string = p.spec.nodeName;
      const t = trustedAnswer(r.body, nodeName, ref);
      if (t.error) {
        out.agents.push({ pod: ref, node: nodeName, ok: false, error: `unreadable agent on node ${nodeName}: ${t.error}` });
        return;
      }
      if (t.dropped.length) out.unreadable.push({ what: `agent ${ref} on node ${nodeName}`, reason: `answered for what it does not run on (${t.dropped.join(', ')}): ignored` });
      if (t.node) out.nodes[nodeName] = t.node;
      if (t.probes) {
        probes.registry.push(...t.probes.registry);
        probes.dns.push(...t.probes.dns);
        probes.mesh.push(...t.probes.mesh);
        if (t.probes.meshNodes?.length) (probes.meshNodes ??= []).push(...t.probes.meshNodes);
        for (const k of t.probes.ran ?? []) if (!probes.ran.includes(k)) probes.ran.push(k);
      }
      out.agents.push({ pod: ref, node: nodeName, ok: true, stale: !!r.body?.status?.stale });
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
export async function agentToken(client: KubeClient, ns: string | undefined, timeoutMs: number): Promise<string | undefined> {
  if (!ns) return undefined;
  const r = await client.get(`/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${AGENT_TOKEN_SECRET}`, timeoutMs).catch(() => undefined);
  const b64 = r?.status === 200 ? r.body?.data?.token : undefined;
  return typeof b64 === 'string' && b64 ? Buffer.from(b64, 'base64').toString('utf8').trim() || undefined : undefined;
}
