/**
 * Raw Kubernetes objects (the JSON the API returns) → the compact projections of ../cluster.ts.
 * Pure functions; each throws BadObject for an element that cannot be used (the caller records it).
 */
import type {
  Condition,
  ConfigMapInfo,
  ContainerSpecInfo,
  ContainerStatusInfo,
  EndpointsInfo,
  EventInfo,
  NodeInfo,
  NodeSelectorTerm,
  PodInfo,
  ServiceAccountInfo,
  ServiceInfo,
  WorkloadInfo,
  WorkloadKind,
} from '../../../evidence/cluster.js';
import { BadObject, annotations, arr, bool, clip, compact, meta, num, obj, str, strList, strMap, type Raw } from './raw.js';

/** Longest kept message (event, container status); the cause sits in the first few hundred bytes. */
export const MAX_MESSAGE = 4096;
/** Longest kept config-map value (a Corefile or net-conf.json is a few KB). */
export const MAX_CONFIG_VALUE = 64 * 1024;

function conditions(v: unknown): Condition[] {
  const out: Condition[] = [];
  for (const c of arr(v)) {
    const o = obj(c);
    const type = str(o?.type);
    if (!o || !type) continue;
    out.push(compact({ type, status: str(o.status) ?? 'Unknown', reason: str(o.reason), message: clip(str(o.message), MAX_MESSAGE), lastHeartbeatTime: str(o.lastHeartbeatTime) }));
  }
  return out;
}

export function nodeInfo(o: Raw): NodeInfo {
  const m = meta(o);
  const spec = obj(o.spec) ?? {};
  const status = obj(o.status) ?? {};
  const ni = obj(status.nodeInfo) ?? {};
  const podCIDR = str(spec.podCIDR);
  const podCIDRs = strList(spec.podCIDRs);
  return compact({
    name: m.name,
    labels: m.labels,
    annotations: annotations(o),
    podCIDR,
    podCIDRs: podCIDRs.length ? podCIDRs : podCIDR ? [podCIDR] : [],
    addresses: arr(status.addresses).flatMap((a) => {
      const x = obj(a);
      const type = str(x?.type);
      const address = str(x?.address);
      return type && address ? [{ type, address }] : [];
    }),
    conditions: conditions(status.conditions),
    containerRuntimeVersion: str(ni.containerRuntimeVersion),
    kubeletVersion: str(ni.kubeletVersion),
    architecture: str(ni.architecture),
    operatingSystem: str(ni.operatingSystem),
    kernelVersion: str(ni.kernelVersion),
    osImage: str(ni.osImage),
    unschedulable: bool(spec.unschedulable),
    taints: arr(spec.taints).flatMap((t) => {
      const x = obj(t);
      const key = str(x?.key);
      const effect = str(x?.effect);
      return x && key && effect ? [compact({ key, value: str(x.value), effect })] : [];
    }),
  });
}

function resources(v: unknown): ContainerSpecInfo['resources'] {
  const r = obj(v);
  if (!r) return undefined;
  const requests = obj(r.requests) ? strMap(r.requests) : undefined;
  const limits = obj(r.limits) ? strMap(r.limits) : undefined;
  if (!requests && !limits) return undefined;
  return compact({ requests, limits });
}

function containerSpecs(v: unknown, init: boolean): ContainerSpecInfo[] {
  const out: ContainerSpecInfo[] = [];
  for (const c of arr(v)) {
    const o = obj(c);
    const name = str(o?.name);
    if (!o || !name) continue;
    out.push(
      compact({
        name,
        image: str(o.image) ?? '',
        imagePullPolicy: str(o.imagePullPolicy),
        init,
        resources: resources(o.resources),
        args: Array.isArray(o.args) ? strList(o.args) : undefined,
        command: Array.isArray(o.command) ? strList(o.command) : undefined,
      }),
    );
  }
  return out;
}

function containerStatuses(v: unknown, init: boolean): ContainerStatusInfo[] {
  const out: ContainerStatusInfo[] = [];
  for (const c of arr(v)) {
    const o = obj(c);
    const name = str(o?.name);
    if (!o || !name) continue;
    const state = obj(o.state) ?? {};
    const last = obj(obj(o.lastState)?.terminated);
    const waiting = obj(state.waiting);
    const running = obj(state.running);
    const terminated = obj(state.terminated);
    const cur = waiting ?? terminated;
    out.push(
      compact({
        name,
        init,
        image: str(o.image) ?? '',
        imageID: str(o.imageID) || undefined,
        ready: bool(o.ready) ?? false,
        restartCount: num(o.restartCount) ?? 0,
        state: waiting ? 'waiting' : running ? 'running' : terminated ? 'terminated' : 'unknown',
        reason: str(cur?.reason),
        message: clip(str(cur?.message), MAX_MESSAGE),
        exitCode: num(terminated?.exitCode),
        lastTerminationReason: str(last?.reason),
        lastTerminationMessage: clip(str(last?.message), MAX_MESSAGE),
        lastExitCode: num(last?.exitCode),
      } satisfies ContainerStatusInfo),
    );
  }
  return out;
}

function secretRefs(v: unknown): string[] {
  const out: string[] = [];
  for (const r of arr(v)) {
    const name = str(obj(r)?.name);
    if (name) out.push(name);
  }
  return out;
}

export function podInfo(o: Raw): PodInfo {
  const m = meta(o);
  if (!m.namespace) throw new BadObject('metadata.namespace is missing');
  const spec = obj(o.spec) ?? {};
  const status = obj(o.status) ?? {};
  const owner = obj(m.ownerReferences.find((r) => bool(obj(r)?.controller)) ?? m.ownerReferences[0]);
  return compact({
    namespace: m.namespace,
    name: m.name,
    uid: m.uid,
    labels: m.labels,
    ownerKind: str(owner?.kind),
    ownerName: str(owner?.name),
    nodeName: str(spec.nodeName),
    serviceAccountName: str(spec.serviceAccountName) ?? str(spec.serviceAccount),
    imagePullSecrets: secretRefs(spec.imagePullSecrets),
    hostNetwork: bool(spec.hostNetwork) ?? false,
    dnsPolicy: str(spec.dnsPolicy),
    phase: str(status.phase),
    podIP: str(status.podIP),
    hostIP: str(status.hostIP),
    conditions: conditions(status.conditions),
    containers: [...containerSpecs(spec.initContainers, true), ...containerSpecs(spec.containers, false)],
    statuses: [...containerStatuses(status.initContainerStatuses, true), ...containerStatuses(status.containerStatuses, false)],
    creationTimestamp: m.creationTimestamp,
  });
}

/**
 * Both event shapes: core/v1 (involvedObject, message, count, source) and events.k8s.io/v1
 * (regarding, note, series, deprecated*). A series counts more occurrences than `count`.
 */
export function eventInfo(o: Raw): EventInfo {
  const m = obj(o.metadata) ?? {};
  const modern = 'regarding' in o || 'note' in o || 'reportingController' in o || str(o.apiVersion) === 'events.k8s.io/v1';
  const involved = obj(modern ? o.regarding : o.involvedObject) ?? obj(o.involvedObject) ?? obj(o.regarding) ?? {};
  const namespace = str(m.namespace) ?? str(involved.namespace);
  if (!namespace && !str(involved.name)) throw new BadObject('neither metadata.namespace nor the involved object is set');
  const series = obj(o.series);
  const count = Math.max(num(series?.count) ?? 0, num(o.count) ?? num(o.deprecatedCount) ?? 1, 1);
  const src = obj(o.source) ?? obj(o.deprecatedSource);
  const component = str(src?.component) ?? str(o.reportingController) ?? str(o.reportingComponent);
  const host = str(src?.host) ?? (modern ? str(o.reportingInstance) : undefined);
  const eventTime = str(o.eventTime);
  return compact({
    namespace: namespace ?? '',
    type: str(o.type),
    reason: str(o.reason),
    message: clip(str(o.message) ?? str(o.note), MAX_MESSAGE),
    count,
    involved: compact({ kind: str(involved.kind), namespace: str(involved.namespace), name: str(involved.name), fieldPath: str(involved.fieldPath) }),
    source: component,
    host,
    firstTimestamp: str(o.firstTimestamp) ?? str(o.deprecatedFirstTimestamp) ?? eventTime,
    lastTimestamp: str(series?.lastObservedTime) ?? str(o.lastTimestamp) ?? str(o.deprecatedLastTimestamp) ?? eventTime,
  });
}

export function serviceAccountInfo(o: Raw): ServiceAccountInfo {
  const m = meta(o);
  if (!m.namespace) throw new BadObject('metadata.namespace is missing');
  return compact({ namespace: m.namespace, name: m.name, imagePullSecrets: secretRefs(o.imagePullSecrets), creationTimestamp: m.creationTimestamp });
}

/** Config maps the rules read; every other one is skipped (they can be large and private). */
export const WANTED_CONFIGMAPS: readonly { namespace: string; name: string }[] = [
  { namespace: 'kube-flannel', name: 'kube-flannel-cfg' },
  { namespace: 'kube-system', name: 'kube-flannel-cfg' },
  { namespace: 'kube-system', name: 'coredns' },
  { namespace: 'kube-system', name: 'kubeadm-config' },
  { namespace: 'kube-system', name: 'kube-proxy' },
];
const WANTED_CM = new Set(WANTED_CONFIGMAPS.map((c) => `${c.namespace}/${c.name}`));

/** The projection, or undefined for a config map no rule reads. */
export function configMapInfo(o: Raw): ConfigMapInfo | undefined {
  const m = meta(o);
  if (!WANTED_CM.has(`${m.namespace ?? ''}/${m.name}`)) return undefined;
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(strMap(o.data))) data[k] = clip(v, MAX_CONFIG_VALUE)!;
  return { namespace: m.namespace ?? '', name: m.name, data };
}

/** Every DaemonSet name flannel has shipped under (facts §1.1), in any namespace. */
const FLANNEL_DS = /^kube-flannel-ds(-(amd64|arm64|arm|ppc64le|s390x))?$/;
const SYSTEM_NS = new Set(['kube-flannel', 'kube-system']);

/** The workloads the rules read: flannel's DaemonSet (any era), kube-proxy, CoreDNS. */
export function isWantedWorkload(kind: string, name: string, namespace: string | undefined, labels: Record<string, string>): boolean {
  if (kind === 'DaemonSet') {
    if (FLANNEL_DS.test(name)) return true;
    if (namespace && SYSTEM_NS.has(namespace) && (labels.app === 'flannel' || labels['k8s-app'] === 'flannel' || name === 'kube-proxy')) return true;
    return false;
  }
  if (kind === 'Deployment') return namespace === 'kube-system' && (name === 'coredns' || labels['k8s-app'] === 'kube-dns');
  return false;
}

/** The projection of a workload the rules judge, or undefined for any other (it is only counted). */
export function workloadInfo(o: Raw, kind: WorkloadKind): WorkloadInfo | undefined {
  const m = meta(o);
  if (!isWantedWorkload(kind, m.name, m.namespace, m.labels)) return undefined;
  const spec = obj(o.spec) ?? {};
  const status = obj(o.status) ?? {};
  const podSpec = obj(obj(spec.template)?.spec) ?? {};
  const ds = kind === 'DaemonSet';
  const containers = [...containerSpecs(podSpec.initContainers, true), ...containerSpecs(podSpec.containers, false)];
  const owner = obj(m.ownerReferences.find((r) => bool(obj(r)?.controller)) ?? m.ownerReferences[0]);
  return compact({
    kind,
    namespace: m.namespace ?? '',
    name: m.name,
    labels: m.labels,
    selector: strMap(obj(spec.selector)?.matchLabels),
    desired: ds ? num(status.desiredNumberScheduled) : num(spec.replicas) ?? 1,
    ready: ds ? num(status.numberReady) ?? 0 : num(status.readyReplicas) ?? 0,
    available: ds ? num(status.numberAvailable) ?? 0 : num(status.availableReplicas) ?? 0,
    containers,
    serviceAccountName: str(podSpec.serviceAccountName) ?? str(podSpec.serviceAccount),
    hostNetwork: bool(podSpec.hostNetwork) ?? false,
    ...placement(podSpec),
    ownerKind: str(owner?.kind),
    ownerName: str(owner?.name),
  });
}

/** Bounded like every list a bundle may hold: a selector of more terms or values is cut, never trusted whole. */
const MAX_TERMS = 32;

function requirements(v: unknown): NodeSelectorTerm['matchExpressions'] {
  return arr(v).slice(0, MAX_TERMS).flatMap((e) => {
    const x = obj(e);
    const key = str(x?.key);
    const operator = str(x?.operator);
    return key && operator ? [{ key, operator, values: arr(x?.values).slice(0, MAX_TERMS).flatMap((s) => (typeof s === 'string' ? [s] : [])) }] : [];
  });
}

/** The pod template's nodeSelector and required node-affinity terms (absent when it has neither). */
function placement(podSpec: Raw): Pick<WorkloadInfo, 'nodeSelector' | 'nodeAffinity'> {
  const selector = strMap(podSpec.nodeSelector);
  const required = obj(obj(obj(podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution);
  const terms = arr(required?.nodeSelectorTerms).slice(0, MAX_TERMS).map((t) => ({ matchExpressions: requirements(obj(t)?.matchExpressions), matchFields: requirements(obj(t)?.matchFields) }));
  return { ...(Object.keys(selector).length ? { nodeSelector: selector } : {}), ...(required ? { nodeAffinity: terms } : {}) };
}

/** The cluster DNS Service: kube-system/kube-dns (CoreDNS keeps that name on every distribution). */
export const DNS_SERVICE = { namespace: 'kube-system', name: 'kube-dns' } as const;

export function isWantedService(namespace: string | undefined, name: string): boolean {
  return namespace === DNS_SERVICE.namespace && name === DNS_SERVICE.name;
}

export function serviceInfo(o: Raw): ServiceInfo | undefined {
  const m = meta(o);
  if (!isWantedService(m.namespace, m.name)) return undefined;
  const spec = obj(o.spec) ?? {};
  return compact({
    namespace: m.namespace ?? '',
    name: m.name,
    clusterIP: str(spec.clusterIP),
    ports: arr(spec.ports).flatMap((p) => {
      const x = obj(p);
      const port = num(x?.port);
      return x && port !== undefined ? [compact({ name: str(x.name), port, protocol: str(x.protocol) })] : [];
    }),
    selector: strMap(spec.selector),
  });
}

export function endpointsInfo(o: Raw): EndpointsInfo | undefined {
  const m = meta(o);
  if (!isWantedService(m.namespace, m.name)) return undefined;
  const addresses = new Set<string>();
  const notReady = new Set<string>();
  for (const s of arr(o.subsets)) {
    const x = obj(s);
    for (const a of arr(x?.addresses)) {
      const ip = str(obj(a)?.ip);
      if (ip) addresses.add(ip);
    }
    for (const a of arr(x?.notReadyAddresses)) {
      const ip = str(obj(a)?.ip);
      if (ip) notReady.add(ip);
    }
  }
  return { namespace: m.namespace ?? '', name: m.name, addresses: [...addresses].sort(), notReadyAddresses: [...notReady].sort() };
}
