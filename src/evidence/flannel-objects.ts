/**
 * Finding flannel's own objects in cluster evidence, across its history (facts §1.1): the ConfigMap
 * kube-flannel-cfg in kube-flannel or kube-system, DaemonSets kube-flannel-ds[-<arch>], pods labelled
 * app=flannel. Distributions that embed flannel (k3s, RKE2's flannel in k3s) have none of these,
 * only the node annotations; rules about the DaemonSet then stay silent.
 */
import type { ClusterEvidence, ConfigMapInfo, NodeInfo, PodInfo, WorkloadInfo } from './cluster.js';

export const ANNOTATION_PREFIX = 'flannel.alpha.coreos.com/';
const FLANNEL_NS = ['kube-flannel', 'kube-system'];
const DS_NAME = /^kube-flannel-ds(-(amd64|arm64|arm|ppc64le|s390x))?$/;

export function flannelDaemonSets(c: Readonly<ClusterEvidence>): readonly WorkloadInfo[] {
  return c.workloads.filter(
    (w) => w.kind === 'DaemonSet' && (DS_NAME.test(w.name) || (FLANNEL_NS.includes(w.namespace) && (w.labels.app === 'flannel' || w.selector.app === 'flannel'))),
  );
}

export function flannelPods(c: Readonly<ClusterEvidence>): readonly PodInfo[] {
  return c.pods.filter((p) => FLANNEL_NS.includes(p.namespace) && (p.labels.app === 'flannel' || p.labels['k8s-app'] === 'flannel' || /^kube-flannel-ds/.test(p.name)));
}

/** The flannel ConfigMap: the one in the DaemonSet's namespace first, then kube-flannel, then kube-system. */
export function flannelConfigMap(c: Readonly<ClusterEvidence>): Readonly<ConfigMapInfo> | undefined {
  const cms = c.configMaps.filter((m) => m.name === 'kube-flannel-cfg');
  const dsNs = flannelDaemonSets(c)[0]?.namespace;
  return cms.find((m) => m.namespace === dsNs) ?? cms.find((m) => m.namespace === 'kube-flannel') ?? cms[0];
}

/** The flanneld container of a DaemonSet (not the install-cni init containers). */
export function flanneldContainer(ds: Readonly<WorkloadInfo>) {
  return ds.containers.find((x) => !x.init && (x.name === 'kube-flannel' || /flannel/.test(x.image))) ?? ds.containers.find((x) => !x.init);
}

/** flanneld's args (command + args), e.g. ['--ip-masq', '--kube-subnet-mgr', '--iface=eth1']. */
export function flanneldArgs(ds: Readonly<WorkloadInfo>): string[] {
  const c = flanneldContainer(ds);
  return [...(c?.command ?? []), ...(c?.args ?? [])];
}

/**
 * Whether flannel runs in this cluster in kube-subnet-manager mode, and how we know. Embedded flannel
 * (k3s) shows only as node annotations.
 */
export function flannelPresence(c: Readonly<ClusterEvidence>): { present: boolean; kubeSubnetMgr: boolean; how: string } {
  const ds = flannelDaemonSets(c);
  if (ds.length) {
    const args = ds.flatMap(flanneldArgs);
    // Args unknown (no container specs) → assume the manifest default, --kube-subnet-mgr.
    const ksm = !args.length || args.some((a) => a.startsWith('--kube-subnet-mgr') && !/=false$/.test(a));
    return { present: true, kubeSubnetMgr: ksm, how: `DaemonSet ${ds[0].namespace}/${ds[0].name}` };
  }
  const pods = flannelPods(c);
  if (pods.length) return { present: true, kubeSubnetMgr: true, how: `pods ${pods[0].namespace}/${pods[0].name}` };
  const cm = flannelConfigMap(c);
  if (cm) return { present: true, kubeSubnetMgr: true, how: `ConfigMap ${cm.namespace}/${cm.name}` };
  const annotated = c.nodes.find((n) => n.annotations[ANNOTATION_PREFIX + 'kube-subnet-manager'] === 'true');
  if (annotated) return { present: true, kubeSubnetMgr: true, how: `node ${annotated.name} annotation ${ANNOTATION_PREFIX}kube-subnet-manager` };
  return { present: false, kubeSubnetMgr: false, how: 'no flannel DaemonSet, pod, ConfigMap or node annotation' };
}

/** Linux nodes: flannel's DaemonSet only targets kubernetes.io/os=linux. */
export function linuxNodes(c: Readonly<ClusterEvidence>): readonly NodeInfo[] {
  return c.nodes.filter((n) => (n.operatingSystem ?? n.labels['kubernetes.io/os'] ?? 'linux') === 'linux');
}

export function nodePodCidrs(n: Readonly<NodeInfo>): string[] {
  const all = [...n.podCIDRs];
  if (n.podCIDR && !all.includes(n.podCIDR)) all.unshift(n.podCIDR);
  return all;
}
