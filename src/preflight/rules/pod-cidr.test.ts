import { breakCluster } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './pod-cidr.js';

testRule(rule, {
  healthy: [{ name: 'every node has a podCIDR', evidence: breakCluster(() => {}) }],
  faulty: [
    {
      name: 'no flannel yet and n2 without podCIDR (the controller manager does not allocate)',
      evidence: breakCluster((c) => {
        c.workloads = [];
        c.pods = [];
        const n2 = c.nodes.find((n) => n.name === 'n2')!;
        n2.podCIDR = undefined;
        n2.podCIDRs = [];
      }),
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'none',
          data: { count: 1, nodes: 'n2' },
          nodes: ['n2'],
          fix: [
            'Make the controller manager allocate node CIDRs: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm init --pod-network-cidr=10.244.0.0/16), matching net-conf.json Network',
            'Verify: kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR',
          ],
        },
      ],
    },
  ],
});
