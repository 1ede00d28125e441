import type { FixStepSource } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';

const KEY = 'net.bridge.bridge-nf-call-iptables';

export default defineRule({
  id: 'node/br-netfilter',
  layer: 'node',
  description:
    'br_netfilter must be loaded and net.bridge.bridge-nf-call-iptables = 1, so traffic between pods on the cni0 bridge passes iptables (kube-proxy Service DNAT, flannel rules).',
  causes: ['node.br-netfilter'],
  scope: 'node',
  needs: ['node.sysctls'],
  severity: 'error',
  messages: {
    notLoaded: 'node {node}: br_netfilter is not loaded (/proc/sys/net/bridge/bridge-nf-call-iptables does not exist)',
    off: 'node {node}: net.bridge.bridge-nf-call-iptables = {value}; bridged pod traffic skips iptables',
  },
  docs: 'Without it, a pod reaching a Service whose endpoint is on the same node gets the reply straight over the bridge, un-NATed, and drops it: DNS to 10.96.0.10 times out for pods next to a CoreDNS pod. flanneld ≥ v0.26.0 refuses to start: "Failed to check br_netfilter" (facts §4.1, §10.2).',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'node.br-netfilter');
    const value = node.sysctls[KEY];
    const fix: FixStepSource[] = [
      { step: 'module.load', data: { module: 'br_netfilter' } },
      { step: 'sysctl.set', data: { key: KEY, value: 1 } },
      { step: 'module.persist', data: { module: 'br_netfilter' } },
      { step: 'sysctl.persist', data: { key: KEY, value: 1 } },
    ];
    if (value === undefined) {
      // The key exists whenever the module (or a built-in bridge netfilter) is there.
      if (!node.gathered.includes('modules') || node.modules.includes('br_netfilter')) return;
      if (!Object.keys(node.sysctls).some((k) => k.startsWith('net.'))) return; // sysctls not really read
      report({
        messageId: 'notLoaded',
        data: { node: node.name },
        evidence: [
          { where: `node ${node.name}: /proc/sys/net/bridge/bridge-nf-call-iptables`, what: 'does not exist' },
          { where: `node ${node.name}: /proc/modules`, what: 'br_netfilter not loaded' },
        ],
        fix: [...fix, `Restart flannel on ${node.name} if it exited with "Failed to check br_netfilter"`],
      });
      return;
    }
    if (value.trim() !== '0') return;
    // The key exists, so the module is there (loaded or built in): nothing to load now, only to keep at boot.
    const off = fix.filter((f) => typeof f === 'object' && 'step' in f && f.step !== 'module.load');
    report({ messageId: 'off', data: { node: node.name, value: value.trim() }, evidence: [{ where: `node ${node.name}: /proc/sys/net/bridge/bridge-nf-call-iptables`, what: value.trim() }], fix: off });
  },
});
