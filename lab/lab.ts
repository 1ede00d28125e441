/**
 * `lab up` and `lab down`: build a real flannel-style cluster in network namespaces, and remove every
 * namespace, process, file and rule it made (also after a failed up, which rolls itself back).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appPod, baseObjects, corednsObjects, eventObj, flannelObjects, nodeObj } from './api-objects.js';
import { ApiStore } from './api-store.js';
import { startApiServer, stopApiServer } from './api-server.js';
import { installKubeProxyRules, startClusterDns, startUpstreamDns, writeExternalHosts } from './dns.js';
import { run } from './exec.js';
import { apiObjectsFile, handleFor, type OpenLab } from './handle.js';
import { attachToUnderlay, addNetns, createNodeNetns, createUnderlay, createVxlan, flannelIptables, iptablesRestore, programPeers } from './network.js';
import { nodeResolvConf, writeNodeFiles } from './node-files.js';
import {
  CLUSTER_CIDR, DNS_SERVICE_IP, EXTERNAL_ZONE, SERVICE_CIDR, UNDERLAY_CIDR, UNDERLAY_GW, UPSTREAM_DNS_IP,
  labDir, nodeIp, nodeName, podCidrOf, randomHex, validateLabName, vtepMac,
} from './plan.js';
import { createSandbox, writeNetnsResolvConf } from './pods.js';
import { stopPid } from './processes.js';
import { loadState, saveState } from './state.js';
import type { LabNode, LabPod, LabState } from './types.js';

export interface UpOptions {
  name?: string;
  nodes?: number;
  podsPerNode?: number;
  /** skip the API server process (unit tests of the network part only) */
  noApi?: boolean;
  /** start the images side (registries, containerd per node); default true */
  images?: boolean;
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

function planPods(state: LabState, podsPerNode: number): void {
  const first = state.nodes[0];
  state.pods.push({
    namespace: 'kube-system',
    name: 'coredns-76f75df574-' + randomHex(3).slice(0, 5),
    node: first.name,
    netns: `${state.prefix}-${first.name}-dns`,
    containerId: randomHex(32),
    image: 'registry.k8s.io/coredns/coredns:v1.11.1',
    role: 'coredns',
  });
  for (const n of state.nodes) {
    for (let i = 1; i <= podsPerNode; i++) {
      state.pods.push({
        namespace: 'default',
        name: `app-${n.name}-${i}`,
        node: n.name,
        netns: `${state.prefix}-${n.name}-p${i}`,
        containerId: randomHex(32),
        image: 'registry.k8s.io/pause:3.8',
        role: 'app',
      });
    }
  }
}

/** Builds the lab; on any failure removes what it made and rethrows. */
export async function labUp(opts: UpOptions = {}): Promise<OpenLab> {
  const why = labPrerequisite();
  if (why) throw new Error(why);
  const name = opts.name ?? DEFAULT_LAB;
  const bad = validateLabName(name);
  if (bad) throw new Error(bad);
  const nodes = opts.nodes ?? 3;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 40) throw new Error(`--nodes must be 1..40 (got ${opts.nodes})`);
  const podsPerNode = opts.podsPerNode ?? 2;
  if (!Number.isInteger(podsPerNode) || podsPerNode < 0 || podsPerNode > 50) throw new Error(`--pods-per-node must be 0..50 (got ${opts.podsPerNode})`);
  if (await loadState(name)) throw new Error(`lab "${name}" is already up (${labDir(name)}); run \`flannel-doctor lab down --name ${name}\` first`);
  const leftovers = await netnsWithPrefix(name);
  if (leftovers.length) throw new Error(`network namespaces of lab "${name}" are left over (${leftovers.join(', ')}); run \`flannel-doctor lab down --name ${name}\``);

  const t0 = Date.now();
  const state = planState(name, nodes);
  planPods(state, podsPerNode);
  await rm(state.dir, { recursive: true, force: true });
  await mkdir(state.dir, { recursive: true });
  await saveState(state);
  const store = new ApiStore(apiObjectsFile(state));
  const lab = await handleFor(state, store);
  const phases: Record<string, number> = {};
  const timed = async (what: string, f: () => Promise<void>) => {
    const t = Date.now();
    await f();
    phases[what] = Date.now() - t;
  };
  try {
    await timed('network', () => buildNetwork(state));
    // Independent once the wires and the upstream DNS exist: pods + cluster DNS, the images side, the API process.
    // allSettled, not all: a teardown must not start while another branch is still creating things.
    const settled = await Promise.allSettled([
      timed('pods+dns', () => buildPodsAndDns(state)),
      opts.images === false
        ? undefined
        : timed('images', async () => {
            const { startImagesSide, startNodeRuntime } = await import('./registry/images-side.js');
            state.registries = await startImagesSide(lab);
            await Promise.all(state.nodes.map((n) => startNodeRuntime(lab, n)));
          }),
      opts.noApi ? undefined : timed('api', () => startApiServer(state)),
    ]);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    fillApi(state, store);
    await lab.save();
  } catch (e) {
    await saveState(state).catch(() => undefined);
    await labDown(name).catch(() => undefined);
    throw e;
  }
  state.upMs = Date.now() - t0;
  state.upPhases = phases;
  await saveState(state);
  return lab;
}

async function buildNetwork(state: LabState): Promise<void> {
  await createUnderlay(state);
  await saveState(state);
  const up = state.upstreamDns!;
  await addNetns(state, up.netns);
  await attachToUnderlay(state, up.netns, 'ext', up.ip);
  await Promise.all(state.nodes.map((n) => createNodeNetns(state, n)));
  await saveState(state);
  await Promise.all(
    state.nodes.map(async (n) => {
      await writeNodeFiles(state, n);
      await writeNetnsResolvConf(state, n.netns, nodeResolvConf());
      await createVxlan(n);
      await programPeers(n, state.nodes);
      await iptablesRestore(n.netns, flannelIptables(state.clusterCIDR, n.podCIDR));
    }),
  );
  await writeExternalHosts(state);
  await startUpstreamDns(state);
  await saveState(state);
}

async function buildPodsAndDns(state: LabState): Promise<void> {
  // Pods per node in sequence (host-local IPAM takes a lock per node anyway), nodes in parallel.
  await Promise.all(
    state.nodes.map(async (n) => {
      for (const p of state.pods.filter((x) => x.node === n.name)) {
        const r = await createSandbox(state, n, p);
        if (!r.ok) throw new Error(`pod ${p.namespace}/${p.name} on ${n.name}: ${r.error}`);
      }
    }),
  );
  await saveState(state);
  await startClusterDns(state);
  const dnsIp = state.pods.find((p) => p.role === 'coredns')!.ip!;
  await Promise.all(state.nodes.map((n) => installKubeProxyRules(state, n, dnsIp)));
  await saveState(state);
}

function fillApi(state: LabState, store: ApiStore): void {
  for (const o of baseObjects(state)) store.put(o);
  for (const n of state.nodes) store.put(nodeObj(n));
  for (const o of flannelObjects(state)) store.put(o);
  const dns = state.pods.find((p) => p.role === 'coredns');
  if (dns) for (const o of corednsObjects(state, dns, state.nodes.find((n) => n.name === dns.node)!)) store.put(o);
  for (const p of state.pods.filter((x) => x.role === 'app')) {
    const node = state.nodes.find((n) => n.name === p.node)!;
    const obj = appPod(state, p, node);
    store.put(obj);
    const stored = store.get('Pod', p.namespace, p.name)!;
    store.put(eventObj(stored, 'Normal', 'Scheduled', `Successfully assigned ${p.namespace}/${p.name} to ${node.name}`, { component: 'default-scheduler' }));
    store.put(eventObj(stored, 'Normal', 'Pulled', `Container image "${p.image}" already present on machine`, { host: node.name, fieldPath: 'spec.containers{app}' }));
    store.put(eventObj(stored, 'Normal', 'Created', 'Created container app', { host: node.name, fieldPath: 'spec.containers{app}' }));
    store.put(eventObj(stored, 'Normal', 'Started', 'Started container app', { host: node.name, fieldPath: 'spec.containers{app}' }));
  }
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
  if (state && Object.keys(state.pids).some((k) => /^(registry|containerd|front):/.test(k))) {
    try {
      const { stopImagesSide } = await import('./registry/images-side.js');
      await stopImagesSide(await handleFor(state));
    } catch (e) {
      removed.push(`images side: ${(e as Error).message}`);
    }
  }
  if (state) {
    // What each recorded PID must still be running (a recycled PID is left alone); images-side roles
    // are "containerd:n1", "registry:reg-tls", "front:<id>" and still run a program of that name.
    const expect: Record<string, string> = { api: 'api-process', coredns: 'dnsmasq', upstreamDns: 'dnsmasq', 'fault-stub-resolver': 'dnsmasq' };
    for (const [role, pid] of Object.entries(state.pids)) {
      if (role === 'api') await stopApiServer(state);
      else await stopPid(pid, expect[role] ?? role.split(':')[0]);
      removed.push(`process ${role} (${pid})`);
    }
  }
  if (!state) {
    // No readable state (crash while writing it): the processes still left their pid files in the lab dir.
    for (const [file, expect] of [['api.json', 'api-process'], ['dns/coredns.pid', 'dnsmasq'], ['dns/upstream.pid', 'dnsmasq'], ['dns/stub.pid', 'dnsmasq']] as const) {
      const pid = await readPid(join(labDir(name), file));
      if (pid) {
        await stopPid(pid, expect);
        removed.push(`process ${file} (${pid})`);
      }
    }
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
