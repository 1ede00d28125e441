import type { PodInfo } from '../../evidence/cluster.js';
import { defineRule } from '../define-rule.js';
import { isLoopback } from '../_cidr.js';
import { forwardSteps, realUpstreams } from './_corefile-fix.js';

const isCoreDns = (p: PodInfo) => p.labels['k8s-app'] === 'kube-dns';

export default defineRule({
  id: 'dns/node-stub-loop',
  layer: 'dns',
  description:
    "A node resolv.conf pointing at a local stub (127.0.0.53, 127.0.0.1, ::1) is inherited by CoreDNS (dnsPolicy Default); with `forward . /etc/resolv.conf` CoreDNS then forwards to itself: a loop.",
  causes: ['dns.loop'],
  scope: 'node',
  needs: ['node.resolvConf', 'cluster.pods'],
  severity: 'warning',
  messages: {
    looping: 'node {node}: resolv.conf points at {stub} and CoreDNS pod {pod} on this node is {state}: a DNS forwarding loop',
    risk: 'node {node}: resolv.conf points at {stub}; a CoreDNS pod scheduled here would forward to itself',
    noGuard: 'node {node}: resolv.conf points at {stub}, CoreDNS pod {pod} runs here and its Corefile has no loop plugin to catch a loop',
  },
  docs: 'The loop plugin detects the loop within 30 s and exits with `Loop (…) detected for zone "."`, so the pod crash-loops (facts §9). A CoreDNS that is Ready on such a node with the loop plugin on proves kubelet hands it another file (kubeadm sets resolvConf: /run/systemd/resolve/resolv.conf when systemd-resolved runs): then nothing is said.',
  check({ cluster, node, report }) {
    const rc = node.resolvConf;
    if (!rc) return;
    const stubs = rc.nameservers.filter(isLoopback);
    if (!stubs.length) return;
    const corefile = cluster.configMaps.find((c) => c.namespace === 'kube-system' && c.name === 'coredns')?.data.Corefile;
    if (corefile && !/\b(forward|proxy)\s+\.\s+\/etc\/resolv\.conf\b/.test(corefile)) return; // explicit upstream
    const hasLoopPlugin = !corefile || /^\s*loop\s*$/m.test(corefile);
    const defaultPolicy = cluster.pods.filter((p) => isCoreDns(p) && (p.dnsPolicy ?? 'Default') === 'Default');
    if (!defaultPolicy.length) return;
    const here = defaultPolicy.filter((p) => p.nodeName === node.name);
    const stub = stubs.join(', ');
    // systemd-resolved's upstream list, when the node has one, is what CoreDNS should forward to.
    const upstreams = realUpstreams(node.resolvedUpstream?.nameservers ?? []);
    const kubelet = `Point kubelet on ${node.name} at the real upstream list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml, then systemctl restart kubelet and delete the CoreDNS pods`;
    // worded without the node, so the same patch found on several nodes is one step of the merged cause
    const exact = forwardSteps(cluster, upstreams, `(the upstream servers behind ${stub}, from ${node.resolvedUpstream?.file})`);
    const fix = exact
      ? [...exact, `${kubelet} (this also fixes the other dnsPolicy Default pods)`]
      : [kubelet, 'Or make CoreDNS forward to explicit upstreams: forward . <dns server 1> <dns server 2> in the coredns ConfigMap (this fixes CoreDNS only, not other dnsPolicy Default pods)'];
    const rcEvidence = [
      { where: `node ${node.name}: ${rc.file}`, what: rc.nameservers.map((n) => `nameserver ${n}`).join('; ') },
      ...(upstreams.length ? [{ where: `node ${node.name}: ${node.resolvedUpstream!.file}`, what: upstreams.map((n) => `nameserver ${n}`).join('; ') }] : []),
    ];
    const broken = here.find((p) => p.phase !== 'Running' || p.conditions.find((c) => c.type === 'Ready')?.status !== 'True');
    if (broken) {
      const st = broken.statuses.find((s) => !s.ready) ?? broken.statuses[0];
      const state = [broken.phase, st?.reason, st?.lastTerminationReason].filter(Boolean).join(', ') || 'not Ready';
      const ref = `${broken.namespace}/${broken.name}`;
      report({
        messageId: 'looping',
        severity: 'error',
        data: { node: node.name, stub, pod: ref, state },
        pods: [ref],
        evidence: [...rcEvidence, { where: `pod ${ref}`, what: `dnsPolicy ${broken.dnsPolicy ?? 'Default'}, ${state}` }, ...(corefile ? [{ where: 'configmap kube-system/coredns', what: 'forward . /etc/resolv.conf' }] : [])],
        fix,
      });
      return;
    }
    if (here.length && !hasLoopPlugin) {
      const ref = `${here[0].namespace}/${here[0].name}`;
      report({ messageId: 'noGuard', data: { node: node.name, stub, pod: ref }, pods: [ref], confidence: 0.6, evidence: [...rcEvidence, { where: 'configmap kube-system/coredns', what: 'forward . /etc/resolv.conf without loop' }], fix });
      return;
    }
    if (!here.length) {
      report({ messageId: 'risk', severity: 'info', data: { node: node.name, stub }, confidence: 0.4, evidence: [...rcEvidence, { where: 'cluster', what: `CoreDNS runs with dnsPolicy Default on ${[...new Set(defaultPolicy.map((p) => p.nodeName ?? '?'))].join(', ')}` }], fix });
    }
  },
});
