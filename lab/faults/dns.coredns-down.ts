import type { FaultSpec } from '../types.js';
import { until } from './_cluster.js';
import { corednsPods, podsReady } from './_dns.js';

/** CoreDNS scaled to zero (a bad rollout, an operator's mistake): kube-dns has no endpoints. */
const fault: FaultSpec = {
  description: 'scales the coredns Deployment to 0; the kube-dns Service has no ready endpoints',
  where: 'cluster',
  async inject(lab) {
    const dep = lab.api.get('Deployment', 'kube-system', 'coredns');
    const replicas = dep?.spec?.replicas ?? 2;
    lab.api.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system' }, spec: { ...dep!.spec, replicas: 0 } });
    await until('CoreDNS pods gone', () => corednsPods(lab).length === 0 || undefined, 90_000);
    return { replicas };
  },
  async revert(lab, state) {
    const dep = lab.api.get('Deployment', 'kube-system', 'coredns');
    lab.api.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system' }, spec: { ...dep!.spec, replicas: (state as { replicas: number }).replicas } });
    await until('CoreDNS pods back', () => corednsPods(lab).length > 0 || undefined, 60_000);
    await podsReady(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
  },
};
export default fault;
