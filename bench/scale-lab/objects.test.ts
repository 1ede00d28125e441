import { describe, expect, it } from 'vitest';
import { eventObjects, nodeName, nodeObject, podObject, podPlan, podStatus, type ClusterShape } from './objects.js';

const shape: ClusterShape = { prefix: 't', nodes: 40, pods: 4000, namespaces: 5, seed: 3 };

describe('scale objects', () => {
  const plan = podPlan(shape);

  it('binds every pod to a made node; one kube-flannel pod per node', () => {
    expect(plan).toHaveLength(4000);
    const names = new Set(Array.from({ length: shape.nodes }, (_, i) => nodeName(shape, i)));
    expect(plan.every((p) => names.has(podObject(shape, p).spec.nodeName))).toBe(true);
    const flannel = plan.filter((p) => p.namespace === 'kube-flannel');
    expect(new Set(flannel.map((p) => p.node)).size).toBe(shape.nodes);
    expect(new Set(plan.map((p) => `${p.namespace}/${p.name}`)).size).toBe(plan.length);
  });

  it('has some failing pods of each kind, most running, and the same plan for the same seed', () => {
    const count = (s: string) => plan.filter((p) => p.state === s).length;
    expect(count('running') / plan.length).toBeGreaterThan(0.9);
    for (const s of ['crashloop', 'imagepull', 'sandbox', 'succeeded']) expect(count(s)).toBeGreaterThan(0);
    expect(podPlan(shape)).toEqual(plan);
    expect(podPlan({ ...shape, seed: 4 })).not.toEqual(plan);
  });

  it('writes statuses a kubelet would: failing pods not Ready, a failed sandbox has no pod IP', () => {
    plan.forEach((p, k) => {
      const st = podStatus(shape, p, k, 0).status;
      const ready = st.conditions.find((c: any) => c.type === 'Ready').status;
      expect(ready).toBe(p.state === 'running' ? 'True' : 'False');
      expect(st.podIP === undefined).toBe(p.state === 'sandbox');
      if (p.state === 'crashloop') expect(st.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    });
  });

  it('records an event for every failing pod, naming its pod and node', () => {
    const events = eventObjects(shape, plan, 0);
    for (const p of plan.filter((x) => ['crashloop', 'imagepull', 'sandbox'].includes(x.state))) {
      const mine = events.filter((e) => e.involvedObject.name === p.name && e.metadata.namespace === p.namespace);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]!.source.host).toBe(nodeName(shape, p.node));
    }
    expect(events.some((e) => e.reason === 'FailedCreatePodSandBox' && /subnet\.env/.test(e.message))).toBe(true);
    expect(new Set(events.map((e) => `${e.metadata.namespace}/${e.metadata.name}`)).size).toBe(events.length);
  });

  it('gives each node its own podCIDR and address, extra conditions after Ready', () => {
    const a = nodeObject(shape, 1, 0, [{ type: 'FlannelDoctorHealthy', status: 'True' }]);
    const b = nodeObject(shape, 300, 0);
    expect(a.spec.podCIDR).not.toBe(b.spec.podCIDR);
    expect(a.status.addresses[0].address).not.toBe(b.status.addresses[0].address);
    expect(a.status.conditions.at(-1).type).toBe('FlannelDoctorHealthy');
  });
});
