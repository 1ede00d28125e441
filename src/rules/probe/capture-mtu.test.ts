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
      expect: [{ cause: 'flannel.mtu', nodes: [A], messageIncludes: 'the path MTU is 1400' }],
    },
    {
      name: 'VXLAN fragmented on the underlay',
      evidence: withCapture((c) => (c.mtu.outerFragments = [{ src: A, dst: B, count: 40 }])),
      expect: [{ cause: 'flannel.mtu', nodes: [A], messageIncludes: '40 fragments' }],
    },
    {
      name: 'black hole: big segments resent, never acknowledged',
      evidence: withCapture((c) => (c.tcp.stalled = [stall()])),
      expect: [{ cause: 'flannel.mtu', nodes: [A, B], messageIncludes: 'resent 5 times at 1450 bytes' }],
    },
  ],
});
