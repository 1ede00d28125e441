import { expect, it } from 'vitest';
import { emptyProbes, type RegistryProbeResult } from '../evidence/probes.js';
import { emptyEvidence } from '../evidence/types.js';
import type { DiagnosisReport } from '../engine/diagnose.js';
import { AgentMetrics } from './metrics.js';

it('the registry probe metric carries the cause the rules judge from what the probe recorded', async () => {
  const refused: RegistryProbeResult = {
    image: 'reg.lab:5000/app:1',
    registry: 'reg.lab:5000',
    phases: [{ name: 'dns', ok: true, ms: 1 }, { name: 'tcp', ok: false, ms: 1, error: 'dial tcp 10.0.0.5:5000: connect: connection refused' }],
    ok: false,
    failedPhase: 'tcp',
    attempts: [{ endpoint: 'https://reg.lab:5000', mirror: false, ok: false, failure: { step: 'tcp', code: 'ECONNREFUSED' }, failedPhase: 'tcp' }],
  };
  const fine: RegistryProbeResult = { image: 'reg.lab:5000/ok:1', registry: 'reg.ok:5000', phases: [], ok: true, attempts: [{ endpoint: 'https://reg.ok:5000', mirror: false, ok: true }] };
  const evidence = emptyEvidence(['bundle']);
  evidence.probes = { ...emptyProbes(), registry: [refused, fine], ran: ['registry'] };
  const m = new AgentMetrics('n1');
  m.update({ at: new Date(0).toISOString(), durationMs: 1, evidence, report: { findings: [] } as unknown as DiagnosisReport, errors: [] });
  const text = await m.text();
  expect(text).toMatch(/flannel_doctor_registry_probe_success\{registry="reg\.lab:5000",cause="registry\.connection-refused",node="n1"\} 0/);
  expect(text).toMatch(/flannel_doctor_registry_probe_success\{registry="reg\.ok:5000",cause="none",node="n1"\} 1/);
});

it('renders a check once and the moving gauges on every scrape, as one valid exposition', async () => {
  const evidence = emptyEvidence(['bundle']);
  evidence.nodes = { n1: { links: [] } } as unknown as typeof evidence.nodes; // a check that saw its node
  const report = (causes: string[]) => ({ findings: causes.map((cause) => ({ cause, severity: 'error', tier: 'network' })) }) as unknown as DiagnosisReport;
  const m = new AgentMetrics('n1');
  m.update({ at: new Date(Date.now() - 5000).toISOString(), durationMs: 1, evidence, report: report(['dns.loop']), errors: [] });
  const first = await m.text();
  expect(first).toMatch(/flannel_doctor_findings\{cause="dns\.loop",severity="error",tier="network",node="n1"\} 1/);
  const age = (t: string) => Number(/flannel_doctor_last_success_age_seconds\{node="n1"\} ([\d.]+)/.exec(t)?.[1]);
  expect(age(first)).toBeGreaterThan(4);
  await new Promise((r) => setTimeout(r, 30));
  expect(age(await m.text())).toBeGreaterThan(age(first)); // the live part moves between checks
  m.setStale(true);
  expect(await m.text()).toMatch(/flannel_doctor_results_stale\{node="n1"\} 1/);
  m.update({ at: new Date().toISOString(), durationMs: 1, evidence, report: report(['flannel.mtu']), errors: [] });
  const next = await m.text();
  expect(next).not.toMatch(/cause="dns\.loop"/); // a new check is rendered anew
  expect(next).toMatch(/cause="flannel\.mtu"/);
  // every metric family once, each HELP before its samples (what Prometheus' parser requires)
  const families = [...next.matchAll(/^# HELP (\S+)/gm)].map((x) => x[1]);
  expect(new Set(families).size).toBe(families.length);
  for (const line of next.split('\n').filter((l) => l && !l.startsWith('#'))) expect(families.some((f) => line.startsWith(f)), line).toBe(true);
});
