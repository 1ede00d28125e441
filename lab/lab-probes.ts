/**
 * Active checks inside the lab, from the pods' and nodes' own namespaces: pod↔pod across every node pair
 * (overlay), node↔node (underlay), a full-size don't-fragment ping (MTU), and the DNS chain from a pod
 * (Service IP, CoreDNS pod, upstream) and from each node's resolver. Results are ProbeEvidence.
 */
import { join } from 'node:path';
import type { BandwidthPairResult, DnsProbeResult, MeshNodeObservation, MeshPathResult, ProbeEvidence, RegistryProbeResult } from '../src/evidence/probes.js';
import { realApi } from './cluster/api-handle.js';
import { podNetnsPath } from './cluster/pod-netns.js';
import type { MeshTarget } from '../src/probes/mesh/types.js';
import { run } from './exec.js';
import { packageRoot } from './package-root.js';
import { EXTERNAL_ZONE, FLANNEL_MTU, randomHex } from './plan.js';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { nodePath } from './node-files.js';
import type { LabState } from './types.js';

async function ping(netns: string, ip: string, opts: { size?: number; df?: boolean } = {}): Promise<{ ok: boolean; ms: number; error?: string }> {
  const argv = ['ping', '-c', '1', '-W', '1', '-q'];
  if (opts.size) argv.push('-s', String(opts.size));
  if (opts.df) argv.push('-M', 'do');
  const t0 = Date.now();
  const r = await run(netns, [...argv, ip], { allowFail: true, timeoutMs: 4000 });
  return { ok: r.code === 0, ms: Date.now() - t0, ...(r.code === 0 ? {} : { error: (r.stderr.trim() || r.stdout.trim().split('\n').pop() || 'no reply').slice(0, 200) }) };
}

/** Node.js processes starting at once on a loaded 2-core machine take seconds each: few at a time. */
const DNS_QUERY_SLOTS = 6;
let dnsQueriesRunning = 0;
const dnsQueue: (() => void)[] = [];

/**
 * One DNS query from inside a namespace (the query itself times out after 1.5 s). A query process
 * that never got to answer (killed while starting) says nothing about DNS: it is tried once more,
 * and if it still cannot run, the lab run fails loudly instead of reporting a DNS outcome.
 */
async function dnsQuery(netns: string, server: string, ...names: string[]): Promise<{ outcome: DnsProbeResult['outcome']; ms: number; answers?: string[]; error?: string; steps?: DnsProbeResult['steps'] }> {
  if (dnsQueriesRunning >= DNS_QUERY_SLOTS) await new Promise<void>((r) => dnsQueue.push(r));
  dnsQueriesRunning++;
  try {
    const script = join(packageRoot(), 'lab', 'bin', 'dns-query.mjs');
    let last = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await run(netns, [process.execPath, script, server, '1500', ...names], { allowFail: true, timeoutMs: 2000 * names.length + 30_000 });
      try {
        return JSON.parse(r.stdout);
      } catch {
        last = (r.stderr || r.stdout).trim().slice(0, 200);
      }
    }
    throw new Error(`lab dns probe from ${netns} to ${server} could not run: ${last}`);
  } finally {
    dnsQueriesRunning--;
    dnsQueue.shift()?.();
  }
}

/** A real pod as the probes need it: where it runs, its IP, and its network namespace by path. */
export interface LivePod {
  namespace: string;
  name: string;
  node: string;
  ip: string;
  netns: string;
}

/** Running pods matching a label, with their sandbox's network namespace. */
export function livePods(state: LabState, selector: (labels: Record<string, string>) => boolean): LivePod[] {
  const out: LivePod[] = [];
  for (const p of realApi(state).list('Pod')) {
    if (!selector(p.metadata?.labels ?? {}) || p.status?.phase !== 'Running' || !p.status?.podIP) continue;
    const node = state.nodes.find((n) => n.name === p.spec?.nodeName);
    const netns = node && podNetnsPath(state, node, p.metadata.uid);
    if (node && netns) out.push({ namespace: p.metadata.namespace, name: p.metadata.name, node: node.name, ip: p.status.podIP, netns });
  }
  return out;
}

/** Mesh targets from the API: a node's flannel.1 address is its podCIDR's network address (flannel's vxlan). */
function meshTargets(state: LabState, apps: LivePod[]): MeshTarget[] {
  const nodes = new Map(realApi(state).list('Node').map((n) => [n.metadata.name as string, n]));
  return state.nodes.map((n) => {
    const obj = nodes.get(n.name);
    const cidr: string | undefined = obj?.spec?.podCIDR;
    const leased = Boolean(cidr && obj?.metadata?.annotations?.['flannel.alpha.coreos.com/backend-data']);
    const t: MeshTarget = { name: n.name, netns: n.netns, underlayIp: n.ip };
    if (leased) Object.assign(t, { flannelIp: cidr!.split('/')[0], flannelMtu: FLANNEL_MTU });
    const pod = apps.find((p) => p.node === n.name);
    if (leased && pod) t.pod = { ip: pod.ip, netns: pod.netns, mtu: FLANNEL_MTU, name: `${pod.namespace}/${pod.name}` };
    return t;
  });
}

/** The lab's nodes with one running app pod each, as `probe mesh|bandwidth --lab` measure them. */
export function labMeshTargets(state: LabState): MeshTarget[] {
  return meshTargets(state, livePods(state, (l) => l.app === 'lab-app'));
}

/**
 * What the judge caps each run at: the lab's links are veths, as fast as the CPUs encapsulate, and on a
 * busy 2-core machine the overlay then runs out of CPU (node.cpu-bound, truly) on a healthy lab. Capped
 * below that, both runs of a healthy pair carry the cap and only loss (TCP resending) stands out.
 */
export const LAB_BANDWIDTH_BITRATE = 500e6;

/**
 * `probe bandwidth --lab --bitrate 500M` as the judge runs it for a fault `diagnose --lab` cannot see
 * without it: the ring of node pairs, each measured node → node and pod → pod (for mergeBandwidth).
 */
export async function labBandwidth(state: LabState, seconds = 3, bitrate = LAB_BANDWIDTH_BITRATE): Promise<BandwidthPairResult[]> {
  const [{ probeBandwidth }, { withMeasuredMtus }] = await Promise.all([import('../src/probes/bandwidth/probe-bandwidth.js'), import('../src/probes/mesh/link-mtu.js')]);
  return (await probeBandwidth(await withMeasuredMtus(labMeshTargets(state)), { seconds, mode: 'ring', bitrate })).results;
}

async function meshProbe(state: LabState, apps: LivePod[]): Promise<{ results: MeshPathResult[]; nodes: MeshNodeObservation[] } | undefined> {
  try {
    const { probeMesh } = await import('../src/probes/mesh/probe-mesh.js');
    const { withMeasuredMtus } = await import('../src/probes/mesh/link-mtu.js');
    const { results, nodes } = await probeMesh(await withMeasuredMtus(meshTargets(state, apps)));
    return { results, nodes };
  } catch {
    return undefined;
  }
}

/** A pod resolver's walk for a name with fewer than ndots dots: each search domain first, then the name. */
async function searchWalk(netns: string, server: string, name: string, search: string[]): Promise<Pick<DnsProbeResult, 'outcome' | 'ms' | 'answers' | 'steps'>> {
  const names = name.split('.').length - 1 >= 5 ? [name] : [...search.map((d) => `${name}.${d}`), name];
  const r = await dnsQuery(netns, server, ...names);
  return { outcome: r.outcome, ms: r.ms, ...(r.answers ? { answers: r.answers } : {}), steps: r.steps ?? [{ name, outcome: r.outcome, ms: r.ms }] };
}

const PULL_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'RegistryUnavailable']);

/**
 * Registry probes for the images pods are failing to pull, from the pod's node: the probe CLI runs
 * inside the node's namespace with the node's tree as --host-root (its resolv.conf, certs.d) and the
 * pod's pull secret, as the runtime would pull. The secret file is private to root and removed at once.
 */
async function registryProbes(state: LabState): Promise<RegistryProbeResult[] | undefined> {
  const api = realApi(state);
  const jobs = new Map<string, { node: string; images: Set<string>; secret?: Record<string, any> }>();
  for (const pod of api.list('Pod')) {
    const node = state.nodes.find((n) => n.name === pod.spec?.nodeName);
    if (!node) continue;
    for (const c of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
      if (!PULL_WAITING.has(c.state?.waiting?.reason)) continue;
      const image = (pod.spec.containers ?? []).concat(pod.spec.initContainers ?? []).find((x: any) => x.name === c.name)?.image ?? c.image;
      const secretName = pod.spec.imagePullSecrets?.[0]?.name as string | undefined;
      const key = `${node.name}/${pod.metadata.namespace}/${secretName ?? ''}`;
      const job = jobs.get(key) ?? { node: node.name, images: new Set<string>(), secret: secretName ? api.get('Secret', pod.metadata.namespace, secretName) : undefined };
      job.images.add(image);
      jobs.set(key, job);
    }
  }
  const root = packageRoot();
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const results: RegistryProbeResult[] = [];
  await Promise.all(
    [...jobs.values()].map(async (job) => {
      const node = state.nodes.find((n) => n.name === job.node)!;
      const argv = [process.execPath, '--import', `file://${tsx}`, join(root, 'src', 'cli', 'entry.ts'), 'probe', 'registry', ...job.images, '--host-root', node.root, '--node', node.name, '--arch', node.arch, '--timeout', '5s', '-o', 'json'];
      let secretFile: string | undefined;
      if (job.secret) {
        secretFile = join(state.dir, `.probe-secret-${randomHex(6)}.json`);
        await writeFile(secretFile, JSON.stringify(job.secret), { mode: 0o600 });
        argv.push('--pull-secret', secretFile);
      }
      try {
        const r = await run(node.netns, argv, { allowFail: true, timeoutMs: 60_000 });
        const out = JSON.parse(r.stdout) as { registry?: RegistryProbeResult[] };
        results.push(...(out.registry ?? []));
      } catch {
        // a probe that cannot run leaves its images unprobed
      } finally {
        if (secretFile) await rm(secretFile, { force: true });
      }
    }),
  );
  return results;
}

export async function probeLab(state: LabState): Promise<ProbeEvidence> {
  const apps = livePods(state, (l) => l.app === 'lab-app');
  const dnsPods = livePods(state, (l) => l['k8s-app'] === 'kube-dns');
  const shared = meshProbe(state, apps);
  const registry = registryProbes(state).catch(() => undefined);
  const dns: DnsProbeResult[] = [];
  const jobs: Promise<void>[] = [];
  const clusterName = 'kubernetes.default.svc.cluster.local';
  const externalName = `www.${EXTERNAL_ZONE}`;
  for (const n of state.nodes) {
    const p = apps.find((x) => x.node === n.name);
    if (p) {
      const from = { kind: 'pod' as const, node: n.name, pod: `${p.namespace}/${p.name}` };
      for (const [name, kind] of [[clusterName, 'cluster'], [externalName, 'external']] as const) {
        jobs.push(dnsQuery(p.netns, state.dnsServiceIP, name).then((r) => void dns.push({ from, target: { kind: 'service', server: state.dnsServiceIP }, name, nameKind: kind, ...r })));
        for (const d of dnsPods) jobs.push(dnsQuery(p.netns, d.ip, name).then((r) => void dns.push({ from, target: { kind: 'coredns-pod', server: d.ip }, name, nameKind: kind, ...r })));
      }
      // a name no cache holds: only CoreDNS's upstream can answer it (NXDOMAIN when it is up)
      const fresh = `fd-${Math.floor(Math.random() * 1e9)}.${externalName}`;
      for (const [kind, server] of [['service', state.dnsServiceIP] as const, ...dnsPods.map((d) => ['coredns-pod', d.ip] as const)]) {
        jobs.push(dnsQuery(p.netns, server, fresh).then((r) => void dns.push({ from, target: { kind, server }, name: fresh, nameKind: 'external', purpose: 'forward-check', ...r })));
      }
      // the pod's own resolv.conf, as the kubelet wrote it (read through its sandbox process)
      const podResolv = await readFile(p.netns.replace(/ns\/net$/, 'root/etc/resolv.conf'), 'utf8').catch(() => '');
      const search = (podResolv.split('\n').find((l) => l.startsWith('search ')) ?? '').split(/\s+/).slice(1);
      jobs.push(searchWalk(p.netns, state.dnsServiceIP, externalName, search).then((r) => void dns.push({ from, target: { kind: 'service', server: state.dnsServiceIP }, name: externalName, nameKind: 'external', purpose: 'search-expansion', ...r })));
    }
    const resolv = await readFile(nodePath(n, 'etc/resolv.conf'), 'utf8').catch(() => '');
    const servers = resolv.split('\n').filter((l) => /^nameserver\s/.test(l)).map((l) => l.split(/\s+/)[1]).slice(0, 3);
    // glibc (and Go's resolver) ask 127.0.0.1 when resolv.conf names no server
    for (const server of servers.length ? servers : ['127.0.0.1']) {
      jobs.push(dnsQuery(n.netns, server, externalName).then((r) => void dns.push({ from: { kind: 'node', node: n.name }, target: { kind: 'node-resolver', server }, name: externalName, nameKind: 'external', ...r })));
    }
  }
  // CoreDNS's upstream, asked from a CoreDNS pod itself (its path: pod → node → masquerade → upstream)
  const d0 = dnsPods[0];
  if (d0 && state.upstreamDns) {
    jobs.push(dnsQuery(d0.netns, state.upstreamDns.ip, externalName).then((r) => void dns.push({ from: { kind: 'pod', node: d0.node, pod: `${d0.namespace}/${d0.name}` }, target: { kind: 'upstream', server: state.upstreamDns!.ip }, name: externalName, nameKind: 'external', ...r })));
  }
  await Promise.all(jobs);
  const reg = await registry;
  const mesh = await shared;
  return { registry: reg ?? [], dns, mesh: mesh?.results ?? [], ...(mesh?.nodes.length ? { meshNodes: mesh.nodes } : {}), ran: [...(mesh ? ['mesh'] : []), 'dns', ...(reg ? ['registry'] : [])] };
}
