import type { CaptureStall } from '../../evidence/capture.js';
import { testRule } from '../rule-tester.js';
import { A, B, withCapture } from './_capture-sample.js';
import rule from './capture-mtu.js';

const stall = (over: Partial<CaptureStall> = {}): CaptureStall => ({
  proto: 'tcp',
  src: '10.244.1.5',
  sport: 51000,
  dst: '10.244.2.7',
  dport: 443,
  packets: 12,
  tunnel: { src: A, dst: B, vni: 1 },
  retransmits: 5,
  retransmitIpLen: [1450, 1450],
  maxAckedIpLen: 340,
  unacked: 2796,
  ...over,
});

testRule(rule, {
  healthy: [
    { name: 'no ICMP, no fragments, no stalls', evidence: withCapture() },
    { name: 'a stall on small segments is not the MTU', evidence: withCapture((c) => (c.tcp.stalled = [stall({ retransmitIpLen: [120, 120] })])) },
    { name: 'big segments that did get acknowledged before are not a black hole', evidence: withCapture((c) => (c.tcp.stalled = [stall({ maxAckedIpLen: 1450 })])) },
  ],
  faulty: [
    {
      name: 'frag-needed from the underlay',
      evidence: withCapture((c) => (c.mtu.fragNeeded = [{ from: '192.168.56.1', to: A, about: B, mtu: 1400, count: 7, overlay: false }])),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'fragNeeded',
          data: { from: '192.168.56.1', to: '192.168.56.11', about: '192.168.56.12', mtu: 1400, count: 7, inside: '' },
          nodes: ['192.168.56.11'],
          fix: [
            'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
            "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
            "Set \"MTU\" in net-conf.json Backend to the underlay MTU minus the backend's overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.",
          ],
        },
      ],
    },
    {
      name: 'VXLAN fragmented on the underlay',
      evidence: withCapture((c) => (c.mtu.outerFragments = [{ src: A, dst: B, count: 40 }])),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'fragmented',
          data: { from: '192.168.56.11', to: '192.168.56.12', count: 40 },
          nodes: ['192.168.56.11'],
          fix: [
            'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
            "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
            "Set \"MTU\" in net-conf.json Backend to the underlay MTU minus the backend's overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.",
          ],
        },
      ],
    },
    {
      name: 'black hole: big segments resent, never acknowledged',
      evidence: withCapture((c) => (c.tcp.stalled = [stall()])),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'blackHole',
          data: { count: 1, example: '10.244.1.5:51000 → 10.244.2.7:443', retransmits: 5, size: 1450, acked: 340 },
          nodes: ['192.168.56.11', '192.168.56.12'],
          fix: [
            'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
            "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
            "Set \"MTU\" in net-conf.json Backend to the underlay MTU minus the backend's overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.",
          ],
        },
      ],
    },
  ],
});
