import { linuxNodes, nodePodCidrs } from '../../evidence/flannel-objects.js';
import { defineRule } from '../../rules/define-rule.js';

export default defineRule({
  id: 'preflight/pod-cidr',
  layer: 'flannel',
  description: 'With the kube subnet manager (the manifest\'s default) flannel leases each node the podCIDR the controller manager allocated: every Linux node needs one before flannel starts.',
  causes: ['flannel.no-pod-cidr'],
  scope: 'cluster',
  needs: ['cluster.nodes'],
  severity: 'error',
  messages: {
    none: '{count} node(s) have no podCIDR ({nodes}): flannel would exit there with "pod cidr not assigned"',
  },
  docs: 'kube-controller-manager allocates them with --allocate-node-cidrs=true --cluster-cidr=<flannel Network> (kubeadm: --pod-network-cidr). Unlike flannel/cluster-pod-cidr this check does not wait for flannel to be installed.',
  check({ cluster, report }) {
    const without = linuxNodes(cluster).filter((n) => !nodePodCidrs(n).length);
    if (!without.length) return;
    report({
      messageId: 'none',
      data: { count: without.length, nodes: without.slice(0, 6).map((n) => n.name).join(', ') + (without.length > 6 ? ', …' : '') },
      nodes: without.map((n) => n.name),
      evidence: without.slice(0, 12).map((n) => ({ where: `node ${n.name}`, what: 'spec.podCIDR is empty' })),
      fix: ['Make the controller manager allocate node CIDRs: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm init --pod-network-cidr=10.244.0.0/16), matching net-conf.json Network', 'Verify: kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR'],
    });
  },
});
