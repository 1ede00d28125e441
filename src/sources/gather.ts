/**
 * Gathering for `diagnose`: a bundle or the live cluster, plus node evidence files. Library code: no
 * printing, no exit; progress goes to a callback.
 */
import { UsageError } from '../errors.js';
import { emptyEvidence, type Evidence } from '../evidence/types.js';
import { readBundle } from './bundle/read.js';
import { readNodeEvidence } from './node-evidence.js';
import { parseSelector, selectPods } from './selector.js';
import { CONDITION_TYPE } from '../evidence/node-condition.js';
// The live path (kube/*) loads @kubernetes/client-node, ~1,900 modules: imported only when a live
// cluster is read, so offline diagnose and flag errors start fast.

export interface GatherOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** -l: only pods with these labels (and their events); system pods always kept. */
  selector?: string;
  bundle?: string;
  nodeEvidence?: string;
  timeoutMs?: number;
  progress?: (line: string) => void;
  /** Live mode: fetch node evidence from flannel-doctor agents through the pod proxy (default true). */
  agents?: boolean;
  /** --node: always ask these nodes' agents (even when their condition says healthy). */
  nodes?: string[];
  /** --all-nodes: ask every node's agent, whatever its FlannelDoctorHealthy condition says. */
  allNodes?: boolean;
  /** Live: the agent DaemonSet's namespace (default flannel-doctor). */
  agentNamespace?: string;
  /** Live: a file holding the agents' token (before $FLANNEL_DOCTOR_TOKEN and their Secret). */
  agentTokenFile?: string;
}

export async function gatherEvidence(opts: GatherOptions): Promise<Evidence> {
  if (opts.selector) parseSelector(opts.selector); // a bad selector fails before anything is read
  if (opts.bundle && (opts.kubeconfig || opts.context)) throw new UsageError('--bundle reads a saved bundle offline: drop --kubeconfig/--context, or drop --bundle to read the live cluster');
  let evidence: Evidence;
  if (opts.bundle) {
    evidence = (await readBundle(opts.bundle, { namespace: opts.namespace, progress: opts.progress })).evidence;
  } else {
    evidence = emptyEvidence(['kube']);
    const { gatherKube } = await import('./kube/gather.js');
    evidence.cluster = await gatherKube({ kubeconfig: opts.kubeconfig, context: opts.context, namespace: opts.namespace, timeoutMs: opts.timeoutMs, progress: opts.progress });
    if (opts.agents !== false) await mergeAgentEvidence(evidence, opts);
  }
  if (opts.nodeEvidence) mergeNodeEvidence(evidence, await readNodeEvidence(opts.nodeEvidence));
  if (opts.selector && evidence.cluster) evidence.cluster = selectPods(evidence.cluster, opts.selector);
  return evidence;
}

/**
 * The node layer of a live cluster, condition-first: nodes whose agent published a fresh healthy
 * FlannelDoctorHealthy condition are judged from it; the others' agents (and --node's, or all with
 * --all-nodes) are asked through the API server's pod proxy. Without a readable node list, all are asked.
 */
async function mergeAgentEvidence(evidence: Evidence, opts: GatherOptions): Promise<void> {
  const [{ KubeClient, loadKubeConfig }, { fetchAgentEvidence }, { planNodeReads }] = await Promise.all([import('./kube/client.js'), import('./kube/agents.js'), import('./kube/node-conditions.js')]);
  const nodesRead = !!evidence.cluster?.read.includes('nodes');
  const plan = nodesRead ? planNodeReads(evidence.cluster!.nodes, { now: Date.now() + (evidence.cluster!.serverClockOffsetMs ?? 0), named: opts.nodes, allNodes: opts.allNodes }) : undefined;
  opts.progress?.(`asking ${plan ? plan.ask.size : 'all'} flannel-doctor agents for node evidence`);
  const client = new KubeClient(loadKubeConfig({ kubeconfig: opts.kubeconfig, context: opts.context }));
  const token = (opts.agentTokenFile ? await readTokenFile(opts.agentTokenFile) : undefined) || process.env.FLANNEL_DOCTOR_TOKEN || undefined;
  const agents = await fetchAgentEvidence(client, { timeoutMs: Math.min(opts.timeoutMs ?? 10_000, 10_000), token, namespace: opts.agentNamespace, nodes: plan ? new Set(plan.ask.keys()) : undefined });
  if (plan) evidence.nodeConditions = { judged: plan.judged, stale: plan.stale, asked: agents.agents.length };
  mergeNodeEvidence(evidence, Object.values(agents.nodes));
  if (agents.probes) {
    evidence.probes = agents.probes;
    if (!evidence.sources.includes('probe')) evidence.sources.push('probe');
  }
  evidence.cluster?.unreadable.push(...agents.unreadable);
  for (const a of agents.agents.filter((x) => !x.ok)) {
    // The agent's own last verdict still says something: its condition's status and reason (e.g. False, DnsNodeResolver).
    const c = plan && a.node ? evidence.cluster?.nodes.find((n) => n.name === a.node)?.conditions.find((x) => x.type === CONDITION_TYPE) : undefined;
    const said = c ? `; its ${CONDITION_TYPE} condition says ${c.status}${c.reason ? ` (${c.reason})` : ''}${plan?.stale.includes(a.node!) ? ', stale' : ''}` : '';
    evidence.cluster?.unreadable.push({ what: `node evidence of ${a.node ?? a.pod} (agent ${a.pod})`, reason: `${a.error ?? 'no answer'}${said}` });
  }
}

/** The token file's first line (a token is one line; bounded: a wrong path to a big file is refused). */
export async function readTokenFile(file: string): Promise<string> {
  const { readFile, stat } = await import('node:fs/promises');
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new UsageError(`--agent-token-file ${file}: not a readable file`);
  if (st.size > 4096) throw new UsageError(`--agent-token-file ${file}: ${st.size} bytes, too big for a token`);
  const t = (await readFile(file, 'utf8')).split('\n')[0].trim();
  if (!t) throw new UsageError(`--agent-token-file ${file}: empty`);
  return t;
}

export function mergeNodeEvidence(evidence: Evidence, nodes: readonly import('../evidence/node.js').NodeEvidence[]): void {
  for (const n of nodes) evidence.nodes[n.name] = n;
  if (nodes.length && !evidence.sources.includes('host')) evidence.sources.push('host');
}
