import type { FixStepSource } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { clusterCidr, type ClusterCidr } from './_cluster-cidr.js';
import { flannelPods, flannelPresence, linuxNodes, nodePodCidrs } from '../../evidence/flannel-objects.js';
import { freeCidr, nodeMask } from './_free-cidr.js';
import { restartFlannel } from '../_restart.js';
import { shq } from '../../fix/shell.js';

export default defineRule({
  id: 'flannel/cluster-pod-cidr',
  layer: 'flannel',
  description:
    'With --kube-subnet-mgr flannel takes each node\'s subnet from node.spec.podCIDR; a node without one makes flanneld exit with "pod cidr not assigned" and no pod on it gets a network.',
  causes: ['flannel.no-pod-cidr'],
  scope: 'cluster',
  needs: ['cluster.nodes'],
  severity: 'error',
  messages: {
    noPodCidr: 'node {node} has no podCIDR, so flannel cannot lease a subnet there',
  },
  docs: 'Silent when flannel is not found in the cluster or runs with an etcd datastore (podCIDR is then not used). The fix computes a free block for each such node: inside the cluster network (net-conf.json Network, kubeadm podSubnet, --cluster-cidr, or the k3s/RKE2 default), at the mask the other nodes have, overlapping no podCIDR in use nor one it proposes for another node.',
  check({ cluster, evidence, report }) {
    const presence = flannelPresence(cluster);
    if (!presence.present || !presence.kubeSubnetMgr) return;
    const pods = flannelPods(cluster);
    const network = clusterCidr(evidence);
    const taken = cluster.nodes.flatMap(nodePodCidrs);
    const mask = nodeMask(taken);
    for (const n of linuxNodes(cluster)) {
      if (nodePodCidrs(n).length) continue;
      const crash = pods
        .filter((p) => p.nodeName === n.name)
        .flatMap((p) => p.statuses.flatMap((s) => [s.message, s.lastTerminationMessage]).filter((t): t is string => !!t && /pod cidr not assigned/i.test(t)).map((t) => ({ where: `pod ${p.namespace}/${p.name}`, what: t })));
      // Pods on that node whose sandbox fails for want of subnet.env: the symptom users see first.
      const stuck = cluster.events
        .filter((e) => e.reason === 'FailedCreatePodSandBox' && /subnet\.env/.test(e.message ?? '') && cluster.pods.some((p) => p.name === e.involved.name && p.namespace === (e.involved.namespace ?? e.namespace) && p.nodeName === n.name))
        .map((e) => ({ pod: `${e.involved.namespace ?? e.namespace}/${e.involved.name}`, ev: { where: `event ${e.involved.namespace ?? e.namespace}/${e.involved.name} FailedCreatePodSandBox${e.count > 1 ? ` (×${e.count})` : ''}`, what: e.message ?? '' } }));
      const free = network && freeCidr(network.cidr, taken, mask);
      if (free) taken.push(free); // the next node without one gets another block
      report({
        messageId: 'noPodCidr',
        data: { node: n.name },
        nodes: [n.name],
        pods: [...stuck.map((x) => x.pod), ...new Set(pods.filter((p) => p.nodeName === n.name).map((p) => `${p.namespace}/${p.name}`))],
        evidence: [
          { where: `node ${n.name}`, what: 'spec.podCIDR is empty' },
          { where: 'cluster', what: `flannel runs with --kube-subnet-mgr (found by ${presence.how})` },
          ...crash.slice(0, 2),
          ...stuck.slice(0, 2).map((x) => x.ev),
          ...(network ? [{ where: network.where, what: `cluster pod network ${network.cidr}; ${free ? `first free /${mask}: ${free}` : `no free /${mask} left`}` }] : []),
        ],
        fix: podCidrFix(n.name, network, free || undefined, mask),
      });
    }
  },
});

/** The fix for one node: give it a free block now (the API allows setting podCIDR once), restart its flannel, and let the controller manager allocate from then on. */
function podCidrFix(node: string, network: ClusterCidr | undefined, free: string | undefined, mask: number): FixStepSource[] {
  const allocate = `From now on let the controller manager allocate them: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=${network?.cidr ?? '<the cluster pod network>'} (kubeadm: networking.podSubnet)`;
  const restart = restartFlannel(node, `Restart flannel on ${node}`);
  if (!network || !free) {
    const why = network ? `every /${mask} inside ${network.cidr} (${network.where}) is taken` : 'the evidence does not show the cluster pod network (net-conf.json, kubeadm-config, --cluster-cidr)';
    return [`Give ${node} an unused /${mask} inside the cluster pod network by hand (kubectl patch node ${node} with spec.podCIDR and spec.podCIDRs); flannel-doctor cannot propose one: ${why}.`, restart, allocate];
  }
  const patch = JSON.stringify({ spec: { podCIDR: free, podCIDRs: [free] } });
  return [
    { step: 'node.pod-cidr', data: { podCIDR: free, patch: shq(patch) }, text: 'Give {node} the free podCIDR {podCIDR}' },
    restart,
    allocate,
  ];
}
