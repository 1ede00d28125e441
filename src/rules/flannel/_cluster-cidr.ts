import type { Evidence } from '../../evidence/types.js';
import { parseNetConf } from '../../parsers/net-conf.js';
import { parseCidr } from '../_cidr.js';
import { flannelConfigMap } from '../../evidence/flannel-objects.js';

export interface ClusterCidr {
  cidr: string;
  /** Where it was read, for the fix text and the evidence. */
  where: string;
}

/** Pod networks distributions use when none is configured (their documented defaults). */
const DISTRIBUTION_DEFAULTS: { version: RegExp; name: string; cidr: string }[] = [
  { version: /\+k3s/, name: 'k3s', cidr: '10.42.0.0/16' },
  { version: /\+rke2/, name: 'RKE2', cidr: '10.42.0.0/16' },
];

const CIDR_FLAG = /^--cluster-cidr=(.+)$/;

/**
 * The cluster's IPv4 pod network, from the first source that has it: flannel's net-conf.json
 * Network, kubeadm's networking.podSubnet, kube-controller-manager --cluster-cidr, k3s/RKE2 node
 * args, a node's subnet.env FLANNEL_NETWORK, and last a distribution's documented default.
 */
export function clusterCidr(evidence: Readonly<Evidence>): ClusterCidr | undefined {
  return clusterCidrCandidates(evidence)[0];
}

/** Every source's pod network, in clusterCidr's order; skipNetConf leaves out net-conf.json (when it is the value in question). */
export function clusterCidrCandidates(evidence: Readonly<Evidence>, skipNetConf = false): ClusterCidr[] {
  const out: ClusterCidr[] = [];
  const c = evidence.cluster;
  const v4 = (s: string | undefined) => {
    const first = s?.split(',').map((x) => x.trim()).find((x) => parseCidr(x) && x.includes('/'));
    return first;
  };
  if (c) {
    const cm = flannelConfigMap(c);
    const text = cm?.data['net-conf.json'];
    const net = text !== undefined ? v4(parseNetConf(text).network) : undefined;
    if (cm && net && !skipNetConf) out.push({ cidr: net, where: `${cm.namespace}/${cm.name} net-conf.json` });
    const kubeadm = c.configMaps.find((m) => m.namespace === 'kube-system' && m.name === 'kubeadm-config');
    const podSubnet = v4(/podSubnet:\s*"?([0-9./,:a-f]+)/.exec(kubeadm?.data.ClusterConfiguration ?? '')?.[1]);
    if (podSubnet) out.push({ cidr: podSubnet, where: 'kubeadm-config podSubnet' });
    for (const p of c.pods.filter((x) => x.namespace === 'kube-system' && /kube-controller-manager/.test(x.name))) {
      for (const k of p.containers) {
        const args = [...(k.command ?? []), ...(k.args ?? [])];
        const flag = args.map((a) => CIDR_FLAG.exec(a)?.[1]).find(Boolean);
        const cidr = v4(flag);
        if (cidr) out.push({ cidr, where: `${p.name} --cluster-cidr` });
      }
    }
    for (const n of c.nodes) {
      const args = n.annotations['k3s.io/node-args'];
      const m = args ? /"--cluster-cidr"\s*,\s*"([^"]+)"|--cluster-cidr=([^"\s,]+)/.exec(args) : null;
      const cidr = v4(m?.[1] ?? m?.[2]);
      if (cidr) out.push({ cidr, where: `node ${n.name} k3s.io/node-args` });
    }
  }
  for (const n of Object.values(evidence.nodes)) {
    const net = v4(n.subnetEnv?.network);
    if (net) out.push({ cidr: net, where: `subnet.env on ${n.name}` });
  }
  for (const d of DISTRIBUTION_DEFAULTS) {
    const n = c?.nodes.find((x) => d.version.test(x.kubeletVersion ?? ''));
    if (n) out.push({ cidr: d.cidr, where: `the ${d.name} default, kubelet ${n.kubeletVersion}` });
  }
  return out;
}
