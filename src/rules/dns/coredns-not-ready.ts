import type { PodInfo } from '../../evidence/cluster.js';
import type { EvidenceItem } from '../../findings/finding.js';
import { defineRule } from '../define-rule.js';

const COREDNS = (labels: Record<string, string>) => labels['k8s-app'] === 'kube-dns';
/** Kubelet reasons for a pod that cannot even get its sandbox or image (facts §4.3, §4.5). */
const SETUP_EVENT_REASONS = new Set(['FailedCreatePodSandBox', 'Failed', 'FailedScheduling', 'NetworkNotReady']);

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
  docs:
    'Reads the pod state, its termination messages, log lines a bundle attributed to the pod, and its sandbox/scheduling events: a loop detected by the loop plugin is named `dns.loop`; anything else is `dns.coredns-down` with the text that explains it (a CNI error there points at the network layer).',
  check({ cluster, evidence, report, classify }) {
    const pods = cluster.pods.filter((p) => COREDNS(p.labels) && p.phase !== 'Succeeded' && p.phase !== 'Failed');
    const corednsDeployed = cluster.workloads.filter((w) => w.kind === 'Deployment' && (COREDNS(w.selector) || w.name === 'coredns'));
    if (!pods.length && corednsDeployed.some((w) => (w.desired ?? 1) > 0)) {
      const w = corednsDeployed[0];
      report({ messageId: 'none', evidence: [{ where: `deployment ${w.namespace}/${w.name}`, what: `exists (replicas ${w.desired ?? '?'}, ready ${w.ready ?? 0}) but no pod with label k8s-app=kube-dns was found` }] });
    }
    for (const p of pods) {
      const ready = p.conditions.find((c) => c.type === 'Ready')?.status === 'True';
      if (ready && p.phase === 'Running') continue;
      judge(p);
    }

    function judge(p: Readonly<PodInfo>): void {
      const st = p.statuses.find((s) => !s.ready) ?? p.statuses[0];
      const state = [p.phase, st?.reason, st?.lastTerminationReason && `last exit ${st.lastTerminationReason}`, st?.restartCount ? `${st.restartCount} restarts` : undefined].filter(Boolean).join(', ') || 'unknown';
      const ref = `${p.namespace}/${p.name}`;
      const texts: EvidenceItem[] = [];
      for (const s of p.statuses) for (const t of [s.message, s.lastTerminationMessage]) if (t) texts.push({ where: `pod ${ref} container ${s.name}`, what: t });
      for (const m of evidence.messages) if (m.pod === ref || m.pod === p.name) texts.push({ where: m.where, what: m.text });
      for (const e of cluster.events) {
        if (e.involved.name === p.name && (e.involved.namespace ?? e.namespace) === p.namespace && e.type === 'Warning' && e.reason && SETUP_EVENT_REASONS.has(e.reason) && e.message) {
          texts.push({ where: `event ${ref} ${e.reason}${e.count > 1 ? ` (×${e.count})` : ''}`, what: e.message });
        }
      }
      const loop = texts.find((t) => classify(t.what).cause === 'dns.loop');
      const explained = loop ? undefined : texts.map((t) => ({ t, c: classify(t.what) })).find((x) => x.c.cause !== 'unknown');
      report({
        messageId: loop ? 'loop' : 'notReady',
        cause: loop ? 'dns.loop' : 'dns.coredns-down',
        data: { pod: ref, state },
        nodes: p.nodeName ? [p.nodeName] : [],
        pods: [ref],
        evidence: [
          { where: `pod ${ref}`, what: `phase ${p.phase ?? '?'}, ${st ? `container ${st.name} ${st.state}${st.reason ? ` (${st.reason})` : ''}` : 'no container status'}` },
          ...(loop ? [loop] : explained ? [explained.t] : []),
          ...texts.filter((t) => t !== loop && t !== explained?.t).slice(0, 3),
        ],
        ...(explained ? { alternatives: [explained.c.cause] } : {}),
      });
    }
  },
});
