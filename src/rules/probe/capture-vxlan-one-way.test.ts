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
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'oneWay',
          data: { from: '192.168.56.11', to: '192.168.56.12', packets: 4000, seconds: 30, flows: '1 connection(s) inside wait for a reply' },
          nodes: ['192.168.56.11', '192.168.56.12'],
          fix: [
            "Allow UDP 4789 and 8472 from 192.168.56.12 to 192.168.56.11 (and back) on both nodes' firewalls, security groups or cloud ACLs, e.g. firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload",
            'Verify: run the capture again; 192.168.56.12 → 192.168.56.11 must carry VXLAN too',
          ],
        },
      ],
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
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'oneWay',
          data: { from: 'n1 (192.168.56.11)', to: 'n2 (192.168.56.12)', packets: 4000, seconds: 30, flows: '120 inner flow(s)' },
          nodes: ['n1', 'n2'],
          fix: [
            "Allow UDP 4789 and 8472 from 192.168.56.12 to 192.168.56.11 (and back) on both nodes' firewalls, security groups or cloud ACLs, e.g. firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload",
            'Verify: run the capture again; 192.168.56.12 → 192.168.56.11 must carry VXLAN too',
          ],
        },
      ],
    },
  ],
});
