import { testRule } from '../rule-tester.js';
import { A, B, pair, withCapture } from './_capture-sample.js';
import rule from './capture-vxlan-one-way.js';

testRule(rule, {
  healthy: [
    { name: 'VXLAN flows both ways', evidence: withCapture() },
    { name: 'a stray packet or two one way is not enough', evidence: withCapture((c) => c.pairs.push(pair(A, '192.168.56.13', { packets: 2, reverseSilent: true }))) },
  ],
  faulty: [
    {
      name: 'B never answers A; connections inside wait for a SYN-ACK',
      evidence: withCapture((c) => {
        c.pairs = [pair(A, B, { reverseSilent: true })];
        c.flows.oneWay = [{ proto: 'tcp', src: '10.244.1.5', sport: 40000, dst: '10.244.2.7', dport: 443, packets: 3, note: 'SYN x3, no reply', tunnel: { src: A, dst: B, vni: 1 } }];
      }),
      expect: [{ cause: 'flannel.vxlan-blocked', nodes: [A, B], messageIncludes: '1 connection(s) inside wait' }],
    },
    {
      name: 'named by node when the cluster is known',
      evidence: {
        ...withCapture((c) => (c.pairs = [pair(A, B, { reverseSilent: true })])),
        cluster: {
          nodes: [
            { name: 'n1', labels: {}, annotations: {}, podCIDRs: ['10.244.1.0/24'], addresses: [{ type: 'InternalIP', address: A }], conditions: [], taints: [] },
            { name: 'n2', labels: {}, annotations: { 'flannel.alpha.coreos.com/public-ip': B }, podCIDRs: ['10.244.2.0/24'], addresses: [], conditions: [], taints: [] },
          ],
        },
      },
      expect: [{ cause: 'flannel.vxlan-blocked', nodes: ['n1', 'n2'], messageIncludes: 'from n1 (192.168.56.11) to n2 (192.168.56.12)' }],
    },
  ],
});
