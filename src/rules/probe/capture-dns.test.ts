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
      expect: [{ cause: 'dns.upstream', messageIncludes: 'SERVFAIL to 120 of 400' }],
    },
    {
      name: 'CoreDNS silent while its node answers other traffic',
      evidence: withCapture(server({ unanswered: 200, responses: 200, unansweredFrom: ['10.244.1.5'] })),
      expect: [{ cause: 'dns.coredns-down', nodes: [B], messageIncludes: '200 of 400 queries unanswered' }],
    },
    {
      name: 'external names walk the search list',
      evidence: withCapture((c) => (c.dns.failedNames = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'].map((s) => ({ name: `registry.k8s.io.${s}`, rcode: 'NXDOMAIN', count: 20 })))),
      expect: [{ cause: 'dns.search-ndots', severity: 'info' }],
    },
  ],
});
