import { defineRule } from '../define-rule.js';
import { ifaceFix } from './_iface-fix.js';
import { ANNOTATION_PREFIX } from '../../evidence/flannel-objects.js';

/** Addresses a NAT front-end gives every VM alike (VirtualBox/Vagrant NAT). */
const NAT_ADDRESSES = new Set(['10.0.2.15']);

export default defineRule({
  id: 'flannel/cluster-public-ip',
  layer: 'flannel',
  description:
    'Each node\'s flannel.alpha.coreos.com/public-ip annotation is the address other nodes send VXLAN to: it must be unique and reachable (not a NAT address like 10.0.2.15 shared by every VM).',
  causes: ['flannel.wrong-iface'],
  scope: 'cluster',
  needs: ['cluster.nodes'],
  severity: 'error',
  messages: {
    duplicate: 'nodes {nodes} all advertise flannel public-ip {ip}: cross-node pod traffic goes to the wrong host',
    nat: 'node {node} advertises flannel public-ip {ip}, a NAT address other nodes cannot reach',
    notNodeAddress: 'node {node} advertises flannel public-ip {ip}, which is none of its addresses ({addresses})',
  },
  docs: 'Vagrant/multi-NIC machines: flanneld picks the default-route interface unless --iface is given (facts §10.4). A public-ip that is not a node address is only a note: public-ip-overwrite legitimately sets one for NAT.',
  check({ evidence, cluster, report }) {
    const byIp = new Map<string, string[]>();
    for (const n of cluster.nodes) {
      const ip = n.annotations[ANNOTATION_PREFIX + 'public-ip'];
      if (!ip) continue;
      byIp.set(ip, [...(byIp.get(ip) ?? []), n.name]);
    }
    const fix = ifaceFix(evidence, { step: 'flannel.rollout-restart', text: 'Restart the flannel pods (the address is fixed at start)' });
    for (const [ip, nodes] of byIp) {
      if (nodes.length > 1) {
        report({
          messageId: 'duplicate',
          data: { nodes: nodes.join(', '), ip },
          nodes,
          evidence: nodes.map((n) => ({ where: `node ${n}`, what: `annotation ${ANNOTATION_PREFIX}public-ip: ${ip}` })),
          fix,
        });
      } else if (NAT_ADDRESSES.has(ip) && cluster.nodes.length > 1) {
        report({ messageId: 'nat', data: { node: nodes[0], ip }, nodes, evidence: [{ where: `node ${nodes[0]}`, what: `annotation ${ANNOTATION_PREFIX}public-ip: ${ip}` }], fix });
      }
    }
    for (const n of cluster.nodes) {
      const ip = n.annotations[ANNOTATION_PREFIX + 'public-ip'];
      if (!ip || (byIp.get(ip)?.length ?? 0) > 1 || NAT_ADDRESSES.has(ip) || !n.addresses.length) continue;
      if (n.annotations[ANNOTATION_PREFIX + 'public-ip-overwrite'] || n.addresses.some((a) => a.address === ip)) continue;
      const addresses = n.addresses.filter((a) => a.type !== 'Hostname').map((a) => a.address);
      if (!addresses.length) continue;
      report({
        messageId: 'notNodeAddress',
        severity: 'info',
        data: { node: n.name, ip, addresses: addresses.join(', ') },
        nodes: [n.name],
        evidence: [{ where: `node ${n.name}`, what: `annotation ${ANNOTATION_PREFIX}public-ip: ${ip}; status.addresses: ${addresses.join(', ')}` }],
        fix,
      });
    }
  },
});
