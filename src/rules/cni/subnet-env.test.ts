import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './subnet-env.js';

testRule(rule, {
  healthy: [
    { name: 'subnet.env on every node', evidence: healthy() },
    { name: 'ipmasq false is still complete', evidence: breakNode('n1', (n) => (n.subnetEnv!.ipmasq = false)) },
  ],
  faulty: [
    {
      name: 'file absent after reboot',
      evidence: breakNode('n2', (n) => (n.subnetEnv = undefined)),
      expect: [{ cause: 'cni.subnet-env-missing', nodes: ['n2'] }],
    },
    {
      name: 'FLANNEL_MTU missing',
      evidence: breakNode('n3', (n) => (n.subnetEnv!.mtu = undefined)),
      expect: [{ cause: 'cni.subnet-env-missing', nodes: ['n3'], messageIncludes: 'FLANNEL_MTU' }],
    },
  ],
});
