/**
 * `capture --node N`: a bounded packet capture from the node's agent (GET /api/v1/capture), reached
 * through the API server's pod proxy like every other agent read. Only a pod of the agent DaemonSet
 * on that node is asked.
 */
import { ToolError } from '../../errors.js';
import type { KubeClient } from './client.js';
import { AGENT_DAEMONSET, AGENT_NAMESPACE, AGENT_PORT, AGENT_SELECTOR, AGENT_TOKEN_HEADER, AGENT_TOKEN_SECRET, agentToken, ownedByDaemonSet } from './agents.js';

export interface AgentCaptureRequest {
  seconds: number;
  iface?: string;
  filter?: string;
  maxBytes?: number;
}

export interface AgentCapture {
  pcap: Buffer;
  /** namespace/name of the agent pod that captured */
  pod: string;
  packets?: number;
  stoppedBy?: string;
}

const errorOf = (body: Buffer): string | undefined => {
  try {
    const j = JSON.parse(body.toString('utf8'));
    return typeof j?.error === 'string' ? j.error : typeof j?.message === 'string' ? j.message : undefined;
  } catch {
    return body.toString('utf8').trim().split('\n')[0]?.slice(0, 200) || undefined;
  }
};

export async function fetchAgentCapture(client: KubeClient, node: string, req: AgentCaptureRequest, opts: { token?: string; namespace?: string; daemonSet?: string; port?: number } = {}): Promise<AgentCapture> {
  const ns = opts.namespace ?? AGENT_NAMESPACE;
  const ds = opts.daemonSet ?? AGENT_DAEMONSET;
  const list = await client.get(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods?labelSelector=${encodeURIComponent(AGENT_SELECTOR)}&fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`, 10_000);
  if (list.status === 403) throw new ToolError(`cannot list the agent pods in namespace ${ns}: forbidden (needs list pods)`);
  if (list.status !== 200) throw new ToolError(`cannot list the agent pods in namespace ${ns}: ${list.body?.message ?? `HTTP ${list.status}`}`);
  const pod = ((list.body?.items ?? []) as any[]).find((p) => p.spec?.nodeName === node && ownedByDaemonSet(p, ds));
  if (!pod) throw new ToolError(`no flannel-doctor agent pod of DaemonSet ${ns}/${ds} on node ${node}: deploy the agent (deploy/manifests), or capture in the lab with --lab`);
  const ref = `${ns}/${pod.metadata.name}`;
  const token = opts.token || (await agentToken(client, ns, 10_000));
  const q = new URLSearchParams({ seconds: String(req.seconds), ...(req.iface ? { iface: req.iface } : {}), ...(req.filter ? { filter: req.filter } : {}), ...(req.maxBytes ? { maxBytes: String(req.maxBytes) } : {}) });
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod.metadata.name)}:${opts.port ?? AGENT_PORT}/proxy/api/v1/capture?${q}`;
  const r = await client.getBytes(path, (req.seconds + 30) * 1000, token ? { [AGENT_TOKEN_HEADER]: token } : {}, (req.maxBytes ?? 16 << 20) + (1 << 20));
  if (r.status === 401) throw new ToolError(`agent ${ref} wants its token: set $FLANNEL_DOCTOR_TOKEN, --agent-token-file, or allow get on secret ${ns}/${AGENT_TOKEN_SECRET}`);
  if (r.status === 403) throw new ToolError(`agent ${ref}: forbidden (needs get pods/proxy)`);
  if (r.status === 404) throw new ToolError(`agent ${ref} has no capture endpoint: it runs an older flannel-doctor; upgrade the DaemonSet`);
  if (r.status !== 200) throw new ToolError(`agent ${ref} could not capture: ${errorOf(r.body) ?? `HTTP ${r.status}`}`);
  const out: AgentCapture = { pcap: r.body, pod: ref };
  const packets = Number(r.headers['x-capture-packets']);
  if (Number.isInteger(packets)) out.packets = packets;
  if (r.headers['x-capture-stopped-by']) out.stoppedBy = r.headers['x-capture-stopped-by'];
  return out;
}
