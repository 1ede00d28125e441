import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './subnet-env-agrees.js';

testRule(rule, {
  healthy: [
    { name: 'healthy cluster', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
  ],
  faulty: [
    {
      name: 'node only: flannel.1 holds another lease than subnet.env',
      evidence: breakNode('n2', (n) => (link(n, 'flannel.1').addresses = [{ family: 'inet', local: '10.244.7.0', prefixlen: 32 }]), { cluster: false }),
      expect: [{ cause: 'flannel.network-mismatch', nodes: ['n2'], messageIncludes: '10.244.7.0/32' }],
    },
    {
      name: 'stale subnet.env after the node got a new podCIDR',
      evidence: breakCluster((c) => {
        c.nodes[1].podCIDR = '10.244.5.0/24';
        c.nodes[1].podCIDRs = ['10.244.5.0/24'];
      }),
      expect: [{ cause: 'flannel.network-mismatch', nodes: ['n2'], messageIncludes: '10.244.5.0/24' }],
    },
    {
      name: 'FLANNEL_NETWORK differs from net-conf.json',
      evidence: breakNode('n1', (n) => (n.subnetEnv!.network = '10.200.0.0/16'), { cluster: false }),
      expect: [{ cause: 'flannel.network-mismatch', nodes: ['n1'], messageIncludes: '10.200.0.0/16' }],
    },
    {
      name: 'subnet outside Network without net-conf',
      evidence: breakNode('n3', (n) => {
        n.netConf = undefined;
        n.subnetEnv!.subnet = '100.244.0.1/24';
        link(n, 'flannel.1').addresses = [{ family: 'inet', local: '100.244.0.0', prefixlen: 32 }];
      }, { cluster: false }),
      expect: [{ cause: 'flannel.network-mismatch', nodes: ['n3'], messageIncludes: 'outside' }],
    },
  ],
});
