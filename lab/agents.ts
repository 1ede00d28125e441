/**
 * flannel-doctor agents in the lab: one `flannel-doctor serve` per node, run inside the node's network
 * namespace against the node's file tree, listening on a unix socket in the lab dir. Each gets a Pod
 * object (namespace flannel-doctor, the agent labels) so live `diagnose --kubeconfig <lab kubeconfig>`
 * finds it and reaches it through the lab API server's pod proxy (lab/agents-proxy.ts), exactly as on a
 * real cluster. The PIDs are recorded as `agent:<node>`, so `lab down` stops them like any lab process.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { namespaceObj, runningStatus } from './api-objects.js';
import { agentsFile, type AgentsMap } from './agents-proxy.js';
import type { OpenLab } from './handle.js';
import { packageRoot } from './package-root.js';
import { isAlive, startDetached, stopPid, waitFor } from './processes.js';
import type { LabNode, LabState } from './types.js';

export const AGENT_NS = 'flannel-doctor';
export const AGENT_LABELS = { 'app.kubernetes.io/name': 'flannel-doctor', 'app.kubernetes.io/component': 'agent' };
const AGENT_IMAGE = 'ghcr.io/flannel-doctor/flannel-doctor:lab';

export interface AgentsUpOptions {
  /** seconds between checks (default 5) */
  interval?: number;
  /** bearer token every agent requires (but on /healthz) */
  token?: string;
}

export const agentPodName = (node: string) => `flannel-doctor-agent-${node}`;
export const agentSocket = (state: LabState, node: string) => join(state.dir, `agent-${node}.sock`);
const peersFile = (state: LabState) => join(state.dir, 'agent-peers.json');
const configFile = (state: LabState) => join(state.dir, 'agent-config.json');

/**
 * The lab's outside world is the zone example.lab (no internet), so the DNS probe's external name is
 * www.example.lab. The file's `dns` replaces the flags' whole `dns` on reload, so it carries all of it.
 */
function agentConfig(state: LabState): Record<string, unknown> {
  const dns = state.pods.find((p) => p.role === 'coredns' && p.ip);
  const zone = state.upstreamDns?.zone ?? 'example.lab';
  return { dns: { serviceIP: state.dnsServiceIP, ...(dns?.ip ? { corednsIPs: [dns.ip] } : {}), externalName: `www.${zone}` } };
}

/** The serve command line for one node (what a DaemonSet pod would run, pointed at the lab node). */
export function agentArgv(state: LabState, node: LabNode, opts: AgentsUpOptions = {}): string[] {
  const argv = [process.execPath, join(packageRoot(), 'bin', 'flannel-doctor.js'), 'serve', '--host-root', node.root, '--name', node.name];
  argv.push('--listen', `unix:${agentSocket(state, node.name)}`, '--interval', String(opts.interval ?? 5), '--peers', peersFile(state), '--config', configFile(state));
  argv.push('--dns-service-ip', state.dnsServiceIP);
  const dns = state.pods.find((p) => p.role === 'coredns' && p.ip);
  if (dns?.ip) argv.push('--coredns', dns.ip);
  const images = nodeImages(state, node.name);
  if (images.length) argv.push('--images', images.join(','));
  // the token goes by environment (FLANNEL_DOCTOR_TOKEN), never on the command line or in the Pod object
  return argv;
}

/** Images of this node's pods that live in a lab registry (the only registries a node can reach). */
export function nodeImages(state: LabState, node: string): string[] {
  const hosts = new Set(state.registries.map((r) => r.host));
  const imgs = state.pods.filter((p) => p.node === node && hosts.has(p.image.split('/')[0])).map((p) => p.image);
  return [...new Set(imgs)];
}

function peers(state: LabState): { name: string; ip: string; podIP?: string; flannelIp: string }[] {
  return state.nodes.map((n) => {
    const pod = state.pods.find((p) => p.node === n.name && p.role === 'app' && p.ip && p.wired !== false);
    return { name: n.name, ip: n.ip, flannelIp: n.podCIDR.split('/')[0], ...(pod?.ip ? { podIP: pod.ip } : {}) };
  });
}

function agentPod(node: LabNode, argv: string[], token: boolean): Record<string, any> {
  return {
    kind: 'Pod',
    metadata: { name: agentPodName(node.name), namespace: AGENT_NS, labels: { ...AGENT_LABELS } },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      serviceAccountName: 'flannel-doctor',
      containers: [
        {
          name: 'agent',
          image: AGENT_IMAGE,
          args: argv.slice(2),
          ports: [{ name: 'http', containerPort: 9464 }],
          ...(token ? { env: [{ name: 'FLANNEL_DOCTOR_TOKEN', valueFrom: { secretKeyRef: { name: 'flannel-doctor-token', key: 'token' } } }] } : {}),
        },
      ],
    },
    status: runningStatus(node.ip, node.ip, [{ name: 'agent', image: AGENT_IMAGE }]),
  };
}

/**
 * Starts an agent on every node and returns when all listen. Idempotent: a node whose agent still runs
 * keeps it (with its options; `agentsDown` first to change them).
 */
export async function agentsUp(lab: OpenLab, opts: AgentsUpOptions = {}): Promise<{ node: string; pid: number; socket: string }[]> {
  const { state } = lab;
  if (opts.interval !== undefined && (!Number.isFinite(opts.interval) || opts.interval < 1)) throw new Error(`--interval must be a number of seconds ≥ 1 (got ${opts.interval})`);
  if (!existsSync(join(packageRoot(), 'dist', 'cli.js'))) throw new Error('the agents run the built CLI: run `npm run build` first');
  await writeFile(peersFile(state), JSON.stringify(peers(state), null, 2) + '\n');
  await writeFile(configFile(state), JSON.stringify(agentConfig(state), null, 2) + '\n');
  const started: { node: string; pid: number; socket: string }[] = [];
  const map: AgentsMap = { pods: {} };
  for (const n of state.nodes) {
    const role = `agent:${n.name}`;
    const socket = agentSocket(state, n.name);
    const argv = agentArgv(state, n, opts);
    const running = state.pids[role] && isAlive(state.pids[role], socket);
    if (!running) {
      await rm(socket, { force: true });
      // always set: an empty value keeps a token in this process's environment away from the agents
      const env = { FLANNEL_DOCTOR_TOKEN: opts.token ?? '' };
      state.pids[role] = startDetached(n.netns, argv, join(state.dir, `agent-${n.name}.log`), env);
    }
    started.push({ node: n.name, pid: state.pids[role], socket });
    map.pods[`${AGENT_NS}/${agentPodName(n.name)}`] = socket;
    lab.api.put(agentPod(n, argv, !!opts.token));
  }
  if (!lab.api.get('Namespace', undefined, AGENT_NS)) lab.api.put(namespaceObj(AGENT_NS));
  await writeFile(agentsFile(state.dir), JSON.stringify(map, null, 2) + '\n');
  await lab.save();
  await waitFor(() => {
    for (const s of started) {
      if (!isAlive(s.pid)) throw new Error(`the agent of ${s.node} exited at start; see ${join(state.dir, `agent-${s.node}.log`)}`);
    }
    return started.every((s) => existsSync(s.socket));
  }, 20_000, 'the agents to listen');
  return started;
}

/** Stops every agent (by its recorded PID), removes their Pod objects, sockets and the proxy map. */
export async function agentsDown(lab: OpenLab): Promise<string[]> {
  const { state } = lab;
  const stopped: string[] = [];
  for (const [role, pid] of Object.entries(state.pids)) {
    if (!role.startsWith('agent:')) continue;
    const node = role.slice('agent:'.length);
    await stopPid(pid, agentSocket(state, node));
    delete state.pids[role];
    await rm(agentSocket(state, node), { force: true });
    stopped.push(node);
  }
  for (const p of lab.api.list('Pod', AGENT_NS)) lab.api.remove('Pod', AGENT_NS, p.metadata.name);
  await rm(agentsFile(state.dir), { force: true });
  await rm(peersFile(state), { force: true });
  await rm(configFile(state), { force: true });
  await lab.save();
  return stopped;
}
