import type { FixStepRef } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { gatewayCidr, networkCidr } from '../_cidr.js';

const CIDR4 = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/**
 * With the right gateway already on cni0 next to the stale one, removing the stale address is enough
 * and running pods keep their bridge. Without it, cni0 goes: the bridge plugin recreates it with the
 * right address on the next pod ADD, and the pods attached to the old bridge must be re-created.
 */
function bridgeFix(v4: string[], wrong: string[], expected: string): FixStepRef[] {
  const stale = wrong.filter((a) => CIDR4.test(a));
  if (v4.includes(expected) && stale.length === wrong.length) {
    return [
      {
        step: 'cni.bridge-address-del',
        data: { addresses: stale.join(' ') },
        text: `Remove the stale address${stale.length > 1 ? 'es' : ''} ${stale.join(', ')} from cni0 on {node}; the right gateway ${expected} stays, and with it the running pods`,
      },
    ];
  }
  return [
    { step: 'cni.bridge-delete', data: { gateway: expected } },
    { step: 'pods.on-node', text: 'Delete the pods on {node} that still use old addresses so they are re-created' },
  ];
}

export default defineRule({
  id: 'cni/bridge-ip',
  layer: 'cni',
  description:
    "cni0 must carry exactly the gateway of the node's flannel subnet (<subnet>.1/<len>); any other IPv4 address makes the bridge plugin refuse every new pod.",
  causes: ['cni.bridge-ip-conflict'],
  scope: 'node',
  needs: ['node.links'],
  severity: 'error',
  messages: {
    conflict: 'node {node}: cni0 has {addresses}, but the node subnet {subnet} needs {expected}',
  },
  docs: 'The bridge plugin fails with `"cni0" already has an IP address different from 10.244.1.1/24` when cni0 keeps an address from an older podCIDR (node re-joined, CIDR changed); it only replaces it with forceAddress (facts §4.2). The usual fix deletes cni0 so the next pod ADD recreates it.',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.bridge-ip-conflict');
    const bridge = node.links.find((l) => l.name === 'cni0');
    if (!bridge) return; // created on the first pod ADD
    // The bridge plugin compares with what flannel's CNI plugin hands it: subnet.env's FLANNEL_SUBNET.
    // Without subnet.env no pod ADD gets that far (cni/subnet-env says why).
    const subnet = networkCidr(node.subnetEnv?.subnet);
    const expected = gatewayCidr(subnet);
    if (!subnet || !expected) return;
    const v4 = bridge.addresses.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`);
    const wrong = v4.filter((a) => a !== expected);
    if (!wrong.length) return;
    report({
      messageId: 'conflict',
      data: { node: node.name, addresses: v4.join(', '), subnet, expected },
      evidence: [
        { where: `node ${node.name}: ip addr show cni0`, what: `inet ${v4.join(', inet ')}` },
        { where: `node ${node.name}: ${node.subnetEnv?.file}`, what: `FLANNEL_SUBNET=${node.subnetEnv?.subnet}` },
      ],
      fix: bridgeFix(v4, wrong, expected),
    });
  },
});
