import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToolError, UsageError } from '../../errors.js';

export interface CaptureCommandOptions {
  node: string;
  seconds: string;
  iface: string;
  filter: string;
  maxMb: string;
  write?: string;
  lab?: string | boolean;
  kubeconfig?: string;
  context?: string;
  agentNamespace?: string;
  agentTokenFile?: string;
  output: string;
  failOn: string;
  vxlanPort: string;
}

interface Captured {
  pcap: Buffer;
  where: string;
  packets?: number;
  stoppedBy?: string;
}

function request(opts: CaptureCommandOptions) {
  const seconds = Number(opts.seconds);
  const mb = Number(opts.maxMb);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new UsageError(`--seconds takes a whole number 1-60 (got "${opts.seconds}")`);
  if (!Number.isInteger(mb) || mb < 1 || mb > 16) throw new UsageError(`--max-mb takes a whole number 1-16 (got "${opts.maxMb}")`);
  if (opts.filter !== 'vxlan' && opts.filter !== 'all') throw new UsageError(`--filter takes vxlan or all (got "${opts.filter}")`);
  if (!/^(any|[A-Za-z0-9_.:@-]{1,15})$/.test(opts.iface)) throw new UsageError(`--iface takes an interface name or any (got "${opts.iface}")`);
  return { seconds, iface: opts.iface, filter: opts.filter as 'vxlan' | 'all', maxBytes: mb << 20 };
}

async function fromLab(opts: CaptureCommandOptions, req: ReturnType<typeof request>): Promise<Captured> {
  const name = typeof opts.lab === 'string' ? opts.lab : 'fdlab';
  const { loadState } = await import('../../../lab/state.js');
  const state = await loadState(name);
  if (!state) throw new UsageError(`lab "${name}" is not up; run \`flannel-doctor lab up --name ${name}\` first`);
  const node = state.nodes.find((n) => n.name === opts.node);
  if (!node) throw new UsageError(`--node ${opts.node} is not a node of lab ${name} (nodes: ${state.nodes.map((n) => n.name).join(', ')})`);
  const { capturePackets, CaptureError } = await import('../../probes/capture/bounded-capture.js');
  try {
    const c = await capturePackets({ ...req, netns: node.netns });
    return { pcap: c.pcap, packets: c.packets, stoppedBy: c.stoppedBy, where: `lab ${name} node ${node.name} (netns ${node.netns})` };
  } catch (e) {
    throw e instanceof CaptureError ? new ToolError(`capture on lab node ${node.name}: ${e.message}`) : e;
  }
}

async function fromAgent(opts: CaptureCommandOptions, req: ReturnType<typeof request>): Promise<Captured> {
  const [{ KubeClient, loadKubeConfig }, { fetchAgentCapture }, { readTokenFile }] = await Promise.all([import('../../sources/kube/client.js'), import('../../sources/kube/agent-capture.js'), import('../../sources/gather.js')]);
  const client = new KubeClient(loadKubeConfig({ kubeconfig: opts.kubeconfig, context: opts.context }));
  const token = (opts.agentTokenFile ? await readTokenFile(opts.agentTokenFile) : undefined) || process.env.FLANNEL_DOCTOR_TOKEN || undefined;
  const c = await fetchAgentCapture(client, opts.node, req, { token, namespace: opts.agentNamespace });
  return { pcap: c.pcap, packets: c.packets, stoppedBy: c.stoppedBy, where: `node ${opts.node} (agent ${c.pod})` };
}

export async function runCapture(opts: CaptureCommandOptions): Promise<number> {
  const req = request(opts);
  const c = opts.lab ? await fromLab(opts, req) : await fromAgent(opts, req);
  const tmp = opts.write ? undefined : mkdtempSync(join(tmpdir(), 'fd-capture-'));
  const file = opts.write ?? join(tmp!, `${opts.node.replace(/[^A-Za-z0-9_.-]/g, '_')}.pcap`);
  try {
    writeFileSync(file, c.pcap);
    process.stderr.write(`captured ${c.packets ?? '?'} packets on ${c.where} in ${req.seconds} s or less${c.stoppedBy ? ` (stopped by ${c.stoppedBy})` : ''}${opts.write ? `; saved to ${opts.write}` : ''}\n`);
    const { runPcap } = await import('./pcap-run.js');
    return await runPcap([file], { output: opts.output, failOn: opts.failOn, vxlanPort: opts.vxlanPort });
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
