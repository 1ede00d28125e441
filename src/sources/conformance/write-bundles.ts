/** Writes one set of raw objects in the bundle layouts the bundle source reads (for the conformance suite). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KIND_KEY } from '../objects/from-kube.js';

type Obj = Record<string, any>;

const API_VERSION: Record<string, string> = { DaemonSet: 'apps/v1', Deployment: 'apps/v1', ReplicaSet: 'apps/v1' };

function byKind(objects: readonly Obj[]): Map<string, Obj[]> {
  const m = new Map<string, Obj[]>();
  for (const o of objects) {
    const list = m.get(o.kind) ?? [];
    list.push(o);
    m.set(o.kind, list);
  }
  return m;
}

/**
 * (b) `kubectl get <kind> -A -o json > <odd name>.json`: one List per kind with kinded items, except
 * that the workloads go into one mixed List (like `kubectl get ds,deploy -A -o json`) and every Secret
 * is written as a single-object file.
 */
export async function writeKubectlDir(dir: string, objects: readonly Obj[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const kinds = byKind(objects);
  const mixed: Obj[] = [];
  let n = 0;
  for (const [kind, items] of kinds) {
    if (kind === 'DaemonSet' || kind === 'Deployment') {
      mixed.push(...items.map((o) => ({ apiVersion: API_VERSION[kind], kind, ...o })));
      continue;
    }
    if (kind === 'Secret') {
      for (const s of items) await writeFile(join(dir, `secret-${s.metadata.namespace}-${s.metadata.name}.json`), JSON.stringify({ apiVersion: 'v1', kind, ...s }, null, 2));
      continue;
    }
    const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: items.map((o) => ({ apiVersion: API_VERSION[kind] ?? 'v1', kind, ...o })) };
    await writeFile(join(dir, `out-${n++}.json`), JSON.stringify(list, null, 4));
  }
  await writeFile(join(dir, 'workloads.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: mixed }));
}

const TS_DIR: Record<string, string> = {
  Pod: 'pods',
  Event: 'events',
  ServiceAccount: 'serviceaccounts',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
  DaemonSet: 'daemonsets',
  Deployment: 'deployments',
  Service: 'services',
  Endpoints: 'endpoints',
};

/**
 * (c) troubleshoot.sh layout under support-bundle/cluster-resources: nodes.json and <kind>/<ns>.json
 * typed lists (PodList, …) whose items carry no kind, as the API returns them.
 */
export async function writeTroubleshootDir(root: string, objects: readonly Obj[]): Promise<void> {
  const cr = join(root, 'support-bundle', 'cluster-resources');
  await mkdir(cr, { recursive: true });
  await writeFile(join(root, 'support-bundle', 'version.yaml'), 'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundleVersion\n');
  const strip = (o: Obj) => {
    const { kind: _k, apiVersion: _a, ...rest } = o;
    return rest;
  };
  for (const [kind, items] of byKind(objects)) {
    if (!(kind in KIND_KEY)) continue;
    const listKind = `${kind}List`;
    const apiVersion = API_VERSION[kind] ?? 'v1';
    if (kind === 'Node') {
      await writeFile(join(cr, 'nodes.json'), JSON.stringify({ kind: listKind, apiVersion, metadata: { resourceVersion: '1' }, items: items.map(strip) }, null, 2));
      continue;
    }
    const byNs = new Map<string, Obj[]>();
    for (const o of items) byNs.set(o.metadata.namespace, [...(byNs.get(o.metadata.namespace) ?? []), o]);
    await mkdir(join(cr, TS_DIR[kind]), { recursive: true });
    for (const [ns, list] of byNs) {
      await writeFile(join(cr, TS_DIR[kind], `${ns}.json`), JSON.stringify({ kind: listKind, apiVersion, metadata: { resourceVersion: '1' }, items: list.map(strip) }, null, 2));
    }
  }
}
