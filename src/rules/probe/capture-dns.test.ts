import type { CaptureDnsServer, CaptureEvidence } from '../../evidence/capture.js';
import { testRule } from '../rule-tester.js';
import { B, withCapture } from './_capture-sample.js';
import rule from './capture-dns.js';

const server = (over: Partial<CaptureDnsServer>) => (c: CaptureEvidence) => void Object.assign(c.dns.servers[0], over);

testRule(rule, {
  healthy: [
    { name: 'answers fast, two NXDOMAIN for a missing service', evidence: withCapture() },
    { name: 'unanswered in a one-way tunnel is left to the one-way rule', evidence: withCapture((c) => { server({ unanswered: 50 })(c); c.pairs = c.pairs.filter((p) => p.src !== B); }) },
  ],
  faulty: [
    {
      name: 'SERVFAIL for most external names',
      evidence: withCapture((c) => {
        server({ servfail: 120 })(c);
        c.dns.failedNames.push({ name: 'registry.k8s.io', rcode: 'SERVFAIL', count: 100 });
      }),
      expect: [
        {
          cause: 'dns.upstream',
          messageId: 'servfail',
          data: { server: '10.244.2.3', servfail: 120, responses: 400, names: 'registry.k8s.io' },
          fix: [
            "Test each upstream from a CoreDNS node: for ns in $(awk '/^nameserver/ {print $2}' /etc/resolv.conf); do dig +time=2 +tries=1 @$ns example.com; done",
            'Remove dead resolvers from the node resolv.conf, or list working ones explicitly in the Corefile forward line.',
            'If pods cannot reach outside at all, check masquerading (flannel --ip-masq) and the node firewall.',
          ],
        },
      ],
    },
    {
      name: 'CoreDNS silent while its node answers other traffic',
      evidence: withCapture(server({ unanswered: 200, responses: 200, unansweredFrom: ['10.244.1.5'] })),
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'silent',
          data: { server: '10.244.2.3', unanswered: 200, queries: 400 },
          nodes: ['192.168.56.12'],
          fix: [
            'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
            'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
            'Restart CoreDNS after the fix: kubectl rollout restart deployment -n kube-system coredns',
          ],
        },
      ],
    },
    {
      name: 'external names walk the search list',
      evidence: withCapture((c) => (c.dns.failedNames = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'].map((s) => ({ name: `registry.k8s.io.${s}`, rcode: 'NXDOMAIN', count: 20 })))),
      expect: [
        {
          cause: 'dns.search-ndots',
          messageId: 'ndots',
          data: { count: 60, example: 'registry.k8s.io.default.svc.cluster.local' },
          severity: 'info',
          fix: [
            'Use fully qualified names with a trailing dot for external hosts (api.example.com.).',
            'Lower ndots for the workload: spec.dnsConfig.options: [{name: ndots, value: "2"}].',
            "Shorten the node's search list (kubelet passes it to pods).",
          ],
        },
      ],
    },
  ],
});
