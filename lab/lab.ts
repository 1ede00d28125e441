/**
 * `lab up` and `lab down`: build a real flannel-style cluster in network namespaces, and remove every
 * namespace, process, file and rule it made (also after a failed up, which rolls itself back).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterDown, clusterUp } from './cluster/up.js';
import { run } from './exec.js';
import { realHandle, type OpenLab } from './handle.js';
import {
  CLUSTER_CIDR, DNS_SERVICE_IP, EXTERNAL_ZONE, SERVICE_CIDR, UNDERLAY_CIDR, UNDERLAY_GW, UPSTREAM_DNS_IP,
  labDir, nodeIp, nodeName, podCidrOf, validateLabName, vtepMac,
} from './plan.js';
import { stopPid } from './processes.js';
import { stillRunning, stopStarted } from './spawn-ledger.js';
import { loadState, saveState } from './state.js';
import type { LabNode, LabPod, LabState } from './types.js';

export interface UpOptions {
  name?: string;
  nodes?: number;
  /** plain app pods per node (the pause image), bound to their node: targets for the mesh probe */
  podsPerNode?: number;
  /** start the registries of the image faults; default true */
  images?: boolean;
  /** tests only: fail right after this phase of `up` */
  failAfter?: string;
  /** one line per phase of `up` */
  progress?: (line: string) => void;
}

export const DEFAULT_LAB = 'fdlab';

/** Linux + root, or a clear message why the lab cannot run here. */
export function labPrerequisite(): string | undefined {
  if (process.platform !== 'linux') return `the lab needs Linux (network namespaces); this is ${process.platform}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'the lab needs root (it creates network namespaces, links and iptables rules); run it with sudo';
  for (const bin of ['/usr/lib/cni/bridge', '/usr/lib/cni/host-local']) if (!existsSync(bin)) return `the lab needs the CNI plugins (${bin} is missing): apt-get install containernetworking-plugins`;
  return undefined;
}

export function planState(name: string, nodes: number): LabState {
  const dir = labDir(name);
  const prefix = name;
  const labNodes: LabNode[] = [];
  for (let i = 1; i <= nodes; i++) {
    const n = nodeName(i);
    labNodes.push({
      name: n,
      index: i,
      netns: `${prefix}-${n}`,
      ip: nodeIp(i),
      podCIDR: podCidrOf(i),
      vtepMac: vtepMac(prefix, i),
      root: join(dir, 'nodes', n),
      arch: process.arch === 'arm64' ? 'arm64' : 'amd64',
    });
  }
  return {
    name,
    prefix,
    dir,
    underlay: { netns: `${prefix}-u`, bridge: 'br0', cidr: UNDERLAY_CIDR },
    underlayGateway: UNDERLAY_GW,
    clusterCIDR: CLUSTER_CIDR,
    serviceCIDR: SERVICE_CIDR,
    dnsServiceIP: DNS_SERVICE_IP,
    nodes: labNodes,
    pods: [],
    pids: {},
    registries: [],
    faults: [],
    netnsCreated: [],
    outsideFiles: [],
    upstreamDns: { netns: `${prefix}-ext`, ip: UPSTREAM_DNS_IP, zone: EXTERNAL_ZONE, hostsFile: join(dir, 'dns', 'external-hosts') },
    createdAt: new Date().toISOString(),
  };
}

/** Builds the lab (a real cluster, lab/cluster); on any failure removes what it made and rethrows. */
export async function labUp(opts: UpOptions = {}): Promise<OpenLab> {
  const why = labPrerequisite();
  if (why) throw new Error(why);
  const name = opts.name ?? DEFAULT_LAB;
  const bad = validateLabName(name);
  if (bad) throw new Error(bad);
  const nodes = opts.nodes ?? 3;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 40) throw new Error(`--nodes must be 1..40 (got ${opts.nodes})`);
  if (await loadState(name)) throw new Error(`lab "${name}" is already up (${labDir(name)}); run \`flannel-doctor lab down --name ${name}\` first`);
  const leftovers = await netnsWithPrefix(name);
  if (leftovers.length) throw new Error(`network namespaces of lab "${name}" are left over (${leftovers.join(', ')}); run \`flannel-doctor lab down --name ${name}\``);

  const t0 = Date.now();
  const state = planState(name, nodes);
  await rm(state.dir, { recursive: true, force: true });
  await mkdir(state.dir, { recursive: true });
  await saveState(state);
  const lab = realHandle(state);
  try {
    await clusterUp(lab, { progress: opts.progress, images: opts.images, podsPerNode: opts.podsPerNode ?? 1, failAfter: opts.failAfter });
  } catch (e) {
    await saveState(state).catch(() => undefined);
    // FLANNEL_DOCTOR_LAB_KEEP=1 leaves a failed lab up to look at (then `lab down` removes it)
    if (process.env.FLANNEL_DOCTOR_LAB_KEEP !== '1') await labDown(name).catch(() => undefined);
    throw e;
  }
  state.upMs = Date.now() - t0;
  await saveState(state);
  return lab;
}

async function netnsWithPrefix(prefix: string): Promise<string[]> {
  const r = await run(undefined, ['ip', 'netns', 'list'], { allowFail: true });
  return r.stdout
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n && n.startsWith(`${prefix}-`));
}

/** Removes everything the lab made: recorded processes (by PID), namespaces, /etc/netns files, the lab dir. */
export async function labDown(name: string = DEFAULT_LAB): Promise<{ removed: string[] }> {
  const bad = validateLabName(name);
  if (bad) throw new Error(bad);
  const removed: string[] = [];
  const state = await loadState(name).catch(() => undefined);
  if (state) removed.push(...(await clusterDown(realHandle(state))));
  if (state) {
    // What each recorded PID must still be running (a recycled PID is left alone); images-side roles
    // are "containerd:n1", "registry:reg-tls", "front:<id>" and still run a program of that name.
    // A fault's process is keyed "<role>:<node>" (fault-stub-resolver:n1, fault-delayer:n2).
    const expect: Record<string, string> = { upstreamDns: 'dnsmasq', 'fault-stub-resolver': 'dnsmasq', 'fault-delayer': '_nfq-delay.py' };
    for (const [role, pid] of Object.entries(state.pids)) {
      const kind = role.split(':')[0]!;
      await stopPid(pid, expect[role] ?? expect[kind] ?? kind);
      removed.push(`process ${role} (${pid})`);
    }
  }
  if (!state) {
    // No readable state (crash while writing it): the processes still left their pid files in the lab dir.
    for (const [file, expect] of [['dns/upstream.pid', 'dnsmasq'], ['dns/stub.pid', 'dnsmasq']] as const) {
      const pid = await readPid(join(labDir(name), file));
      if (pid) {
        await stopPid(pid, expect);
        removed.push(`process ${file} (${pid})`);
      }
    }
  }
  // Anything started but never recorded in the state (an `up` killed before it saved) is in the ledger.
  for (const pid of stillRunning(labDir(name))) {
    await stopStarted(pid);
    removed.push(`process ${pid} (from the spawn ledger)`);
  }
  // Namespaces: the recorded ones, plus any carrying this lab's prefix left by a crash mid-up.
  const names = new Set<string>([...(state?.netnsCreated ?? []), ...(await netnsWithPrefix(name))]);
  for (const ns of [...names].reverse()) {
    await run(undefined, ['ip', 'netns', 'del', ns], { allowFail: true });
    await rm(`/etc/netns/${ns}`, { recursive: true, force: true });
    removed.push(`netns ${ns}`);
  }
  for (const f of state?.outsideFiles ?? []) await rm(f, { recursive: true, force: true });
  const dir = labDir(name);
  if (existsSync(dir)) {
    await rm(dir, { recursive: true, force: true });
    removed.push(`dir ${dir}`);
  }
  return { removed };
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    const pid = text.startsWith('{') ? Number(JSON.parse(text).pid) : Number(text);
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export { type LabPod };
