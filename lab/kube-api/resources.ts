/** The resource kinds the test API server serves, as Kubernetes names them in URLs and lists. */
export interface ResourceType {
  kind: string;
  /** '' for the core group */
  group: string;
  version: string;
  /** plural, as in URLs and RBAC */
  resource: string;
  namespaced: boolean;
}

export const RESOURCES: readonly ResourceType[] = [
  { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces', namespaced: false },
  { kind: 'Node', group: '', version: 'v1', resource: 'nodes', namespaced: false },
  { kind: 'Pod', group: '', version: 'v1', resource: 'pods', namespaced: true },
  { kind: 'Event', group: '', version: 'v1', resource: 'events', namespaced: true },
  { kind: 'ServiceAccount', group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
  { kind: 'Secret', group: '', version: 'v1', resource: 'secrets', namespaced: true },
  { kind: 'ConfigMap', group: '', version: 'v1', resource: 'configmaps', namespaced: true },
  { kind: 'Service', group: '', version: 'v1', resource: 'services', namespaced: true },
  { kind: 'Endpoints', group: '', version: 'v1', resource: 'endpoints', namespaced: true },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true },
  { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
  // Served from the core Event store, converted to the events.k8s.io shape like the real server does.
  { kind: 'Event', group: 'events.k8s.io', version: 'v1', resource: 'events', namespaced: true },
];

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

export function resourceByPath(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

/** The stored type of a kind (core Event for both event APIs). */
export function resourceByKind(kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

type Obj = Record<string, any>;

/** core/v1 Event → events.k8s.io/v1 Event (the field mapping of the real conversion). */
export function toEventsV1(e: Obj): Obj {
  const out: Obj = {
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    reportingController: e.reportingComponent || e.source?.component || undefined,
    reportingInstance: e.reportingInstance || e.source?.host || undefined,
    action: e.action,
    reason: e.reason,
    regarding: e.involvedObject,
    related: e.related,
    note: e.message,
    type: e.type,
    series: e.series,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** events.k8s.io/v1 Event → core/v1 Event, so either shape can be written. */
export function toCoreEvent(e: Obj): Obj {
  if (!('regarding' in e) && !('note' in e) && !('deprecatedCount' in e)) return e;
  const out: Obj = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: e.metadata,
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    type: e.type,
    count: e.deprecatedCount,
    source: e.deprecatedSource ?? (e.reportingController ? { component: e.reportingController, host: e.reportingInstance } : undefined),
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    eventTime: e.eventTime,
    series: e.series,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
    action: e.action,
    related: e.related,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
