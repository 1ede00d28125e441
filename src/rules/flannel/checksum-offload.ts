import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { clusterNode, runsVxlan, VXLAN_DEV } from '../_peers.js';

/** Kernels before 5.7 miscompute the UDP checksum of VXLAN packets under netfilter (facts §10.3). */
function knownBadKernel(version: string | undefined): boolean {
  const m = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < 5 || (major === 5 && minor < 7);
}

export default defineRule({
  id: 'flannel/checksum-offload',
  layer: 'flannel',
  description:
    'On kernels with the VXLAN checksum bug (before 5.7, RHEL 8 4.18 kernels) flannel.1 should run with tx-checksum-ip-generic off; UDP checksum errors on the node show the bug biting.',
  causes: ['flannel.checksum-offload'],
  scope: 'node',
  needs: ['node.offloads'],
  severity: 'info',
  messages: {
    risk: 'node {node}: kernel {kernel} has the VXLAN checksum bug and {dev} still has tx-checksum-ip-generic on',
    biting: 'node {node}: {dev} has tx-checksum-ip-generic on and the node counted {errors} UDP checksum errors{kernelNote}',
  },
  docs: 'Symptom: cross-node traffic to Service IPs (notably DNS 10.96.0.10) fails or stalls while pod IPs may work; dmesg shows "UDP: bad checksum … to <ip>:8472" (facts §10.3). The documented workaround turns the offload off on flannel.1 and persists it with a udev rule.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.checksum-offload');
    if (!runsVxlan(evidence, node)) return;
    const state = node.offloads?.[VXLAN_DEV]?.['tx-checksum-ip-generic'];
    if (state === undefined || !state.startsWith('on')) return;
    // The node object says it; node evidence alone has it when the host source reads kernel.osrelease.
    const kernel = clusterNode(evidence, node.name)?.kernelVersion ?? node.sysctls['kernel.osrelease'];
    const errors = node.snmp?.Udp?.InCsumErrors ?? 0;
    const bad = knownBadKernel(kernel);
    if (!bad && errors === 0) return;
    const fix = [
      `On ${node.name}: ethtool -K ${VXLAN_DEV} tx-checksum-ip-generic off`,
      `Persist it: echo 'SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="${VXLAN_DEV}", RUN+="/usr/sbin/ethtool -K ${VXLAN_DEV} tx-checksum-ip-generic off"' > /etc/udev/rules.d/90-flannel.rules`,
      'Better still, move the node to a kernel ≥ 5.7',
    ];
    const ev = [{ where: `node ${node.name}: ethtool -k ${VXLAN_DEV}`, what: `tx-checksum-ip-generic: ${state}` }];
    if (kernel) ev.push({ where: clusterNode(evidence, node.name)?.kernelVersion ? `node ${node.name} status.nodeInfo.kernelVersion` : `node ${node.name}: /proc/sys/kernel/osrelease`, what: kernel });
    if (errors > 0) {
      report({
        messageId: 'biting',
        // Checksum errors alone may have other causes; with a known-bad kernel they are the bug.
        severity: bad ? 'warning' : 'info',
        data: { node: node.name, dev: VXLAN_DEV, errors, kernelNote: kernel ? ` (kernel ${kernel})` : '' },
        confidence: bad ? 0.85 : 0.5,
        evidence: [...ev, { where: `node ${node.name}: /proc/net/snmp`, what: `Udp InCsumErrors ${errors}` }],
        fix,
      });
      return;
    }
    report({ messageId: 'risk', data: { node: node.name, dev: VXLAN_DEV, kernel: kernel ?? '?' }, confidence: 0.5, evidence: ev, fix });
  },
});
