import { defineRule } from '../define-rule.js';

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** kubeadm's CoreDNS Deployment runs two replicas. */
const DEFAULT_REPLICAS = 2;
const SAFE = /^[a-z0-9.-]+$/;

export default defineRule({
  id: 'dns/kube-dns-endpoints',
  layer: 'dns',
  description:
    'The kube-dns Service must have ready endpoints: without them every pod\'s DNS query to the Service IP goes nowhere, whether CoreDNS pods are down or the Service selector matches none of them.',
  causes: ['dns.coredns-down', 'dns.service-unreachable'],
  scope: 'cluster',
  needs: ['cluster.services', 'cluster.endpoints', 'cluster.pods'],
  severity: 'error',
  messages: {
    noReady: 'Service kube-system/kube-dns ({ip}) has no ready endpoints{notReady}',
    selector: 'Service kube-system/kube-dns selects {selector}, which matches none of the CoreDNS pods ({labels})',
  },
  check({ cluster, report }) {
    const svc = cluster.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
    if (!svc) return;
    const ep = cluster.endpoints.find((e) => e.namespace === svc.namespace && e.name === svc.name);
    const ready = ep?.addresses ?? [];
    const selectorText = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',') || '(none)';
    const dnsPods = cluster.pods.filter((p) => p.namespace === 'kube-system' && (p.labels['k8s-app'] === 'kube-dns' || /^coredns-/.test(p.name)));
    const selected = dnsPods.filter((p) => matches(svc.selector, p.labels));
    const svcEvidence = { where: 'service kube-system/kube-dns', what: `clusterIP ${svc.clusterIP ?? '?'}, selector ${selectorText}` };
    if (dnsPods.length && !selected.length && Object.keys(svc.selector).length) {
      report({
        messageId: 'selector',
        cause: 'dns.service-unreachable',
        data: { selector: selectorText, labels: dnsPods.map((p) => Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(',')).join('; ') },
        pods: dnsPods.map((p) => `${p.namespace}/${p.name}`),
        evidence: [svcEvidence, ...dnsPods.slice(0, 3).map((p) => ({ where: `pod ${p.namespace}/${p.name}`, what: `labels ${JSON.stringify(p.labels)}` }))],
        fix: ['Make the Service selector match the CoreDNS pod labels (k8s-app=kube-dns on kubeadm, k3s and most distributions): kubectl -n kube-system edit service kube-dns'],
      });
      return;
    }
    if (ready.length) return;
    // The Deployment behind the Service asking for no pods: nothing is broken, there is simply no CoreDNS.
    const scaledToZero = cluster.workloads.find(
      (w) => w.kind === 'Deployment' && w.namespace === svc.namespace && w.desired === 0 && Object.keys(w.selector).length > 0 && matches(svc.selector, w.selector) && SAFE.test(w.name),
    );
    const notReady = ep?.notReadyAddresses.length ? `; not ready: ${ep.notReadyAddresses.join(', ')}` : '';
    report({
      messageId: 'noReady',
      cause: 'dns.coredns-down',
      data: { ip: svc.clusterIP ?? '?', notReady },
      nodes: [...new Set(selected.map((p) => p.nodeName).filter((n): n is string => !!n))],
      pods: selected.map((p) => `${p.namespace}/${p.name}`),
      evidence: [svcEvidence, { where: 'endpoints kube-system/kube-dns', what: ep ? `addresses: none${notReady}` : 'no Endpoints object' }],
      fix: scaledToZero
        ? [
            {
              step: 'deployment.scale',
              data: { workloadNamespace: scaledToZero.namespace, workload: scaledToZero.name, replicas: DEFAULT_REPLICAS },
              text: 'Scale Deployment {workloadNamespace}/{workload} back up: it asks for 0 replicas ({replicas} is the kubeadm default; use the count the cluster had)',
            },
            'Find who scaled it down (an autoscaler with minReplicas 0, a GitOps source): otherwise it happens again',
          ]
        : ['Get CoreDNS Ready: kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide; kubectl -n kube-system logs -l k8s-app=kube-dns --previous', 'See the CoreDNS pod finding for why they are not Ready.'],
    });
  },
});
