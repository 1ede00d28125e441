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
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n2'] }],
    },
  ],
});
