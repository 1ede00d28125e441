import { defineRule } from '../define-rule.js';
import { captures, places, whereOf } from './_capture.js';

/** A wrong checksum now and then is line noise; the offload bug spoils a steady share. */
const MIN_BAD = 3;
const MIN_SHARE = 0.05;

export default defineRule({
  id: 'probe/capture-checksum',
  layer: 'probe',
  description: 'A packet capture shows VXLAN packets from a node arriving with wrong outer UDP checksums: the receiver drops them (the VXLAN checksum-offload bug).',
  causes: ['flannel.checksum-offload'],
  scope: 'cluster',
  needs: ['probes.pcap'],
  severity: 'error',
  messages: {
    bad: 'VXLAN from {from} to {to} carries wrong outer UDP checksums: {bad} of {checked} checked packets; the receiving kernel drops them ("UDP: bad checksum")',
  },
  docs:
    'The outer UDP checksum of VXLAN packets is verified on a sample (each direction\'s first 64 packets, then one in 16). A zero checksum means none and is fine; a checksum holding only the pseudo-header sum is a packet captured on its sender before the NIC filled it in (TX offload) and is fine too. A checksum that is simply wrong is what the kernel bug fixed in 5.7 produces under netfilter (facts §10.3): the receiver counts it in Udp InCsumErrors and drops the packet, so cross-node traffic to Service IPs (DNS) stalls.',
  check({ evidence, report }) {
    const at = places(evidence);
    for (const c of captures(evidence)) {
      for (const s of c.checksums.badBySource) {
        if (s.bad < MIN_BAD || s.bad < MIN_SHARE * s.checked) continue;
        const sender = at.node(s.src) ?? s.src;
        report({
          messageId: 'bad',
          data: { from: at.label(s.src), to: at.label(s.dst), bad: s.bad, checked: s.checked },
          nodes: [sender],
          confidence: 0.85,
          evidence: [
            { where: whereOf(c), what: `${s.src} → ${s.dst}: ${s.bad} wrong outer UDP checksums of ${s.checked} verified` },
            { where: whereOf(c), what: `all VXLAN: ${c.checksums.good} right, ${c.checksums.zero} zero (none), ${c.checksums.partial} offload partial, ${c.checksums.bad} wrong` },
          ],
          fix: [
            `On ${sender}: ethtool -K flannel.1 tx-checksum-ip-generic off`,
            'Persist it: echo \'SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="flannel.1", RUN+="/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off"\' > /etc/udev/rules.d/90-flannel.rules',
            'Better still, move the node to a kernel ≥ 5.7; verify with a new capture (no wrong checksums) and dmesg (no "UDP: bad checksum")',
          ],
        });
      }
    }
  },
});
