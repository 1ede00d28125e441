import type { ProbePhase, RegistryProbeResult } from '../../evidence/probes.js';
import { testRule } from '../rule-tester.js';
import rule from './registry-probe.js';

const ph = (name: string, ok = true, error?: string): ProbePhase => ({ name, ok, ms: 1.5, ...(error ? { error } : {}) });
const okPhases = ['dns', 'tcp', 'tls', 'v2', 'manifest', 'platform'].map((n) => ph(n));
const res = (r: Partial<RegistryProbeResult>): RegistryProbeResult => ({ image: 'reg.lab:5000/app:1', registry: 'reg.lab:5000', node: 'n2', phases: okPhases, ok: true, ...r });
const probes = (registry: RegistryProbeResult[]) => ({ probes: { registry, ran: ['registry'] } });

testRule(rule, {
  healthy: [
    { name: 'every phase passes', evidence: probes([res({}), res({ node: 'n1' })]) },
    { name: 'no images probed', evidence: probes([]) },
  ],
  faulty: [
    {
      name: 'node resolver cannot resolve the registry',
      evidence: probes([res({ ok: false, cause: 'registry.dns', failedPhase: 'dns', phases: [ph('dns', false, 'lookup reg.lab on 10.0.0.2:53: no such host')] })]),
      expect: [{ cause: 'registry.dns', nodes: ['n2'], registry: 'reg.lab:5000', severity: 'error', messageIncludes: 'no such host' }],
    },
    {
      name: 'untrusted CA on one node, healthy on another',
      evidence: probes([res({ node: 'n1' }), res({ ok: false, cause: 'registry.tls-untrusted', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'x509: certificate signed by unknown authority')] })]),
      expect: [{ cause: 'registry.tls-untrusted', nodes: ['n2'], messageIncludes: 'tls phase' }],
    },
    {
      name: 'rate limited carries the headers',
      evidence: probes([res({ ok: false, cause: 'image.rate-limited', failedPhase: 'manifest', rateLimit: { limit: '100;w=21600', remaining: '0;w=21600' }, phases: [ph('dns'), ph('tcp'), ph('v2'), ph('manifest', false, '429 toomanyrequests')] })]),
      expect: [{ cause: 'image.rate-limited', nodes: ['n2'] }],
    },
    {
      name: 'a broken mirror before a working server is a warning',
      evidence: probes([res({ cause: 'registry.mirror-misconfigured', failedPhase: 'mirror m tcp', attempts: [{ endpoint: 'https://mirror.lab', mirror: true, ok: false, cause: 'registry.connection-refused', failedPhase: 'tcp', error: 'connection refused' }, { endpoint: 'https://reg.lab:5000', mirror: false, ok: true }] })]),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n2'], severity: 'warning', messageIncludes: 'mirror.lab' }],
    },
  ],
});
