import { startClusterDns, stopClusterDns } from '../dns.js';
import type { Fault } from '../types.js';
import { corednsReady, corednsUnready } from './_dns.js';

/** CoreDNS is not serving: its process is stopped and its pod is not Ready (readiness failing). */
const fault: Fault = {
  id: 'dns.coredns-down',
  cause: 'dns.coredns-down',
  description: 'stops the cluster DNS server; the coredns pod is not Ready and kube-dns has no ready endpoints',
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    await stopClusterDns(lab.state);
    await corednsUnready(lab, 'unready', []);
    return {};
  },
  async revert(lab) {
    await startClusterDns(lab.state);
    await corednsReady(lab);
  },
};
export default fault;
