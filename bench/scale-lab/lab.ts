/**
 * A real control plane of its own for the scale benches: etcd + kube-apiserver from
 * lab/components/build.sh (lab/cluster/control-plane.ts), under a lab name of the bench's choosing
 * (its own netns `<name>-u`, `<name>-cp`, dir and port). No kubelets. The controller-manager and the
 * scheduler are stopped once the control plane is up: with no kubelet, the node lifecycle controller
 * would taint every made Node and evict its pods, so the objects measured would drift during the run;
 * without them the API server serves exactly what the bench wrote (and counts only our requests).
 * Needs Linux, root, socat and the built components; `prerequisite()` says what is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { run } from '../../lab/exec.js';
import { createUnderlay } from '../../lab/network.js';
import { CLUSTER_CIDR, DNS_SERVICE_IP, SERVICE_CIDR, UNDERLAY_CIDR, labDir } from '../../lab/plan.js';
import { stopProcess, isRunning } from '../../lab/runtime/lab-process.js';
import { loadState, saveState } from '../../lab/state.js';
import type { LabHandle, LabState } from '../../lab/types.js';
import { components } from '../../lab/cluster/components.js';
import { CP_ROLES, startControlPlane, stopControlPlane, type CpRole } from '../../lab/cluster/control-plane.js';
import { kubeconfigFor, pkiPaths } from '../../lab/cluster/pki.js';

export function prerequisite(): string | undefined {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (the control plane runs in its own network namespace)';
  try {
    const missing = components().filter((c) => (c.name === 'kubernetes' || c.name === 'etcd') && !c.built);
    if (missing.length) return `not built: ${missing.map((c) => `${c.name} ${c.version}`).join(', ')}; run: bash lab/components/build.sh`;
  } catch (e) {
    return `cannot list the lab components: ${(e as Error).message.split('\n')[0]}`;
  }
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'needs socat';
  }
  if (!fs.existsSync('/usr/bin/time')) return 'needs /usr/bin/time (GNU time) for CPU and peak RSS';
  return undefined;
}

function freshState(name: string): LabState {
  return {
    name,
    prefix: name,
    dir: labDir(name),
    underlay: { netns: `${name}-u`, bridge: 'br0', cidr: UNDERLAY_CIDR },
    clusterCIDR: CLUSTER_CIDR,
    serviceCIDR: SERVICE_CIDR,
    dnsServiceIP: DNS_SERVICE_IP,
    nodes: [],
    pods: [],
    pids: {},
    registries: [],
    faults: [],
    netnsCreated: [],
    outsideFiles: [],
  };
}

function handle(state: LabState): LabHandle {
  const none = () => {
    throw new Error('the scale lab has no object store: it talks to the real API server');
  };
  return { state, exec: (netns, argv, opts) => run(netns, argv, opts), node: none, api: { get: none, put: none, remove: none, list: none }, save: () => saveState(state) };
}

export interface ScaleLab {
  state: LabState;
  kubeconfig: string;
  serverUrl: string;
  /** Admin client certificate and CA, for the bench's own HTTP client. */
  tls: { ca: Buffer; cert: Buffer; key: Buffer };
  /** A kubeconfig with a client certificate for `cn` (no groups): an identity RBAC must grant everything to. */
  identity(user: string, cn: string): Promise<string>;
  /** CPU seconds (user+sys) used so far by kube-apiserver and etcd, from /proc. */
  serverCpu(): { apiserver: number; etcd: number };
  serverRssMB(): { apiserver: number; etcd: number };
  /** Extra processes the bench started in the control plane's namespace, stopped by teardown (by PID). */
  extraPids: { pid: number; expect: string }[];
  teardown(): Promise<void>;
}

const TICK = 100; // USER_HZ on Linux

function procCpu(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return NaN;
  }
}

function procRssMB(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function teardownState(state: LabState, extra: { pid: number; expect: string }[]): Promise<void> {
  for (const e of extra) await stopProcess(e.pid, e.expect, 3000);
  await stopControlPlane(handle(state));
  for (const ns of [...(state.netnsCreated ?? [])].reverse()) await run(undefined, ['ip', 'netns', 'del', ns], { allowFail: true });
  state.netnsCreated = [];
  fs.rmSync(state.dir, { recursive: true, force: true });
}

/** Starts the control plane of lab `name` (leftovers of an interrupted run of the same name go first). */
export async function startScaleLab(name: string, log: (l: string) => void): Promise<ScaleLab> {
  const old = await loadState(name).catch(() => undefined);
  if (old) await teardownState(old, []);
  fs.rmSync(labDir(name), { recursive: true, force: true });
  const state = freshState(name);
  const lab = handle(state);
  fs.mkdirSync(state.dir, { recursive: true });
  const extraPids: { pid: number; expect: string }[] = [];
  try {
    await createUnderlay(state);
    await saveState(state);
    const t0 = Date.now();
    const ep = await startControlPlane(lab);
    for (const role of ['cp:controller-manager', 'cp:scheduler'] as CpRole[]) {
      await stopProcess(state.pids[role], CP_ROLES[role], 5000);
      if (isRunning(state.pids[role]!, CP_ROLES[role])) throw new Error(`could not stop ${role}`);
      delete state.pids[role];
    }
    await saveState(state);
    log(`control plane ${name} up in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${ep.serverUrl} (etcd + kube-apiserver ${state.controlPlane?.versions.kubernetes}; controller-manager and scheduler stopped)`);
    const p = pkiPaths(state.dir);
    const tls = { ca: fs.readFileSync(p.ca.cert), cert: fs.readFileSync(`${p.dir}/users/admin.crt`), key: fs.readFileSync(`${p.dir}/users/admin.key`) };
    return {
      state,
      kubeconfig: ep.kubeconfig,
      serverUrl: ep.serverUrl,
      tls,
      identity: (user, cn) => kubeconfigFor(state.dir, user, ep.serverUrl, { cn, groups: [] }),
      serverCpu: () => ({ apiserver: procCpu(state.pids['cp:apiserver']), etcd: procCpu(state.pids['cp:etcd']) }),
      serverRssMB: () => ({ apiserver: procRssMB(state.pids['cp:apiserver']), etcd: procRssMB(state.pids['cp:etcd']) }),
      extraPids,
      teardown: () => teardownState(state, extraPids),
    };
  } catch (e) {
    await teardownState(state, extraPids).catch(() => undefined);
    throw e;
  }
}

/** Network namespaces and processes of lab `name` still present (empty after a clean teardown). */
export function leftovers(name: string): string[] {
  const out: string[] = [];
  const ns = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(`${name}-`));
  out.push(...ns.map((n) => `netns ${n}`));
  const dir = labDir(name);
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(`${dir}/`)) out.push(`process ${p}: ${cmd.slice(0, 100)}`);
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Tears down what a bench run left of lab `name` (an interrupted run): processes by PID, netns, dir. */
export async function teardownLab(name: string): Promise<string[]> {
  const state = await loadState(name).catch(() => undefined);
  if (state) {
    const fake = `${state.dir}/fake-agents.cjs`;
    const extra = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => isRunning(pid, fake)).map((pid) => ({ pid, expect: fake }));
    await teardownState(state, extra);
  }
  return leftovers(name);
}

if (process.argv[1]?.endsWith('scale-lab/lab.ts') && process.argv[2] === 'teardown' && process.argv[3]) {
  teardownLab(process.argv[3]).then((left) => process.stdout.write(left.length ? `left: ${left.join('; ')}\n` : `lab ${process.argv[3]}: nothing left\n`));
}
