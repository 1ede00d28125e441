import { testRule } from '../rule-tester.js';
import { A, B, withCapture } from './_capture-sample.js';
import rule from './capture-checksum.js';

testRule(rule, {
  healthy: [
    { name: 'checksums right', evidence: withCapture() },
    { name: 'zero checksums and offload partial sums are fine', evidence: withCapture((c) => Object.assign(c.checksums, { zero: 4000, partial: 64, good: 0 })) },
    { name: 'one wrong checksum in a thousand is noise', evidence: withCapture((c) => (c.checksums.badBySource = [{ src: A, dst: B, bad: 2, checked: 1000 }])) },
  ],
  faulty: [
    {
      name: 'A sends wrong checksums',
      evidence: withCapture((c) => {
        c.checksums.bad = 64;
        c.checksums.badBySource = [{ src: A, dst: B, bad: 64, checked: 64 }];
      }),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'bad',
          data: { from: '192.168.56.11', to: '192.168.56.12', bad: 64, checked: 64 },
          nodes: ['192.168.56.11'],
          fix: [
            'On 192.168.56.11: ethtool -K flannel.1 tx-checksum-ip-generic off',
            "Persist it: echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules",
            'Better still, move the node to a kernel ≥ 5.7; verify with a new capture (no wrong checksums) and dmesg (no "UDP: bad checksum")',
          ],
        },
      ],
    },
  ],
});
