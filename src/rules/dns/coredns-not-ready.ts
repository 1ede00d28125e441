import { defineRule } from '../define-rule.js';

const COREDNS = (labels: Record<string, string>) => labels['k8s-app'] === 'kube-dns';

export default defineRule({
  id: 'dns/coredns-not-ready',
  layer: 'dns',
  description: 'CoreDNS pods (k8s-app=kube-dns) must be running and Ready; otherwise in-cluster names do not resolve.',
  causes: ['dns.coredns-down', 'dns.loop'],
  scope: 'cluster',
  needs: ['cluster.pods'],
  severity: 'error',
  messages: {
    notReady: 'CoreDNS pod {pod} is not Ready ({state})',
    none: 'no CoreDNS pod (label k8s-app=kube-dns) exists in the cluster',
    loop: 'CoreDNS pod {pod} crashes on a forwarding loop',
  },
  check({ cluster, report, classify }) {
    const pods = cluster.pods.filter((p) => COREDNS(p.labels));
    const corednsDeployed = cluster.workloads.some((w) => COREDNS(w.selector) || w.name === 'coredns');
    if (!pods.length && corednsDeployed) {
      report({ messageId: 'none', evidence: [{ where: 'cluster', what: 'Deployment coredns exists but no pod with label k8s-app=kube-dns' }] });
    }
    for (const p of pods) {
      const ready = p.conditions.find((c) => c.type === 'Ready')?.status === 'True';
      if (ready && p.phase === 'Running') continue;
      const st = p.statuses.find((s) => !s.ready) ?? p.statuses[0];
      const state = [p.phase, st?.reason, st?.lastTerminationReason].filter(Boolean).join(', ') || 'unknown';
      const ref = `${p.namespace}/${p.name}`;
      const texts = [st?.message, st?.lastTerminationMessage].filter((t): t is string => !!t);
      const loop = texts.some((t) => classify(t).cause === 'dns.loop');
      report({
        messageId: loop ? 'loop' : 'notReady',
        cause: loop ? 'dns.loop' : 'dns.coredns-down',
        data: { pod: ref, state },
        nodes: p.nodeName ? [p.nodeName] : [],
        pods: [ref],
        evidence: [{ where: `pod ${ref}`, what: `phase ${p.phase ?? '?'}, ${st ? `container ${st.name} ${st.state}${st.reason ? ` (${st.reason})` : ''}` : 'no container status'}` }, ...texts.map((t) => ({ where: `pod ${ref}`, what: t }))],
      });
    }
  },
});
