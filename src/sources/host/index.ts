import { hostname } from 'node:os';
import type { Signature } from '../../catalog/types.js';
import { emptyNode, NODE_KEYS, type NodeEvidence, type NodeKey, type ParseProblem } from '../../evidence/node.js';
import { gatherCni, gatherIpam } from './cni.js';
import type { GatherContext } from './context.js';
import { HostFiles } from './files.js';
import { gatherNetConf, gatherSubnetEnv } from './flannel.js';
import { gatherIptables, gatherModules, gatherNetwork, gatherOffloads, gatherSnmp, gatherSysctls } from './kernel.js';
import { gatherLogs } from './logs.js';
import { execRunner, type CommandRunner } from './runner.js';
import { gatherContainerd, gatherDockerDaemon, gatherRegistryHosts, gatherResolvConf } from './runtime.js';

export { execRunner, netnsRunner, type CommandRunner } from './runner.js';
export { scanLog, type ScanResult, type ScanOptions } from './log-scan.js';

export interface GatherNodeOptions {
  /** Where the node's file tree is mounted ("/" on the node itself, /host in a DaemonSet). */
  hostRoot: string;
  /** Node name; defaults to the host root's etc/hostname, then os.hostname(). */
  name?: string;
  /** Runs ip, bridge, iptables-save, ethtool; the lab wraps it in `ip netns exec`. */
  run?: CommandRunner;
  now?: Date;
  /**
   * Read /proc/sys and /proc/net through `run` (one `sh` call) instead of this process's /proc: needed
   * when `run` enters another network namespace, since /proc/sys/net shows the reader's namespace.
   */
  kernelViaRunner?: boolean;
  /** Skip reading logs (they are the slowest part on a busy node). */
  skipLogs?: boolean;
  /** Known texts whose lines are kept even without an error word: the catalog's signatures by default. */
  knownTexts?: readonly Signature[];
}

/**
 * Gathers the evidence of one node: files under the host root, iproute2/iptables state through the
 * runner, kernel settings, and raw log lines (judged later, by the engine). Never throws for a broken node: what cannot be
 * read becomes a located problem and its key is left out of `gathered`.
 */
export async function gatherNode(opts: GatherNodeOptions): Promise<NodeEvidence> {
  const files = new HostFiles(opts.hostRoot);
  const run = opts.run ?? execRunner;
  const name = opts.name ?? (await nodeName(files));
  const node = emptyNode(name);
  node.hostRoot = opts.hostRoot;
  node.gatheredAt = (opts.now ?? new Date()).toISOString();
  const gathered = new Set<NodeKey>();
  const procRoot = (await files.isDir('/proc/sys')) && opts.hostRoot !== '/' ? opts.hostRoot : '/';
  const ctx: GatherContext = {
    files,
    run,
    node,
    gathered: (k) => gathered.add(k),
    isGathered: (k) => gathered.has(k),
    problem: (p: ParseProblem) => node.problems.push(p),
    readKernel: opts.kernelViaRunner ? (paths) => readViaRunner(run, paths) : (paths) => readLocal(procRoot === opts.hostRoot ? files : new HostFiles(procRoot), paths, ctx),
  };
  const step = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      // A gatherer bug must not lose the rest of the node's evidence.
      ctx.problem({ file: what, message: `could not gather: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  // Files first (containerd decides the CNI dirs; CNI decides subnet.env's path), commands in parallel.
  const filesDone = (async () => {
    await step('containerd', () => gatherContainerd(ctx));
    await Promise.all([
      step('cni', () => gatherCni(ctx)).then(() => step('subnetEnv', () => gatherSubnetEnv(ctx))).then(() => step('ipam', () => gatherIpam(ctx))),
      step('registryHosts', () => gatherRegistryHosts(ctx)),
      step('dockerDaemon', () => gatherDockerDaemon(ctx)),
      step('resolvConf', () => gatherResolvConf(ctx)),
      step('netConf', () => gatherNetConf(ctx)),
    ]);
  })();
  const kernelDone = (async () => {
    await Promise.all([step('network', () => gatherNetwork(ctx)), step('iptables', () => gatherIptables(ctx)), step('snmp', () => gatherSnmp(ctx))]);
    await Promise.all([step('sysctls', () => gatherSysctls(ctx)).then(() => step('modules', () => gatherModules(ctx))), step('offloads', () => gatherOffloads(ctx))]);
  })();
  await Promise.all([filesDone, kernelDone, opts.skipLogs ? undefined : step('logs', () => gatherLogs(ctx, opts.knownTexts))]);
  node.gathered = NODE_KEYS.filter((k) => gathered.has(k));
  return node;
}

async function nodeName(files: HostFiles): Promise<string> {
  const r = await files.read('/etc/hostname', 1024);
  const n = r.text?.split('\n')[0]?.trim();
  return n || hostname();
}

/** Kernel files through the confined reader: a link, FIFO or huge file planted there is refused, never followed out or waited on. */
async function readLocal(files: HostFiles, paths: string[], ctx: GatherContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(paths.map(async (p) => {
    const r = await files.read(p, 1024 * 1024);
    if (r.text !== undefined) out[p] = r.text;
    // absent: the caller treats a missing key as "not there"; anything else is a located problem
    else if (r.error) ctx.problem({ file: p, message: `cannot read: ${r.error}` });
  }));
  return out;
}

const MARK = '\u0001fd:';

/** Reads many small kernel files with one command inside the runner's namespace. */
async function readViaRunner(run: CommandRunner, paths: string[]): Promise<Record<string, string>> {
  const script = `for f in "$@"; do if [ -r "$f" ]; then printf '${MARK.replace('\u0001', '\\001')}%s\\n' "$f"; cat "$f"; fi; done`;
  const r = await run(['sh', '-c', script, 'sh', ...paths]);
  const out: Record<string, string> = {};
  if (r.code !== 0 && !r.stdout) return out;
  const parts = r.stdout.split(MARK);
  for (const part of parts.slice(1)) {
    const nl = part.indexOf('\n');
    if (nl < 0) continue;
    out[part.slice(0, nl)] = part.slice(nl + 1);
  }
  return out;
}
