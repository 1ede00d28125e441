import type { DnsProbeResult } from '../../evidence/probes.js';
import { testRule } from '../rule-tester.js';
import rule from './dns-probe.js';

const CL = 'kubernetes.default.svc.cluster.local';
const EXT = 'registry.k8s.io';
const q = (kind: DnsProbeResult['target']['kind'], server: string, name: string, outcome: DnsProbeResult['outcome'], extra: Partial<DnsProbeResult> = {}): DnsProbeResult => ({
  from: { kind: kind === 'node-resolver' || kind === 'upstream' ? 'node' : 'pod', node: 'n1' },
  target: { kind, server },
  name,
  nameKind: name === CL ? 'cluster' : 'external',
  outcome,
  ms: outcome === 'timeout' ? 2000 : 1.2,
  purpose: 'direct',
  ...(outcome === 'ok' ? { answers: ['10.96.0.1'] } : {}),
  ...extra,
});
const healthyChain = (over: Partial<Record<string, DnsProbeResult['outcome']>> = {}) => [
  q('service', '10.96.0.10', CL, over.svcCl ?? 'ok'),
  q('service', '10.96.0.10', EXT, over.svcExt ?? 'ok'),
  q('coredns-pod', '10.244.1.3', CL, over.podCl ?? 'ok'),
  q('coredns-pod', '10.244.1.3', EXT, over.podExt ?? 'ok'),
  q('upstream', '10.0.0.2', EXT, over.up ?? 'ok'),
  q('node-resolver', '10.0.0.2', EXT, over.node ?? 'ok'),
];
const probes = (dns: DnsProbeResult[]) => ({ probes: { dns, ran: ['dns'] } });

testRule(rule, {
  healthy: [
    { name: 'every link answers', evidence: probes(healthyChain()) },
    { name: 'a quick search walk', evidence: probes([...healthyChain(), q('service', '10.96.0.10', EXT, 'ok', { purpose: 'search-expansion', ms: 6, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'nxdomain', ms: 1 }, { name: EXT, outcome: 'ok', ms: 1 }] })]) },
  ],
  faulty: [
    { name: 'Service IP silent, pods answer', evidence: probes(healthyChain({ svcCl: 'timeout', svcExt: 'timeout' })), expect: [{ cause: 'dns.service-unreachable', nodes: ['n1'] }] },
    {
      name: 'Service IP silent: its failing search walk is not a search-ndots problem',
      evidence: probes([...healthyChain({ svcCl: 'timeout', svcExt: 'timeout' }), q('service', '10.96.0.10', EXT, 'timeout', { purpose: 'search-expansion', ms: 8000, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'timeout', ms: 2000 }, { name: EXT, outcome: 'timeout', ms: 2000 }] })]),
      expect: [{ cause: 'dns.service-unreachable' }],
    },
    { name: 'external names fail through CoreDNS', evidence: probes(healthyChain({ svcExt: 'servfail', podExt: 'servfail', up: 'timeout' })), expect: [{ cause: 'dns.upstream' }] },
    { name: 'nothing answers', evidence: probes(healthyChain({ svcCl: 'timeout', podCl: 'error', svcExt: 'timeout', podExt: 'error' })), expect: [{ cause: 'dns.coredns-down' }] },
    { name: 'node resolver broken, cluster DNS fine', evidence: probes(healthyChain({ node: 'timeout' })), expect: [{ cause: 'dns.node-resolver', nodes: ['n1'] }] },
    {
      name: 'SERVFAIL everywhere including random HINFO: a loop',
      evidence: probes([...healthyChain({ svcCl: 'servfail', podCl: 'servfail', svcExt: 'servfail', podExt: 'servfail' }), q('coredns-pod', '10.244.1.3', '1.2.', 'servfail', { purpose: 'loop-check' })]),
      expect: [{ cause: 'dns.loop' }],
    },
    {
      name: 'slow search walk',
      evidence: probes([...healthyChain(), q('service', '10.96.0.10', EXT, 'ok', { purpose: 'search-expansion', ms: 4100, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'nxdomain', ms: 1 }, { name: `${EXT}.corp`, outcome: 'timeout', ms: 4000 }, { name: EXT, outcome: 'ok', ms: 1 }] })]),
      expect: [{ cause: 'dns.search-ndots', severity: 'warning' }],
    },
  ],
});
