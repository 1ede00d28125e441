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
