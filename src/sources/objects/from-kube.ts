/**
 * Builders: raw Kubernetes objects (as the API returns them, as kubectl or troubleshoot.sh saved them,
 * as the lab stores them) → ClusterEvidence. Every source feeds objects into one ClusterBuilder, so the
 * kube API, bundles and the lab yield identical evidence for identical objects. Pure, no I/O; a bad
 * element is skipped and recorded in `unreadable`, never thrown.
 */
import { summarisePullSecret, type SecretObject } from '../../parsers/dockerconfig.js';
import type { ClusterEvidence, PodLogExcerpt, PullSecretInfo, Unreadable } from '../../evidence/cluster.js';
import { emptyCluster } from '../../evidence/cluster.js';
import { BadObject, obj, str, type Raw } from './builders/raw.js';
import {
  configMapInfo,
  endpointsInfo,
  eventInfo,
  nodeInfo,
  podInfo,
  serviceAccountInfo,
  serviceInfo,
  workloadInfo,
} from './builders/projections.js';

export * from './builders/projections.js';

/** The resource kinds a source reads; `read` in ClusterEvidence lists these keys (plus `workloads`). */
export type KindKey =
  | 'nodes'
  | 'pods'
  | 'events'
  | 'serviceaccounts'
  | 'secrets'
  | 'configmaps'
  | 'daemonsets'
  | 'deployments'
  | 'statefulsets'
  | 'replicasets'
  | 'services'
  | 'endpoints'
  | 'podlogs';

export const KIND_KEY: Readonly<Record<string, KindKey>> = {
  Node: 'nodes',
  Pod: 'pods',
  Event: 'events',
  ServiceAccount: 'serviceaccounts',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
  DaemonSet: 'daemonsets',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  ReplicaSet: 'replicasets',
  Service: 'services',
  Endpoints: 'endpoints',
};

/** Namespaces whose pods/events are always read, even with -n: flannel and CoreDNS live there. */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-flannel'];

export interface BuilderOptions {
  /** -n: restrict namespaced user objects (pods, events, service accounts, secrets) to it + the system namespaces. */
  namespace?: string;
}

/** Collects projections of raw objects; `build()` returns sorted, deduplicated ClusterEvidence. */
export class ClusterBuilder {
  private readonly maps = {
    nodes: new Map<string, ClusterEvidence['nodes'][number]>(),
    pods: new Map<string, ClusterEvidence['pods'][number]>(),
    events: new Map<string, ClusterEvidence['events'][number]>(),
    serviceAccounts: new Map<string, ClusterEvidence['serviceAccounts'][number]>(),
    pullSecrets: new Map<string, PullSecretInfo>(),
    configMaps: new Map<string, ClusterEvidence['configMaps'][number]>(),
    workloads: new Map<string, ClusterEvidence['workloads'][number]>(),
    services: new Map<string, ClusterEvidence['services'][number]>(),
    endpoints: new Map<string, ClusterEvidence['endpoints'][number]>(),
    podLogs: new Map<string, PodLogExcerpt>(),
  };
  /** Kinds added that no projection keeps (Role, Job, …), with how many objects. */
  private readonly ignoredKinds = new Map<string, number>();
  private readonly workloadCounts: NonNullable<ClusterEvidence['workloadCounts']> = {};
  private readonly read = new Set<string>();
  private readonly unread: Unreadable[] = [];
  private readonly missing = new Set<string>();
  private anonymousEvents = 0;

  constructor(private readonly opts: BuilderOptions = {}) {}

  /** Whether a namespaced user object in `ns` is in scope under -n. */
  inScope(ns: string | undefined): boolean {
    return !this.opts.namespace || ns === this.opts.namespace || (ns !== undefined && SYSTEM_NAMESPACES.includes(ns));
  }

  markRead(key: KindKey): void {
    this.read.add(key);
  }

  hasRead(key: KindKey): boolean {
    return this.read.has(key);
  }

  unreadable(u: Unreadable): void {
    this.unread.push(u);
  }

  markMissingSecret(namespace: string, name: string): void {
    this.missing.add(`${namespace}/${name}`);
  }

  /**
   * Adds one raw object of `kind` (from its own `kind` field or its list's). `where` names the
   * source (file, API path) for the problem record, `item` its index in a list there (the two are
   * joined only for a problem: a bundle adds hundreds of thousands of objects). Returns false when
   * the element was skipped as bad.
   */
  add(kind: string, raw: unknown, where: string, item?: number): boolean {
    const o = obj(raw);
    if (!o) {
      this.problem(kind, itemIn(where, item), 'not a JSON object');
      return false;
    }
    try {
      this.addObject(kind, o);
      return true;
    } catch (e) {
      if (!(e instanceof BadObject)) throw e;
      const m = obj(o.metadata);
      const id = [str(m?.namespace), str(m?.name)].filter(Boolean).join('/');
      this.problem(kind, itemIn(where, item), `${id ? id + ': ' : ''}${e.message}`);
      return false;
    }
  }

  private problem(kind: string, where: string, message: string): void {
    this.unread.push({ what: `a ${kind} in ${where}`, reason: `skipped: ${message}` });
  }

  private addObject(kind: string, o: Raw): void {
    const m = obj(o.metadata);
    switch (kind) {
      case 'Node': {
        const n = nodeInfo(o);
        this.maps.nodes.set(n.name, n);
        return;
      }
    }
    const key = `${str(m?.namespace) ?? ''}/${str(m?.name) ?? ''}`;
    switch (kind) {
      case 'Pod': {
        const p = podInfo(o);
        if (this.inScope(p.namespace)) this.maps.pods.set(key, p);
        return;
      }
      case 'Event': {
        const e = eventInfo(o);
        if (!this.inScope(e.namespace)) return;
        // Unnamed events (hand-made) cannot be deduplicated; keep each.
        this.maps.events.set(str(m?.name) ? key : `\uffff${this.anonymousEvents++}`, e);
        return;
      }
      case 'ServiceAccount': {
        const sa = serviceAccountInfo(o);
        if (this.inScope(sa.namespace)) this.maps.serviceAccounts.set(key, sa);
        return;
      }
      case 'Secret': {
        if (!str(m?.name) || !str(m?.namespace)) throw new BadObject('metadata.name or metadata.namespace is missing');
        // Summarised at once: the value never stays in memory past this line.
        const s = summarisePullSecret(o as SecretObject);
        if (this.inScope(s.namespace)) this.maps.pullSecrets.set(key, s);
        return;
      }
      case 'ConfigMap': {
        const c = configMapInfo(o);
        if (c) this.maps.configMaps.set(key, c);
        return;
      }
      case 'DaemonSet':
      case 'Deployment':
      case 'StatefulSet':
      case 'ReplicaSet': {
        const w = workloadInfo(o, kind);
        this.workloadCounts[kind] = (this.workloadCounts[kind] ?? 0) + 1;
        if (w) this.maps.workloads.set(`${kind}/${key}`, w);
        return;
      }
      case 'Service': {
        const s = serviceInfo(o);
        if (s) this.maps.services.set(key, s);
        return;
      }
      case 'Endpoints': {
        const e = endpointsInfo(o);
        if (e) this.maps.endpoints.set(key, e);
        return;
      }
      default:
        this.ignoredKinds.set(kind, (this.ignoredKinds.get(kind) ?? 0) + 1);
        return; // kinds no rule reads
    }
  }

  /** Kinds seen that no check reads, with their object counts (a bundle names them as not read). */
  ignored(): ReadonlyMap<string, number> {
    return this.ignoredKinds;
  }

  /** Adds one container's log tail (a bundle's); the first one seen for a container wins. */
  addPodLog(log: PodLogExcerpt): void {
    if (!this.inScope(log.namespace)) return;
    const key = `${log.namespace}/${log.pod}/${log.container}/${log.previous ? 1 : 0}`;
    if (!this.maps.podLogs.has(key)) this.maps.podLogs.set(key, log);
    this.read.add('podlogs');
  }

  /** Pod name → the namespaces holding a pod of that name, over the pods read so far. */
  podNamespaces(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const p of this.maps.pods.values()) out.set(p.name, [...(out.get(p.name) ?? []), p.namespace]);
    return out;
  }

  /** Pull secrets named by the pods and service accounts seen so far (namespace/name). */
  referencedSecrets(): string[] {
    const refs = new Set<string>();
    for (const p of this.maps.pods.values()) for (const s of p.imagePullSecrets) refs.add(`${p.namespace}/${s}`);
    for (const sa of this.maps.serviceAccounts.values()) for (const s of sa.imagePullSecrets) refs.add(`${sa.namespace}/${s}`);
    return [...refs].sort();
  }

  /**
   * The evidence. `inferMissingSecrets`: the source holds every secret it could (a bundle), so a
   * referenced secret absent from it is missing; a live source marks missing ones itself.
   */
  build(opts: { readAt?: string; inferMissingSecrets?: boolean } = {}): ClusterEvidence {
    const c = emptyCluster();
    if (opts.readAt) c.readAt = opts.readAt;
    const refs = new Set(this.referencedSecrets());
    const sorted = <T>(m: Map<string, T>): T[] => {
      // Lists arrive sorted (the API and kubectl order by namespace/name): check in O(n) before sorting.
      const keys = [...m.keys()];
      let inOrder = true;
      for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1] < keys[i];
      if (inOrder) return [...m.values()];
      return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
    };
    c.nodes = sorted(this.maps.nodes);
    c.pods = sorted(this.maps.pods);
    c.events = sorted(this.maps.events);
    c.serviceAccounts = sorted(this.maps.serviceAccounts);
    // Only pull secrets something references: other secrets are none of our business.
    c.pullSecrets = sorted(this.maps.pullSecrets).filter((s) => refs.has(`${s.namespace}/${s.name}`));
    const missing = new Set(this.missing);
    if (opts.inferMissingSecrets && this.read.has('secrets')) {
      const present = new Set(c.pullSecrets.map((s) => `${s.namespace}/${s.name}`));
      for (const r of refs) if (!present.has(r)) missing.add(r);
    }
    c.missingSecrets = [...missing].sort();
    c.configMaps = sorted(this.maps.configMaps);
    c.workloads = sorted(this.maps.workloads);
    c.services = sorted(this.maps.services);
    c.endpoints = sorted(this.maps.endpoints);
    if (this.maps.podLogs.size) c.podLogs = sorted(this.maps.podLogs);
    if (Object.keys(this.workloadCounts).length) c.workloadCounts = { ...this.workloadCounts };
    const read = new Set(this.read);
    if (read.has('daemonsets') && read.has('deployments')) read.add('workloads');
    c.read = [...read].sort();
    c.unreadable = [...this.unread];
    return c;
  }
}

/** `file (item 3)`, or `where` alone for an object that is not a list item. */
function itemIn(where: string, item: number | undefined): string {
  return item === undefined ? where : `${where} (item ${item})`;
}

/** Convenience for tests and small inputs: objects (each with its `kind`) → evidence. */
export function clusterFromObjects(objects: readonly Record<string, unknown>[], opts: BuilderOptions & { read?: KindKey[] } = {}): ClusterEvidence {
  const b = new ClusterBuilder(opts);
  for (const k of opts.read ?? (Object.values(KIND_KEY) as KindKey[])) b.markRead(k);
  for (const o of objects) b.add(str(o.kind) ?? '', o, 'objects');
  return b.build({ inferMissingSecrets: true });
}
