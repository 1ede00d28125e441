import { UPSTREAM_DNS_IP } from '../plan.js';
import type { FaultSpec } from '../types.js';
import { ipt } from './_helpers.js';
import { corednsPods, podsReady } from './_dns.js';

const rule = (podIp: string, proto: string) => ['FORWARD', '-s', `${podIp}/32`, '-d', `${UPSTREAM_DNS_IP}/32`, '-p', proto, '--dport', '53', '-j', 'DROP'];

/** Traffic from CoreDNS to its upstream resolver is dropped: cluster names resolve, external names time out. */
const fault: FaultSpec = {
  description: `drops DNS from the CoreDNS pods to their upstream ${UPSTREAM_DNS_IP} on their nodes (the real CoreDNS logs the timeouts)`,
  where: 'cluster',
  async inject(lab) {
    const dropped: { node: string; ip: string }[] = [];
    // a CoreDNS pod being replaced (after an earlier revert) would take a new IP past the rule
    await podsReady(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
    for (const p of corednsPods(lab)) {
      const node = lab.node(p.spec.nodeName);
      for (const proto of ['udp', 'tcp']) await ipt(lab, node.netns, ['-I', ...rule(p.status.podIP, proto)]);
      dropped.push({ node: node.name, ip: p.status.podIP });
    }
    return { dropped };
  },
  async revert(lab, state) {
    for (const d of (state as { dropped: { node: string; ip: string }[] }).dropped ?? []) {
      for (const proto of ['udp', 'tcp']) await ipt(lab, lab.node(d.node).netns, ['-D', ...rule(d.ip, proto)], true);
    }
  },
};
export default fault;
