/** Helpers of the DNS faults: CoreDNS's API objects and its node. */
import { corednsEndpoints, crashLoopStatus, eventObj, runningStatus } from '../api-objects.js';
import { corednsPod } from '../dns.js';
import { removeEventsFor, removePodLogs, writePodLog } from '../kubelet.js';
import type { LabHandle, LabNode, LabPod } from '../types.js';

export function coredns(lab: LabHandle): { pod: LabPod; node: LabNode } {
  const pod = corednsPod(lab.state);
  if (!pod) throw new Error('this lab has no coredns pod');
  return { pod, node: lab.node(pod.node) };
}

/** CoreDNS down in the API: pod not Ready (crash loop or failing readiness), endpoints not ready, deployment 0/1. */
export async function corednsUnready(lab: LabHandle, how: 'crashloop' | 'unready', logLines: string[]): Promise<void> {
  const { pod, node } = coredns(lab);
  const obj = lab.api.get('Pod', 'kube-system', pod.name)!;
  if (how === 'crashloop') {
    obj.status = crashLoopStatus(obj, 'coredns', 1);
    lab.api.put(obj);
    lab.api.put(eventObj(lab.api.get('Pod', 'kube-system', pod.name)!, 'Warning', 'BackOff', `Back-off restarting failed container coredns in pod ${pod.name}_kube-system(${obj.metadata.uid})`, { host: node.name, fieldPath: 'spec.containers{coredns}', count: 9 }));
  } else {
    obj.status.conditions = obj.status.conditions.map((c: any) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [coredns]' } : c));
    obj.status.containerStatuses = obj.status.containerStatuses.map((c: any) => ({ ...c, ready: false }));
    lab.api.put(obj);
    lab.api.put(eventObj(lab.api.get('Pod', 'kube-system', pod.name)!, 'Warning', 'Unhealthy', 'Readiness probe failed: Get "http://' + pod.ip + ':8181/ready": dial tcp ' + pod.ip + ':8181: connect: connection refused', { host: node.name, fieldPath: 'spec.containers{coredns}', count: 14 }));
  }
  lab.api.put(corednsEndpoints(pod, node, false));
  const dep = lab.api.get('Deployment', 'kube-system', 'coredns');
  if (dep) {
    dep.status = { ...dep.status, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 1 };
    lab.api.put(dep);
  }
  if (logLines.length) await writePodLog(lab, node, { namespace: 'kube-system', name: pod.name }, 'coredns', logLines, 'stdout');
}

export async function corednsReady(lab: LabHandle): Promise<void> {
  const { pod, node } = coredns(lab);
  const obj = lab.api.get('Pod', 'kube-system', pod.name)!;
  obj.status = runningStatus(pod.ip, node.ip, [{ name: 'coredns', image: pod.image }]);
  lab.api.put(obj);
  removeEventsFor(lab, 'kube-system', pod.name, ['BackOff', 'Unhealthy']);
  lab.api.put(corednsEndpoints(pod, node, true));
  const dep = lab.api.get('Deployment', 'kube-system', 'coredns');
  if (dep) {
    dep.status = { ...dep.status, readyReplicas: 1, availableReplicas: 1 };
    delete dep.status.unavailableReplicas;
    lab.api.put(dep);
  }
  await removePodLogs(node, { namespace: 'kube-system', name: pod.name });
}
