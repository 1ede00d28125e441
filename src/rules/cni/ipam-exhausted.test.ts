import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './ipam-exhausted.js';

testRule(rule, {
  healthy: [
    { name: 'a few pods', evidence: healthy() },
    { name: 'busy but not full', evidence: breakNode('n1', (n) => (n.ipam = [{ network: 'cbr0', allocated: 240, rangeSize: 253 }])) },
  ],
  faulty: [
    {
      name: 'range full of leaked reservations',
      evidence: breakNode('n2', (n) => (n.ipam = [{ network: 'cbr0', allocated: 253, rangeSize: 253, leaked: 240 }])),
      expect: [{ cause: 'cni.ipam-exhausted', nodes: ['n2'], messageIncludes: '240 of them leaked' }],
    },
    {
      name: 'range size derived from subnet.env',
      evidence: breakNode('n3', (n) => (n.ipam = [{ network: 'cbr0', allocated: 253 }])),
      expect: [{ cause: 'cni.ipam-exhausted', nodes: ['n3'], severity: 'error' }],
    },
    {
      name: 'one address left',
      evidence: breakNode('n1', (n) => (n.ipam = [{ network: 'cbr0', allocated: 252, rangeSize: 253, leaked: 3 }])),
      expect: [{ cause: 'cni.ipam-exhausted', nodes: ['n1'], severity: 'warning', messageIncludes: 'one left' }],
    },
  ],
});
