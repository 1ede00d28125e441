import { forwardTargets, isLoopbackUpstream, parseCorefile } from '../../parsers/corefile.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'dns/corefile-loop',
  layer: 'dns',
  description:
    'The CoreDNS Corefile must not forward to a loopback address (127.x, ::1): inside the CoreDNS pod that is CoreDNS itself, so queries loop until the loop plugin kills it (CrashLoopBackOff) or, without loop, until it runs out of memory.',
  causes: ['dns.loop'],
  scope: 'cluster',
  needs: ['cluster.configmaps'],
  severity: 'error',
  messages: {
    loopback: 'CoreDNS forwards zone {zone} to {target}, its own loopback: queries loop',
  },
  docs: '`forward . /etc/resolv.conf` is the default and is judged on the nodes (a loopback resolver in the node file the kubelet hands CoreDNS). This rule reads the ConfigMap kube-system/coredns only.',
  check({ cluster, report }) {
    const cm = cluster.configMaps.find((m) => m.namespace === 'kube-system' && m.name === 'coredns');
    const text = cm?.data.Corefile;
    if (!cm || !text) return;
    const core = parseCorefile(text);
    for (const s of core.servers) {
      for (const f of forwardTargets(s)) {
        const bad = f.to.filter(isLoopbackUpstream);
        if (!bad.length) continue;
        const hasLoopPlugin = s.plugins.some((p) => p.name === 'loop');
        report({
          messageId: 'loopback',
          data: { zone: f.from, target: bad.join(', ') },
          evidence: [
            { where: `configmap kube-system/coredns Corefile line ${f.line}`, what: text.split(/\r?\n/)[f.line - 1].trim() },
            { where: 'configmap kube-system/coredns Corefile', what: hasLoopPlugin ? 'loop plugin enabled: CoreDNS exits with "Loop … detected"' : 'no loop plugin: the loop is not detected, queries pile up' },
          ],
          fix: [
            `Forward to real upstream resolvers instead of ${bad.join(', ')}: e.g. \`forward . /etc/resolv.conf\` with kubelet resolvConf: /run/systemd/resolve/resolv.conf on systemd-resolved nodes, or \`forward . <upstream DNS IPs>\`.`,
            'kubectl -n kube-system edit configmap coredns; the reload plugin applies it within a minute (or kubectl -n kube-system rollout restart deployment coredns).',
          ],
        });
      }
    }
  },
});
