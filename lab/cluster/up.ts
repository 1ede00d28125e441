/**
 * `lab up` / `lab down` for the real cluster: wires (underlay, node namespaces), the outside world's
 * DNS, the control plane, the system registry with the images the lab builds, the registries of the
 * image faults, then per node containerd + kubelet + kube-proxy, then flannel and CoreDNS from their
 * manifests. A failed `up` tears down everything it made. Teardown stops recorded PIDs only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle, LabNode, LabState } from '../types.js';
import { addNetns, attachToUnderlay, createNodeNetns, createUnderlay } from '../network.js';
import { startUpstreamDns, writeExternalHosts } from '../dns.js';
import { nodeResolvConf } from '../node-files.js';
import { writeHostsToml } from '../runtime/containerd.js';
import { saveState } from '../state.js';
import { assertBuilt, components } from './components.js';
import { startControlPlane, stopControlPlane, kubectl } from './control-plane.js';
import { buildSystemImages, startSystemRegistry, stopSystemRegistry, SYSTEM_REGISTRY_HOST, type SystemImages } from './images.js';
import { kubeconfigFor } from './pki.js';
import { ensureMountPoints, removeMountPoints } from './node-mounts.js';
import { startAnchor, startContainerd, startKubelet, startKubeProxy, stopNode } from './node.js';
import { applyCoreDns, applyFlannel, waitRollout } from './addons.js';
import { hostsToml } from '../runtime/containerd-config.js';

/** Debian's CNI plugins a node gets at install time (the flannel plugin comes from its DaemonSet). */
const DEBIAN_CNI_DIR = '/usr/lib/cni';
const NODE_PLUGINS = ['bridge', 'host-local', 'loopback', 'portmap'];

export interface ClusterUpOptions {
  /** progress lines (one per phase) */
  progress?: (line: string) => void;
  /** skip the registries of the image faults */
  images?: boolean;
  /** app pods per node (pause image, bound to the node) */
  podsPerNode?: number;
  /** tests only: fail right after this phase, to prove a failed `up` leaves nothing behind */
  failAfter?: string;
}

/** Plain pods bound to each node: what the mesh probe pings, and what a user's workload looks like. */
export function appPodsManifest(state: LabState, image: string, perNode: number): string {
  const items: object[] = [];
  for (const n of state.nodes) {
    for (let i = 1; i <= perNode; i++) {
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `app-${n.name}-${i}`, namespace: 'default', labels: { app: 'lab-app', 'flannel-doctor/lab': state.prefix } },
        spec: { nodeName: n.name, containers: [{ name: 'app', image }], terminationGracePeriodSeconds: 0 },
      });
    }
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

async function prepareNodeTree(state: LabState, node: LabNode, systemRegistry: string): Promise<void> {
  const f = (p: string) => path.join(node.root, p);
  for (const d of ['etc/cni/net.d', 'opt/cni/bin', 'run/flannel', 'var/lib/cni', 'var/lib/kubelet', 'var/log/pods', 'var/log/containers', 'etc/kubernetes/manifests', 'run/containerd', 'run/netns']) {
    fs.mkdirSync(f(d), { recursive: true });
  }
  for (const p of NODE_PLUGINS) fs.copyFileSync(path.join(DEBIAN_CNI_DIR, p), f(`opt/cni/bin/${p}`));
  for (const p of NODE_PLUGINS) fs.chmodSync(f(`opt/cni/bin/${p}`), 0o755);
  fs.writeFileSync(f('etc/resolv.conf'), nodeResolvConf());
  fs.writeFileSync(f('etc/hostname'), node.name + '\n');
  writeRegistryHosts(state, node, systemRegistry);
}

/** containerd's hosts.toml for the system registry (plain HTTP on the underlay). */
function writeRegistryHosts(state: LabState, node: LabNode, systemRegistry: string): void {
  const dir = path.join(node.root, 'etc/containerd/certs.d', systemRegistry);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hosts.toml'), hostsToml({ host: systemRegistry, scheme: 'http' }));
}

export async function clusterUp(lab: LabHandle, opts: ClusterUpOptions = {}): Promise<void> {
  assertBuilt();
  const say = opts.progress ?? (() => undefined);
  const state = lab.state;
  const phase = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const r = await f();
    (state.upPhases ??= {})[what] = Date.now() - t;
    say(`${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (opts.failAfter === what) throw new Error(`failAfter ${what}: failure injected by the caller`);
    return r;
  };
  state.components = Object.fromEntries(components().map((c) => [c.name, c.version]));
  state.standIns = [
    'flannel CNI plugin: built from containernetworking/plugins v0.9.1 (plugins/meta/flannel, its last release there); its current home github.com/flannel-io/cni-plugin is refused by the Go module proxy here (403 "This module version is not available")',
    'a lossy or slow link (faults node.packet-loss, node.underlay-latency): iptables on the underlay switch (a statistic-match drop; an NFQUEUE rule with --queue-bypass and a Python nfnetlink_queue delayer, lab/faults/_nfq-delay.py) instead of tc netem, which this kernel lacks (`tc qdisc add dev eth0 root netem delay 40ms` → "Error: Specified qdisc kind is unknown.", no modules to load)',
  ];

  await phase('network', async () => {
    await createUnderlay(state);
    await saveState(state);
    const up = state.upstreamDns!;
    await addNetns(state, up.netns);
    await attachToUnderlay(state, up.netns, 'ext', up.ip);
    await Promise.all(state.nodes.map((n) => createNodeNetns(state, n)));
    await writeExternalHosts(state);
    await startUpstreamDns(state);
    ensureMountPoints(state);
    await saveState(state);
  });

  let images: SystemImages | undefined;
  let inClusterServer = '';
  const settled = await Promise.allSettled([
    phase('control plane', async () => {
      inClusterServer = (await startControlPlane(lab)).inClusterServer;
    }),
    phase('system images', async () => {
      await startSystemRegistry(lab);
      images = await buildSystemImages(lab);
    }),
    opts.images === false
      ? Promise.resolve()
      : phase('registries', async () => {
          const { startImagesSide } = await import('../registry/images-side.js');
          state.registries = await startImagesSide(lab);
        }),
  ]);
  await saveState(state);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const sys = images!;
  state.systemImages = { pause: sys.pause, flannel: sys.flannel, flannelCni: sys['flannel-cni-plugin'], coredns: sys.coredns };
  await kubeconfigFor(state.dir, 'kube-proxy', inClusterServer);

  await phase('nodes', async () => {
    await Promise.all(
      state.nodes.map(async (n) => {
        await prepareNodeTree(state, n, SYSTEM_REGISTRY_HOST);
        await kubeconfigFor(state.dir, `node-${n.name}`, inClusterServer);
        if (state.registries.length) writeLabRegistryHosts(lab, n);
        await startAnchor(lab, n);
        await startContainerd(lab, n, sys.pause);
        await startKubelet(lab, n);
        await startKubeProxy(lab, n);
      }),
    );
    await saveState(state);
    // the kubelets register their nodes themselves
    const want = state.nodes.map((n) => n.name);
    const end = Date.now() + 90_000;
    for (;;) {
      const have = new Set(lab.api.list('Node').map((n) => n.metadata.name));
      if (want.every((n) => have.has(n))) break;
      if (Date.now() > end) throw new Error(`nodes not registered after 90 s: ${want.filter((n) => !have.has(n)).join(', ')} (see <node>/var/log/kubelet.log under ${state.dir}/nodes)`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  });

  await phase('flannel', async () => {
    await applyFlannel(lab, SYSTEM_REGISTRY_HOST);
    await waitRollout(lab, 'daemonset', 'kube-flannel', 'kube-flannel-ds', 180);
    await kubectl(lab, ['wait', '--for=condition=Ready', 'node', '--all', '--timeout=120s']);
    recordNodeFacts(lab);
  });
  await phase('coredns', async () => {
    await applyCoreDns(lab, sys.coredns);
    await waitRollout(lab, 'deployment', 'kube-system', 'coredns', 180);
  });
  const perNode = opts.podsPerNode ?? 1;
  if (perNode > 0) {
    await phase('app pods', async () => {
      await kubectl(lab, ['apply', '-f', '-'], { input: appPodsManifest(state, sys.pause, perNode) });
      await kubectl(lab, ['wait', '--for=condition=Ready', 'pod', '-l', 'app=lab-app', '--timeout=120s']);
    });
  }
  await saveState(state);
}

/** The image-fault registries: the healthy hosts.toml of each (TLS ones trust the lab CA). */
function writeLabRegistryHosts(lab: LabHandle, node: LabNode): void {
  for (const reg of lab.state.registries) writeHostsToml(lab, node, reg);
}

/**
 * What the cluster decided for each node, kept in the state for the faults: the podCIDR the
 * controller-manager allocated and the VTEP MAC flanneld published (not the plan's guesses).
 */
export function recordNodeFacts(lab: LabHandle): void {
  for (const obj of lab.api.list('Node')) {
    const n = lab.state.nodes.find((x) => x.name === obj.metadata?.name);
    if (!n) continue;
    if (obj.spec?.podCIDR) n.podCIDR = obj.spec.podCIDR;
    try {
      const mac = JSON.parse(obj.metadata?.annotations?.['flannel.alpha.coreos.com/backend-data'] ?? '{}').VtepMAC;
      if (mac) n.vtepMac = mac;
    } catch {
      // no lease yet
    }
  }
}

/** Stops every node, the control plane, the registries; returns notes on anything left. */
export async function clusterDown(lab: LabHandle): Promise<string[]> {
  const notes: string[] = [];
  const attempt = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      notes.push(`${what}: ${(e as Error).message}`);
    }
  };
  for (const n of lab.state.nodes) await attempt(`node ${n.name}`, async () => notes.push(...(await stopNode(lab, n))));
  await attempt('control plane', () => stopControlPlane(lab));
  await attempt('system registry', () => stopSystemRegistry(lab));
  if (Object.keys(lab.state.pids).some((k) => /^(registry|front):/.test(k))) {
    await attempt('registries', async () => {
      const { stopImagesSide } = await import('../registry/images-side.js');
      await stopImagesSide(lab);
    });
  }
  notes.push(...removeMountPoints(lab.state).map((d) => `removed mount point ${d}`));
  return notes;
}
