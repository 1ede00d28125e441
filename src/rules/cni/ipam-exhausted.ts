import { CONTAINERD_TASKS as TASKS } from '../../catalog/fix-steps.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { hostCount } from '../_cidr.js';

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
/** The copy `fix --yes` keeps of a directory it changes (src/fix-plan/backup.ts), judged even when no config names a network. */
const OUR_BACKUP = /\.flannel-doctor-\d{8}T\d{6}Z\.bak$/;

export default defineRule({
  id: 'cni/ipam-exhausted',
  layer: 'cni',
  description:
    "host-local IPAM must have free addresses in the node's range; files leaked in /var/lib/cni/networks/<network> (pods gone, reservation left) use it up.",
  causes: ['cni.ipam-exhausted'],
  scope: 'node',
  needs: ['node.ipam'],
  severity: 'error',
  messages: {
    exhausted: 'node {node}: host-local network {network} has {allocated} of {usable} addresses reserved{leakNote}',
    nearly: 'node {node}: host-local network {network} has {allocated} of {usable} addresses reserved, one left{leakNote}',
  },
  docs: 'host-local keeps one file per reserved IP in /var/lib/cni/networks/cbr0; the gateway (.1) is not handed out, so a /24 has 253 pod addresses. When they are all taken new pods fail with "no IP addresses available in range set" (facts §3, §4.2).',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.ipam-exhausted');
    const configured = new Set(node.cniConfigs.map((c) => c.name).filter(Boolean));
    for (const r of node.ipam) {
      // a directory no CNI config names (an old network, a backup copy) hands out no address
      if (configured.size ? !configured.has(r.network) : OUR_BACKUP.test(r.network)) continue;
      // rangeSize counts the addresses pods can get (the host source leaves out network, gateway and
      // broadcast); derived from subnet.env the same way when absent.
      const hosts = hostCount(node.subnetEnv?.subnet);
      const usable = r.rangeSize ?? (hosts ? hosts - 1 : undefined);
      if (!usable) continue;
      const free = usable - r.allocated;
      if (free > 1) continue;
      const leaked = r.leaked ?? 0;
      const dir = `/var/lib/cni/networks/${r.network}`;
      report({
        messageId: free <= 0 ? 'exhausted' : 'nearly',
        severity: free <= 0 ? 'error' : 'warning',
        data: { node: node.name, network: r.network, allocated: r.allocated, usable, leakNote: leaked ? `, ${leaked} of them leaked (no container)` : '' },
        evidence: [{ where: `node ${node.name}: ${dir}`, what: `${r.allocated} reservation files${leaked ? `, ${leaked} for containers that no longer exist` : ''}; range holds ${usable} pod addresses` }],
        fix: leaked && SAFE_NAME.test(r.network)
          ? [
              {
                step: 'cni.ipam-release',
                data: { dir, usable },
                text: `Remove the ${leaked} reservations on {node} whose container no longer exists (younger than a minute: kept, a pod may be starting)`,
              },
              'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)',
            ]
          : [
              `List reservations whose container is gone: for f in ${dir}/[0-9]*; do id=$(head -n 1 "$f" | tr -d '\\r'); [ -e "${TASKS}/$id" ] || echo "$f"; done`,
              'Remove those files (only those), or drain the node, stop the kubelet and containerd, and rm -rf ' + dir,
              'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)',
            ],
      });
    }
  },
});
