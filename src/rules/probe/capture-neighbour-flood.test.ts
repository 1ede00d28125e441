import { testRule } from '../rule-tester.js';
import { A, B, withCapture } from './_capture-sample.js';
import rule from './capture-neighbour-flood.js';

testRule(rule, {
  healthy: [
    { name: 'no ARP in the tunnel', evidence: withCapture() },
    { name: 'ARP answered', evidence: withCapture((c) => Object.assign(c.neighbour, { arpRequests: 4, arpReplies: 4, peakPerSecond: 1 })) },
  ],
  faulty: [
    {
      name: 'who-has 10.244.2.0 asked 40 times',
      evidence: withCapture((c) => Object.assign(c.neighbour, { arpRequests: 40, peakPerSecond: 10, unanswered: [{ target: '10.244.2.0', requests: 40, from: '10.244.1.0', vni: 1, src: A, dst: B }] })),
      expect: [{ cause: 'flannel.stale-fdb', nodes: [A], messageIncludes: '40 unanswered' }],
    },
  ],
});
