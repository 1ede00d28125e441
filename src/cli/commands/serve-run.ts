import { parseDuration } from '../duration.js';
import { hostname } from 'node:os';
import { Agent } from '../../agent/agent.js';
import type { CheckParts } from '../../agent/check-cycle.js';
import { DEFAULT_CONFIG, loadConfigFile, type AgentConfig } from '../../agent/config.js';
import { createAgentServer, freeSocketPath } from '../../agent/server.js';
import { UsageError } from '../../errors.js';
import { readBounded } from '../../sources/bounded-read.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import { discover, needsDiscovery, withDiscovered, type Discovered, type DiscoverySelf } from '../../agent/discovery.js';
import type { KubeClient } from '../../sources/kube/client.js';

/** The flags `serve` parses, as its run half takes them. */
export interface ServeFlags {
  hostRoot: string;
  node?: string;
  /** The old spelling of --node, kept hidden for scripts and the lab; --name means a lab elsewhere. */
  name?: string;
  listen: string;
  interval?: string;
  config?: string;
  token?: string;
  images?: string;
  dnsServiceIp?: string;
  coredns?: string;
  peers?: string;
  once?: boolean;
  openMetrics?: boolean;
  /** --no-publish: no Node condition or Events (default: published when running in a pod) */
  publish?: boolean;
  /** --no-discover: in a pod, do not learn mesh peers and DNS targets from the API */
  discover?: boolean;
}

const SA_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/**
 * Flags (and their environment variables) over the config file's settings over the defaults. The
 * token set by --token or $FLANNEL_DOCTOR_TOKEN always wins: a config file can never weaken it.
 */
export async function configFromFlags(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env, file: AgentConfig = DEFAULT_CONFIG): Promise<AgentConfig> {
  const c: AgentConfig = structuredClone(file);
  c.hostRoot = flags.hostRoot ?? c.hostRoot;
  c.nodeName = flags.node ?? flags.name ?? c.nodeName ?? env.NODE_NAME ?? hostname();
  if (flags.listen?.startsWith('unix:')) c.listen = { host: flags.listen, port: 0 };
  else {
    const m = /^(.*):(\d+)$/.exec(flags.listen ?? '');
    if (flags.listen && !m) throw new UsageError(`--listen must be host:port or unix:/path/to.sock (got "${flags.listen}")`);
    if (m) c.listen = { host: m[1] || '0.0.0.0', port: Number(m[2]) };
  }
  if (flags.interval !== undefined) {
    const s = parseDuration(flags.interval, '--interval') / 1000;
    if (s < 1) throw new UsageError(`--interval must be at least 1s (got "${flags.interval}")`);
    c.intervalSeconds = s;
  }
  c.token = flags.token || env.FLANNEL_DOCTOR_TOKEN || c.token || undefined;
  if (flags.openMetrics) c.openMetrics = true;
  if (flags.images) c.images = flags.images.split(',').map((s) => s.trim()).filter(Boolean);
  if (flags.dnsServiceIp) c.dns = { ...c.dns, serviceIP: flags.dnsServiceIp };
  if (flags.coredns) c.dns = { ...c.dns, corednsIPs: flags.coredns.split(',').map((s) => s.trim()).filter(Boolean) };
  if (flags.peers) {
    try {
      // asynchronous and bounded: it is re-read before every check, on the agent's event loop
      c.peers = JSON.parse((await readBounded(flags.peers, { maxBytes: 4 * 1024 * 1024, timeoutMs: 2000, followSymlink: true })).toString('utf8'));
      if (!Array.isArray(c.peers)) throw new Error('must be a JSON list of {name, ip, podIP?}');
    } catch (e) {
      throw new UsageError(`--peers ${flags.peers}: ${(e as Error).message}`);
    }
  }
  return c;
}

/** The parts of a check cycle on a real node: the host source and the probes, loaded lazily. */
export function nodeCheckParts(getConfig: () => AgentConfig): CheckParts {
  return {
    async gatherNode() {
      const c = getConfig();
      const { gatherNode } = await import('../../sources/host/index.js');
      return gatherNode({ hostRoot: c.hostRoot, name: c.nodeName });
    },
    async probeRegistry() {
      const c = getConfig();
      if (!c.images.length) return [];
      const { probeRegistry } = await import('../../probes/registry/probe-registry.js');
      return probeRegistry(c.images, { hostRoot: c.hostRoot, node: c.nodeName, timeoutMs: c.probeTimeoutMs });
    },
    async probeDns() {
      const c = getConfig();
      if (!c.dns?.serviceIP) return [];
      const { probeDns } = await import('../../probes/dns/probe-dns.js');
      return probeDns({ hostRoot: c.hostRoot, node: c.nodeName, serviceIp: c.dns.serviceIP, coredns: c.dns.corednsIPs, clusterName: c.dns.clusterName, externalName: c.dns.externalName, timeoutMs: Math.min(2000, c.probeTimeoutMs) });
    },
    async probeMesh() {
      const c = getConfig();
      if (!c.peers.length) return { results: [] };
      const { probeMesh } = await import('../../probes/mesh/probe-mesh.js');
      // This node's share: from here to each peer (underlay, flannel.1, and a pod when given).
      // The peers list may name this node too (one list for every agent); it is never probed from here.
      const name = c.nodeName ?? 'self';
      const listed = c.peers.find((p) => p.name === name);
      const self = { name, underlayIp: listed?.ip ?? '127.0.0.1' };
      const peers = c.peers.filter((p) => p.name !== name);
      const targets = [self, ...peers.map((p) => ({ name: p.name, underlayIp: p.ip, flannelIp: p.flannelIp, pod: p.podIP ? { ip: p.podIP } : undefined }))];
      // the don't-fragment probes are sized by this node's own flannel.1 MTU (hostNetwork: its netns)
      const { withMeasuredMtus } = await import('../../probes/mesh/link-mtu.js');
      const measured = await withMeasuredMtus([self]);
      const { results, nodes } = await probeMesh([...measured, ...targets.slice(1)], { onlyFrom: self.name, timeoutMs: Math.min(1000, c.probeTimeoutMs) });
      return { results, nodes };
    },
  };
}

async function inClusterClient(): Promise<KubeClient> {
  const { KubeClient, loadKubeConfig } = await import('../../sources/kube/client.js');
  return new KubeClient(loadKubeConfig({}));
}

/** The agent's namespace: $POD_NAMESPACE (downward API), else its ServiceAccount's namespace file. */
async function agentNamespace(): Promise<string | undefined> {
  if (process.env.POD_NAMESPACE) return process.env.POD_NAMESPACE;
  try {
    return (await readBounded(SA_NAMESPACE_FILE, { maxBytes: 1024, timeoutMs: 1000, followSymlink: true })).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function runServe(flags: ServeFlags): Promise<number> {
  const loaded = flags.config ? await loadConfigFile(flags.config) : undefined;
  let config = await configFromFlags(flags, process.env, loaded?.config);
  // In a pod: what the config leaves unset (peers, DNS targets) is learned from the API each cycle.
  let discovered: Discovered | undefined;
  const parts = nodeCheckParts(() => withDiscovered(config, discovered));
  const agent = new Agent(config, parts, RULES, VERSION);
  if (loaded?.problem) agent.reconfigure(config, loaded.problem);
  if (flags.config) {
    // Re-read before every check: a malformed file keeps the last good config and shows the problem.
    const reload = parts.gatherNode;
    parts.gatherNode = async () => {
      const r = await loadConfigFile(flags.config!);
      // Flags stay on top; where the agent listens is fixed at start.
      let problem = r.problem;
      if (!problem) {
        try {
          config = { ...(await configFromFlags(flags, process.env, r.config)), hostRoot: config.hostRoot, nodeName: config.nodeName, listen: config.listen };
        } catch (e) {
          // a peers file gone bad: keep the last good config, show why
          problem = { file: flags.peers ?? flags.config!, message: (e as Error).message };
        }
      }
      agent.reconfigure(config, problem);
      return reload();
    };
  }
  const inPod = !!process.env.KUBERNETES_SERVICE_HOST && !!config.nodeName;
  const kube = inPod && (flags.discover !== false || (!flags.once && flags.publish !== false)) ? await inClusterClient() : undefined;
  if (kube && flags.discover !== false) {
    const self: DiscoverySelf = { nodeName: config.nodeName!, namespace: await agentNamespace(), podName: process.env.POD_NAME || undefined };
    parts.prepare = async () => {
      if (!needsDiscovery(config)) return [];
      discovered = await discover(kube, self, { last: discovered, timeoutMs: Math.min(5000, config.probeTimeoutMs) });
      return discovered.problems;
    };
  }
  // In a pod: the verdict goes on the Node as a condition (FlannelDoctorHealthy) and an Event on change.
  if (kube && !flags.once && flags.publish !== false) {
    const { VerdictPublisher } = await import('../../agent/node-verdict.js');
    agent.publishTo(new VerdictPublisher(kube, config.nodeName!));
  }
  if (flags.once) {
    const r = await agent.checkNow();
    process.stdout.write(JSON.stringify({ status: agent.status(), report: r?.report }, null, 2) + '\n');
    return 0;
  }
  const server = createAgentServer(agent);
  // A unix socket lets the lab's API server proxy to agents inside node network namespaces.
  const socket = config.listen.host.startsWith('unix:') ? config.listen.host.slice(5) : undefined;
  const where = socket ? `unix:${socket}` : `http://${config.listen.host}:${config.listen.port}/`;
  if (socket) await freeSocketPath(socket);
  if (!config.token && !socket && !/^(127\.|::1$|localhost$)/.test(config.listen.host)) {
    process.stderr.write(`warning: no token: anyone who can reach ${where} reads this node's evidence; set --token or $FLANNEL_DOCTOR_TOKEN\n`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new UsageError(`cannot listen on ${where}: ${(e as Error).message}`)));
    if (socket) server.listen(socket, resolve);
    else server.listen(config.listen.port, config.listen.host, resolve);
  });
  process.stderr.write(`flannel-doctor agent for node ${agent.nodeName} on ${where} (every ${config.intervalSeconds} s)\n`);
  agent.start();
  await new Promise<void>((resolve) => {
    const stop = () => {
      agent.stop();
      server.close(() => resolve());
      setTimeout(resolve, 2000).unref();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}
