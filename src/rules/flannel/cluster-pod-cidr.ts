import { defineRule } from '../define-rule.js';
import { flannelPods, flannelPresence, linuxNodes, nodePodCidrs } from './_cluster-flannel.js';

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
  docs: 'Silent when flannel is not found in the cluster or runs with an etcd datastore (podCIDR is then not used).',
  check({ cluster, report }) {
    const presence = flannelPresence(cluster);
    if (!presence.present || !presence.kubeSubnetMgr) return;
    const pods = flannelPods(cluster);
    for (const n of linuxNodes(cluster)) {
      if (nodePodCidrs(n).length) continue;
      const crash = pods
        .filter((p) => p.nodeName === n.name)
        .flatMap((p) => p.statuses.flatMap((s) => [s.message, s.lastTerminationMessage]).filter((t): t is string => !!t && /pod cidr not assigned/i.test(t)).map((t) => ({ where: `pod ${p.namespace}/${p.name}`, what: t })));
      // Pods on that node whose sandbox fails for want of subnet.env: the symptom users see first.
      const stuck = cluster.events
        .filter((e) => e.reason === 'FailedCreatePodSandBox' && /subnet\.env/.test(e.message ?? '') && cluster.pods.some((p) => p.name === e.involved.name && p.namespace === (e.involved.namespace ?? e.namespace) && p.nodeName === n.name))
        .map((e) => ({ pod: `${e.involved.namespace ?? e.namespace}/${e.involved.name}`, ev: { where: `event ${e.involved.namespace ?? e.namespace}/${e.involved.name} FailedCreatePodSandBox${e.count > 1 ? ` (×${e.count})` : ''}`, what: e.message ?? '' } }));
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
        ],
        fix: [
          'Make the controller manager allocate node CIDRs: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=<net-conf.json Network> (kubeadm: kubeadm init --pod-network-cidr=10.244.0.0/16, or set networking.podSubnet in the kubeadm ClusterConfiguration and restart kube-controller-manager).',
          `Or set it by hand on a node that has none: kubectl patch node ${n.name} -p '{"spec":{"podCIDR":"<unused /24 inside Network>","podCIDRs":["<same>"]}}' (podCIDR can only be set once).`,
          'Then delete the crash-looping flannel pod on that node so it restarts at once.',
        ],
      });
    }
  },
});
