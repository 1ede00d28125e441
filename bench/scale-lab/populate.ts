/**
 * Fills the lab API server with a ClusterShape, concurrently: namespaces (each with its `default`
 * ServiceAccount, which the ServiceAccount admission plugin needs and the stopped controller-manager
 * would have made), Nodes, Pods, their kubelet-style statuses (PATCH pods/status) and Events.
 */
import type { BulkClient } from './http.js';
import { eventObjects, nodeObject, podObject, podPlan, podStatus, type ClusterShape } from './objects.js';

export interface Populated {
  nodes: number;
  pods: number;
  events: number;
  seconds: number;
  requests: number;
  byState: Record<string, number>;
}

export async function ensureNamespaces(c: BulkClient, names: readonly string[]): Promise<void> {
  await c.each(names, async (ns) => {
    await c.must('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, [201, 409]);
    await c.must('POST', `/api/v1/namespaces/${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, [201, 409]);
  });
}

export async function createNodes(c: BulkClient, s: ClusterShape, now: number, extra: (i: number) => object[] = () => [], log?: (l: string) => void): Promise<void> {
  const idx = Array.from({ length: s.nodes }, (_, i) => i);
  await c.each(idx, (i) => c.must('POST', '/api/v1/nodes', nodeObject(s, i, now, extra(i)), [201, 409]), (d) => log?.(`  nodes: ${d}/${s.nodes}`), 1000);
}

export async function populate(c: BulkClient, s: ClusterShape, log: (l: string) => void, now = Date.now()): Promise<Populated> {
  const t0 = performance.now();
  const r0 = c.requests;
  const plan = podPlan(s);
  await ensureNamespaces(c, ['kube-flannel', ...new Set(plan.map((p) => p.namespace))].filter((n, i, a) => a.indexOf(n) === i));
  await createNodes(c, s, now, undefined, log);
  log(`  ${s.nodes} nodes in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await c.each(
    plan,
    async (p, k) => {
      await c.must('POST', `/api/v1/namespaces/${p.namespace}/pods`, podObject(s, p), [201, 409]);
      await c.must('PATCH', `/api/v1/namespaces/${p.namespace}/pods/${p.name}/status`, podStatus(s, p, k, now), [200], 'application/merge-patch+json');
    },
    (d) => log(`  pods: ${d}/${plan.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
  );
  const events = eventObjects(s, plan, now);
  await c.each(events, (e) => c.must('POST', `/api/v1/namespaces/${e.metadata.namespace}/events`, e, [201, 409]));
  const byState: Record<string, number> = {};
  for (const p of plan) byState[p.state] = (byState[p.state] ?? 0) + 1;
  return { nodes: s.nodes, pods: plan.length, events: events.length, seconds: (performance.now() - t0) / 1000, requests: c.requests - r0, byState };
}
