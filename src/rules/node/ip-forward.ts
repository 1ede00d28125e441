import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';

export default defineRule({
  id: 'node/ip-forward',
  layer: 'node',
  description: 'net.ipv4.ip_forward must be 1: the node routes every pod packet between cni0, flannel.1 and its uplink.',
  causes: ['node.ip-forward'],
  scope: 'node',
  needs: ['node.sysctls'],
  severity: 'error',
  messages: {
    off: 'node {node}: net.ipv4.ip_forward = {value}; the node does not route pod traffic',
    iface: 'node {node}: forwarding is off on {ifaces}; packets arriving there are not routed on',
  },
  docs: 'kubeadm preflight fails with "/proc/sys/net/ipv4/ip_forward contents are not set to 1"; the bridge plugin enables forwarding on pod ADD, but network managers (e.g. Wicked) and sysctl reloads can reset it (facts §10.2).',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'node.ip-forward');
    const value = node.sysctls['net.ipv4.ip_forward'];
    if (value !== undefined && value.trim() === '0') {
      report({
        messageId: 'off',
        data: { node: node.name, value: value.trim() },
        evidence: [{ where: `node ${node.name}: /proc/sys/net/ipv4/ip_forward`, what: value.trim() }],
        fix: [
          { step: 'sysctl.set', data: { key: 'net.ipv4.ip_forward', value: 1 } },
          { step: 'sysctl.persist', data: { key: 'net.ipv4.ip_forward', value: 1 } },
          'Check that no network manager or later sysctl.d file sets it back (grep -r ip_forward /etc/sysctl.d /etc/sysctl.conf /usr/lib/sysctl.d)',
        ],
      });
      return;
    }
    // Per-interface switches (systemd-networkd IPForward=no, NetworkManager) override the global one.
    const off = Object.entries(node.sysctls)
      .map(([k, v]) => ({ m: /^net\.ipv4\.conf\.(.+)\.forwarding$/.exec(k), k, v: v.trim() }))
      .filter((x) => x.m && x.m[1] !== 'all' && x.m[1] !== 'default' && x.v === '0')
      .map((x) => ({ iface: x.m![1].replace(/\//g, '.'), key: x.k }));
    if (!off.length) return;
    report({
      messageId: 'iface',
      data: { node: node.name, ifaces: off.map((o) => o.iface).join(', ') },
      evidence: off.map((o) => ({ where: `node ${node.name}: /proc/sys/${o.key.replace(/\./g, '/')}`, what: '0' })),
      fix: [
        ...off.map((o) => ({ step: 'sysctl.set' as const, data: { key: `net.ipv4.conf.${o.iface.replace(/\./g, '/')}.forwarding`, value: 1 } })),
        'Find what turns it off: IPForward= in /etc/systemd/network/*.network, or the NetworkManager connection of that interface, and set it to yes',
      ],
    });
  },
});
