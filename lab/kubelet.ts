/**
 * What kubelet and flanneld would write into the API and node logs when the lab breaks: pod statuses,
 * events and log lines with the exact texts of facts §4. Faults call these after breaking the lab for
 * real, so the API tells the same story the kernel does.
 */
import { mkdir, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { appPod, cond, crashLoopStatus, eventObj, flannelPodName, FLANNEL_NS, runningStatus, sandboxFailedStatus } from './api-objects.js';
import { sandboxEventMessage } from './cni-runtime.js';
import { klogLine } from './klog.js';
import { appendLog, nodePath } from './node-files.js';
import { randomHex } from './plan.js';
import { createSandbox, deleteNetns } from './pods.js';
import type { LabHandle, LabNode, LabPod } from './types.js';

/** A pod's container log as the CRI writes it under /var/log/pods (what `kubectl logs` reads). */
export async function writePodLog(lab: LabHandle, node: LabNode, pod: { namespace: string; name: string }, container: string, lines: string[], stream: 'stdout' | 'stderr' = 'stderr'): Promise<string> {
  const obj = lab.api.get('Pod', pod.namespace, pod.name);
  const uid = obj?.metadata?.uid ?? 'unknown';
  const dir = nodePath(node, `var/log/pods/${pod.namespace}_${pod.name}_${uid}/${container}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, '0.log');
  const ts = new Date().toISOString().replace('Z', '000Z');
  await appendFile(file, lines.map((l) => `${ts} ${stream} F ${l}`).join('\n') + '\n');
  return file;
}

export async function removePodLogs(node: LabNode, pod: { namespace: string; name: string }): Promise<void> {
  const base = nodePath(node, 'var/log/pods');
  for (const d of await readdir(base).catch(() => [] as string[])) {
    if (d.startsWith(`${pod.namespace}_${pod.name}_`)) await rm(join(base, d), { recursive: true, force: true });
  }
}

/** The flannel pod of a node crash-loops with `lines` as its last log (flanneld exits fatally). */
export async function flannelCrash(lab: LabHandle, node: LabNode, lines: string[], opts: { exitCode?: number; reason?: string } = {}): Promise<void> {
  const name = flannelPodName(lab.state, node);
  const pod = lab.api.get('Pod', FLANNEL_NS, name);
  if (!pod) return;
  const status = crashLoopStatus(pod, 'kube-flannel', opts.exitCode ?? 1);
  if (opts.reason) {
    const cs = status.containerStatuses.find((c: any) => c.name === 'kube-flannel');
    if (cs) cs.lastState.terminated.reason = opts.reason;
  }
  lab.api.put({ ...pod, status });
  lab.api.put(eventObj(lab.api.get('Pod', FLANNEL_NS, name)!, 'Warning', 'BackOff', 'Back-off restarting failed container kube-flannel in pod ' + `${name}_${FLANNEL_NS}(${pod.metadata.uid})`, { host: node.name, fieldPath: 'spec.containers{kube-flannel}', count: 12 }));
  await writePodLog(lab, node, { namespace: FLANNEL_NS, name }, 'kube-flannel', lines);
  await appendLog(node, 'flanneld', lines);
  refreshFlannelDs(lab);
}

export async function flannelRecover(lab: LabHandle, node: LabNode): Promise<void> {
  const name = flannelPodName(lab.state, node);
  const pod = lab.api.get('Pod', FLANNEL_NS, name);
  if (!pod) return;
  pod.status = runningStatus(node.ip, node.ip, [{ name: 'kube-flannel', image: pod.spec.containers[0].image }], pod.spec.initContainers.map((c: any) => ({ name: c.name, image: c.image })));
  lab.api.put(pod);
  removeEventsFor(lab, FLANNEL_NS, name, ['BackOff']);
  await removePodLogs(node, { namespace: FLANNEL_NS, name });
  await appendLog(node, 'flanneld', [klogLine('I', 'main.go:414', 'flannel is ready')]);
  refreshFlannelDs(lab);
}

function refreshFlannelDs(lab: LabHandle): void {
  const ds = lab.api.get('DaemonSet', FLANNEL_NS, 'kube-flannel-ds');
  if (!ds) return;
  const pods = lab.api.list('Pod', FLANNEL_NS);
  const ready = pods.filter((p) => p.status?.containerStatuses?.every((c: any) => c.ready)).length;
  ds.status = { ...ds.status, numberReady: ready, numberAvailable: ready, numberUnavailable: pods.length - ready };
  lab.api.put(ds);
}

export function removeEventsFor(lab: LabHandle, namespace: string, name: string, reasons?: string[]): void {
  for (const e of lab.api.list('Event', namespace)) {
    if (e.involvedObject?.name !== name) continue;
    if (reasons && !reasons.includes(e.reason)) continue;
    lab.api.remove('Event', namespace, e.metadata.name);
  }
}

/**
 * Kubelet starts a new pod on the node (the way every CNI fault shows: the next sandbox fails).
 * The CNI ADD is real; on failure the pod stays ContainerCreating with FailedCreatePodSandBox events.
 */
export async function startPod(lab: LabHandle, node: LabNode, name: string, namespace = 'default'): Promise<{ pod: LabPod; ok: boolean; error?: string }> {
  const pod: LabPod = {
    namespace,
    name,
    node: node.name,
    netns: `${lab.state.prefix}-${node.name}-${name.replace(/[^a-z0-9]/g, '').slice(-8)}`,
    containerId: randomHex(32),
    image: 'registry.k8s.io/pause:3.8',
    role: 'probe',
  };
  lab.state.pods.push(pod);
  const r = await createSandbox(lab.state, node, pod);
  const obj = appPod(lab.state, pod, node);
  if (r.ok) {
    lab.api.put(obj);
    return { pod, ok: true };
  }
  obj.status = sandboxFailedStatus(node, [{ name: 'app', image: pod.image }]);
  lab.api.put(obj);
  const stored = lab.api.get('Pod', namespace, name)!;
  lab.api.put(eventObj(stored, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node.name}`, { component: 'default-scheduler' }));
  if (r.notReady) {
    lab.api.put(eventObj(stored, 'Warning', 'NetworkNotReady', r.error!, { host: node.name, count: 8 }));
    await appendLog(node, 'kubelet', [klogLine('E', 'pod_workers.go:1298', `"Error syncing pod, skipping" err="${r.error}" pod="${namespace}/${name}" podUID="${stored.metadata.uid}"`)]);
  } else {
    const msg = sandboxEventMessage(r.error!);
    lab.api.put(eventObj(stored, 'Warning', 'FailedCreatePodSandBox', msg, { host: node.name, count: 4 }));
    await appendLog(node, 'kubelet', [klogLine('E', 'log.go:32', `"RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = ${r.error}"`)]);
    await appendLog(node, 'containerd', [`time="${new Date().toISOString()}" level=error msg="RunPodSandbox for &PodSandboxMetadata{Name:${name},Uid:${stored.metadata.uid},Namespace:${namespace},Attempt:0,} failed, error" error="${r.error}"`]);
  }
  return { pod, ok: false, error: r.error };
}

/**
 * Kubelet recreates the sandboxes of the node's app pods (after a node reboot or re-join): each pod's
 * namespace and IPAM lease are dropped and CNI ADD runs again for real. Pods whose ADD fails stay
 * ContainerCreating with the event; the others run with their (possibly new) IP.
 */
export async function recreateSandboxes(lab: LabHandle, node: LabNode): Promise<void> {
  for (const pod of lab.state.pods.filter((p) => p.node === node.name && p.role === 'app')) {
    if (pod.wired) await deleteNetns(lab.state, pod.netns);
    await releaseIpam(node, pod.containerId);
    await rm(nodePath(node, `var/lib/cni/flannel/${pod.containerId}`), { force: true });
    pod.containerId = randomHex(32);
    const r = await createSandbox(lab.state, node, pod);
    const obj = lab.api.get('Pod', pod.namespace, pod.name) ?? appPod(lab.state, pod, node);
    removeEventsFor(lab, pod.namespace, pod.name, ['FailedCreatePodSandBox', 'SandboxChanged']);
    if (r.ok) {
      obj.status = appPod(lab.state, pod, node).status;
      lab.api.put(obj);
    } else {
      obj.status = sandboxFailedStatus(node, [{ name: 'app', image: pod.image }]);
      lab.api.put(obj);
      const stored = lab.api.get('Pod', pod.namespace, pod.name)!;
      lab.api.put(eventObj(stored, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.', { host: node.name }));
      lab.api.put(eventObj(stored, 'Warning', 'FailedCreatePodSandBox', sandboxEventMessage(r.error!), { host: node.name, count: 3 }));
    }
  }
}

/** Removes a pod started by startPod: API object, events, namespace and its IPAM lease. */
export async function stopPod(lab: LabHandle, pod: LabPod): Promise<void> {
  const node = lab.node(pod.node);
  lab.api.remove('Pod', pod.namespace, pod.name);
  removeEventsFor(lab, pod.namespace, pod.name);
  if (pod.wired) await deleteNetns(lab.state, pod.netns);
  await releaseIpam(node, pod.containerId);
  await rm(nodePath(node, `var/lib/cni/flannel/${pod.containerId}`), { force: true });
  lab.state.pods = lab.state.pods.filter((p) => !(p.namespace === pod.namespace && p.name === pod.name));
}

async function releaseIpam(node: LabNode, containerId: string): Promise<void> {
  const dir = nodePath(node, 'var/lib/cni/networks/cbr0');
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(f)) continue;
    const text = await readFile(join(dir, f), 'utf8').catch(() => '');
    if (text.startsWith(containerId)) await rm(join(dir, f), { force: true });
  }
}

/** Node condition Ready=False the way kubelet reports a runtime network that is not ready. */
export function nodeNotReady(lab: LabHandle, node: LabNode, message: string): void {
  const obj = lab.api.get('Node', undefined, node.name);
  if (!obj) return;
  obj.status.conditions = obj.status.conditions.map((c: any) => (c.type === 'Ready' ? cond('Ready', 'False', 'KubeletNotReady', message) : c));
  lab.api.put(obj);
}

export function nodeReady(lab: LabHandle, node: LabNode): void {
  const obj = lab.api.get('Node', undefined, node.name);
  if (!obj) return;
  obj.status.conditions = obj.status.conditions.map((c: any) => (c.type === 'Ready' ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status') : c));
  lab.api.put(obj);
}

/** Saves a file's content (or absence) so a fault can put it back exactly. */
export async function snapshotFile(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

export async function restoreFile(path: string, content: string | null): Promise<void> {
  if (content === null) await rm(path, { force: true });
  else {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
