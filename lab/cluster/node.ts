/**
 * One real node: its anchor (mount namespace), containerd running real containers, the kubelet that
 * registers the node itself, and kube-proxy. Configuration only; every status, event and log line
 * comes from the programs. Teardown: kubelet first (no restarts), then every container process by
 * its cgroup, the shims by their containerd address, containerd, kube-proxy, the anchor; then the
 * node's cgroups.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle, LabNode, LabState } from '../types.js';
import { cmdlineOf, isRunning, spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';
import { CLUSTER_CIDR, CLUSTER_DOMAIN, DNS_SERVICE_IP } from '../plan.js';
import { anchorArgv, anchorKey, inNode } from './node-mounts.js';
import { programOf } from './components.js';
import { CriClient } from '../runtime/cri-client.js';
import { kubeletConfigYaml, kubeProxyConfigYaml, nodeContainerdToml } from './node-config.js';

export const key = {
  containerd: (n: string) => `containerd:${n}`,
  kubelet: (n: string) => `kubelet:${n}`,
  kubeProxy: (n: string) => `kube-proxy:${n}`,
};

export function nodePaths(state: LabState, node: LabNode) {
  return {
    socket: path.join(node.root, 'run/containerd/containerd.sock'),
    containerdConfig: path.join(node.root, 'etc/containerd/config.toml'),
    kubeletConfig: path.join(node.root, 'var/lib/kubelet/config.yaml'),
    kubeProxyConfig: path.join(node.root, 'var/lib/kube-proxy/config.yaml'),
    kubeconfig: path.join(state.dir, 'kubeconfigs', `node-${node.name}.conf`),
    kubeProxyKubeconfig: path.join(state.dir, 'kubeconfigs', 'kube-proxy.conf'),
    clientCA: path.join(state.dir, 'pki', 'ca.crt'),
    log: (c: string) => path.join(node.root, 'var/log', `${c}.log`),
  };
}

/** The node's cgroup parent for its pods; unique per lab node so kubelets never see each other's pods. */
export function cgroupRoot(state: LabState, node: LabNode): string {
  return `/${state.prefix}-${node.name}`;
}

function anchorPid(lab: LabHandle, node: LabNode): number {
  const pid = lab.state.pids[anchorKey(node.name)];
  if (!pid || !isRunning(pid, 'sleep')) throw new Error(`node ${node.name}: its anchor process is gone (lab state ${lab.state.dir})`);
  return pid;
}

/** Runs a program inside the node (mount + network namespace) and records its PID. */
export function spawnInNode(lab: LabHandle, node: LabNode, role: string, argv: string[], log: string, env?: Record<string, string>): number {
  const pid = spawnInNetns(undefined, inNode(anchorPid(lab, node), argv), { log, env });
  lab.state.pids[role] = pid;
  return pid;
}

export async function startAnchor(lab: LabHandle, node: LabNode): Promise<void> {
  fs.mkdirSync(path.join(node.root, 'etc'), { recursive: true });
  if (!fs.existsSync(path.join(node.root, 'etc/resolv.conf'))) throw new Error(`node ${node.name}: ${node.root}/etc/resolv.conf missing`);
  const log = path.join(node.root, 'var/log/anchor.log');
  const pid = spawnInNetns(undefined, anchorArgv(node), { log });
  lab.state.pids[anchorKey(node.name)] = pid;
  // Ready when the last bind mount is in place: the anchor has exec'd sleep (the shell's own command
  // line also contains the words, so compare the whole of it).
  await waitFor(`node ${node.name} mount namespace`, () => {
    if (!isRunning(pid)) throw new Error(`the anchor of ${node.name} exited: ${fs.readFileSync(log, 'utf8').trim().split('\n').pop()}`);
    return cmdlineOf(pid) === 'sleep infinity';
  }, 10_000, log);
}

export async function startContainerd(lab: LabHandle, node: LabNode, sandboxImage: string, env?: Record<string, string>): Promise<void> {
  const p = nodePaths(lab.state, node);
  fs.mkdirSync(path.dirname(p.containerdConfig), { recursive: true });
  fs.writeFileSync(p.containerdConfig, nodeContainerdToml(node, sandboxImage));
  const pid = spawnInNode(lab, node, key.containerd(node.name), ['containerd', '--config', '/etc/containerd/config.toml'], p.log('containerd'), env);
  const cri = new CriClient(p.socket);
  try {
    await waitFor(`containerd on ${node.name} (CRI on ${p.socket})`, async () => {
      if (!isRunning(pid)) throw new Error('containerd exited');
      return (await cri.version(1000)).runtime_name === 'containerd';
    }, 20_000, p.log('containerd'));
  } finally {
    cri.close();
  }
}

/**
 * The kubelet wants its --cgroup-root to exist in every v1 hierarchy. A new cpuset starts with no CPUs
 * or memory nodes, so it gets its parent's (a systemd host does the same for a slice).
 */
export function ensureCgroupRoot(state: LabState, node: LabNode): void {
  for (const h of fs.readdirSync('/sys/fs/cgroup')) {
    const base = path.join('/sys/fs/cgroup', h);
    if (h === 'unified' || !fs.existsSync(path.join(base, 'cgroup.procs'))) continue;
    const dir = path.join(base, cgroupRoot(state, node));
    fs.mkdirSync(dir, { recursive: true });
    if (h === 'cpuset') {
      for (const f of ['cpuset.cpus', 'cpuset.mems']) fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(base, f), 'utf8'));
    }
  }
}

export async function startKubelet(lab: LabHandle, node: LabNode): Promise<void> {
  const p = nodePaths(lab.state, node);
  ensureCgroupRoot(lab.state, node);
  fs.mkdirSync(path.dirname(p.kubeletConfig), { recursive: true });
  fs.mkdirSync(path.join(node.root, 'etc/kubernetes/manifests'), { recursive: true });
  fs.writeFileSync(
    p.kubeletConfig,
    kubeletConfigYaml({
      clientCA: p.clientCA,
      cgroupRoot: cgroupRoot(lab.state, node),
      runtimeEndpoint: 'unix:///run/containerd/containerd.sock',
      clusterDNS: lab.state.dnsServiceIP ?? DNS_SERVICE_IP,
      clusterDomain: CLUSTER_DOMAIN,
      resolvConf: '/etc/resolv.conf',
    }),
  );
  const argv = [
    programOf('kubernetes', 'kubelet'),
    `--config=${p.kubeletConfig}`,
    `--kubeconfig=${p.kubeconfig}`,
    `--hostname-override=${node.name}`,
    `--node-ip=${node.ip}`,
    '--v=2',
  ];
  spawnInNode(lab, node, key.kubelet(node.name), argv, p.log('kubelet'));
}

export async function startKubeProxy(lab: LabHandle, node: LabNode): Promise<void> {
  const p = nodePaths(lab.state, node);
  fs.mkdirSync(path.dirname(p.kubeProxyConfig), { recursive: true });
  fs.writeFileSync(p.kubeProxyConfig, kubeProxyConfigYaml({ kubeconfig: p.kubeProxyKubeconfig, clusterCIDR: lab.state.clusterCIDR ?? CLUSTER_CIDR, hostname: node.name }));
  spawnInNode(lab, node, key.kubeProxy(node.name), [programOf('kubernetes', 'kube-proxy'), `--config=${p.kubeProxyConfig}`, '--v=2'], p.log('kube-proxy'));
}

/** Every PID in the node's pod cgroups (the containers the node's kubelet made). */
export function podCgroupPids(state: LabState, node: LabNode): number[] {
  const base = path.join('/sys/fs/cgroup/pids', cgroupRoot(state, node));
  const pids = new Set<number>();
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    try {
      for (const l of fs.readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n')) if (l.trim()) pids.add(Number(l));
    } catch {
      // gone meanwhile
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(base);
  return [...pids];
}

/** Shims of this node's containerd: the processes living in the node's mount namespace besides the daemons. */
export function shimPids(state: LabState, node: LabNode): number[] {
  const anchor = state.pids[anchorKey(node.name)];
  if (!anchor) return [];
  let mnt: string;
  try {
    mnt = fs.readlinkSync(`/proc/${anchor}/ns/mnt`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readlinkSync(`/proc/${d}/ns/mnt`) !== mnt) continue;
      if (fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').startsWith('/usr/bin/containerd-shim')) out.push(Number(d));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** Removes the node's cgroups in every hierarchy, deepest first (they are empty once its processes are gone). */
export function removeCgroups(state: LabState, node: LabNode): string[] {
  const left: string[] = [];
  for (const h of fs.readdirSync('/sys/fs/cgroup')) {
    const base = path.join('/sys/fs/cgroup', h, cgroupRoot(state, node));
    if (!fs.existsSync(base)) continue;
    const dirs: string[] = [];
    const walk = (d: string) => {
      dirs.push(d);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
    };
    try {
      walk(base);
    } catch {
      continue;
    }
    for (const d of dirs.reverse()) {
      try {
        fs.rmdirSync(d);
      } catch {
        left.push(d);
      }
    }
  }
  return left;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function stopNode(lab: LabHandle, node: LabNode): Promise<string[]> {
  const s = lab.state;
  const notes: string[] = [];
  await stopProcess(s.pids[key.kubelet(node.name)], 'kubelet');
  await stopProcess(s.pids[key.kubeProxy(node.name)], 'kube-proxy');
  // Container processes: by the cgroups the node's kubelet created (nothing else lives there).
  for (let round = 0; round < 20; round++) {
    const pids = podCgroupPids(s, node);
    if (!pids.length) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // exited
      }
    }
    await sleep(100);
  }
  for (const pid of shimPids(s, node)) await stopProcess(pid, 'containerd-shim', 1000);
  await stopProcess(s.pids[key.containerd(node.name)], 'containerd');
  await stopProcess(s.pids[anchorKey(node.name)], 'sleep', 1000);
  for (let i = 0; i < 20; i++) {
    const left = removeCgroups(s, node);
    if (!left.length) break;
    if (i === 19) notes.push(`cgroups left on ${node.name}: ${left.join(', ')}`);
    await sleep(100);
  }
  for (const k of [key.kubelet, key.kubeProxy, key.containerd]) delete s.pids[k(node.name)];
  delete s.pids[anchorKey(node.name)];
  return notes;
}
