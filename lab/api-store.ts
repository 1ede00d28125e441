/**
 * The lab's copy of its Kubernetes objects: what `LabHandle.api` reads and writes. It persists to
 * `<lab dir>/api-objects.json` (so separate CLI runs share it) and is pushed to the lab's API server
 * process, which serves the objects over real HTTP (see api-server.ts).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { uidOf } from './plan.js';

export type KubeObject = Record<string, any>;

const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume']);

export function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${CLUSTER_SCOPED.has(kind) ? '' : (namespace ?? 'default')}/${name}`;
}

export class ApiStore {
  private objects = new Map<string, KubeObject>();
  private rv = 1;
  dirty = false;

  constructor(readonly file: string) {}

  static async load(file: string): Promise<ApiStore> {
    const store = new ApiStore(file);
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as { resourceVersion: number; items: KubeObject[] };
      store.rv = data.resourceVersion ?? 1;
      for (const o of data.items ?? []) store.objects.set(keyOf(o.kind, o.metadata?.namespace, o.metadata?.name), o);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: cannot read the lab's API objects: ${(e as Error).message}`);
    }
    return store;
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(keyOf(kind, namespace, name));
    return o ? structuredClone(o) : undefined;
  }

  /** Create or replace; fills uid, resourceVersion and creationTimestamp like the API server does. */
  put(obj: KubeObject): void {
    const kind = obj.kind as string;
    const meta = (obj.metadata ??= {});
    if (!kind || !meta.name) throw new Error(`api.put needs kind and metadata.name (got ${kind}/${meta.name})`);
    if (!CLUSTER_SCOPED.has(kind)) meta.namespace ??= 'default';
    const key = keyOf(kind, meta.namespace, meta.name);
    const old = this.objects.get(key);
    meta.uid ??= old?.metadata?.uid ?? uidOf(key);
    meta.creationTimestamp ??= old?.metadata?.creationTimestamp ?? new Date().toISOString();
    meta.resourceVersion = String(++this.rv);
    obj.apiVersion ??= apiVersionOf(kind);
    this.objects.set(key, structuredClone(obj));
    this.dirty = true;
  }

  remove(kind: string, namespace: string | undefined, name: string): void {
    if (this.objects.delete(keyOf(kind, namespace, name))) {
      this.rv++;
      this.dirty = true;
    }
  }

  list(kind: string, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const o of this.objects.values()) {
      if (o.kind !== kind) continue;
      if (namespace !== undefined && !CLUSTER_SCOPED.has(kind) && o.metadata?.namespace !== namespace) continue;
      out.push(structuredClone(o));
    }
    return out;
  }

  all(): KubeObject[] {
    return [...this.objects.values()].map((o) => structuredClone(o));
  }

  get resourceVersion(): number {
    return this.rv;
  }

  async persist(): Promise<void> {
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify({ resourceVersion: this.rv, items: [...this.objects.values()] }));
    await rename(tmp, this.file);
    this.dirty = false;
  }
}

export function apiVersionOf(kind: string): string {
  switch (kind) {
    case 'DaemonSet':
    case 'Deployment':
    case 'ReplicaSet':
      return 'apps/v1';
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'Role':
    case 'RoleBinding':
      return 'rbac.authorization.k8s.io/v1';
    case 'EndpointSlice':
      return 'discovery.k8s.io/v1';
    default:
      return 'v1';
  }
}
