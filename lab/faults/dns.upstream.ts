import { UPSTREAM_DNS_IP, EXTERNAL_ZONE } from '../plan.js';
import { writePodLog } from '../kubelet.js';
import type { Fault } from '../types.js';
import { ipt } from './_helpers.js';
import { coredns } from './_dns.js';

/** Traffic from CoreDNS to its upstream resolver is dropped: cluster names resolve, external names time out. */
const fault: Fault = {
  id: 'dns.upstream',
  cause: 'dns.upstream',
  description: `drops DNS from the CoreDNS pod to its upstream ${UPSTREAM_DNS_IP} on the CoreDNS node`,
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const { node, pod } = coredns(lab);
    for (const proto of ['udp', 'tcp']) {
      await ipt(lab, node.netns, ['-I', 'FORWARD', '1', '-s', `${pod.ip}/32`, '-d', `${UPSTREAM_DNS_IP}/32`, '-p', proto, '--dport', '53', '-j', 'DROP']);
    }
    await writePodLog(lab, node, { namespace: 'kube-system', name: pod.name }, 'coredns', [
      `[ERROR] plugin/errors: 2 www.${EXTERNAL_ZONE}. A: read udp ${pod.ip}:36734->${UPSTREAM_DNS_IP}:53: i/o timeout`,
      `[ERROR] plugin/errors: 2 www.${EXTERNAL_ZONE}. AAAA: read udp ${pod.ip}:51202->${UPSTREAM_DNS_IP}:53: i/o timeout`,
    ], 'stdout');
    return {};
  },
  async revert(lab) {
    const { node, pod } = coredns(lab);
    for (const proto of ['udp', 'tcp']) {
      await ipt(lab, node.netns, ['-D', 'FORWARD', '-s', `${pod.ip}/32`, '-d', `${UPSTREAM_DNS_IP}/32`, '-p', proto, '--dport', '53', '-j', 'DROP'], true);
    }
    const { removePodLogs } = await import('../kubelet.js');
    await removePodLogs(node, { namespace: 'kube-system', name: pod.name });
  },
};
export default fault;
