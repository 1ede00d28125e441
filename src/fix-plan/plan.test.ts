import { testTempDir } from '../test-temp-dir.js';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type DiagnosisReport } from '../engine/diagnose.js';
import { RULES } from '../rules/index.js';
import { readBundle } from '../sources/bundle/read.js';
import { styleFor } from '../report/style.js';
import { buildPlan, planCounts, type FixPlan } from './plan.js';
import { renderPlanMarkdown, renderPlanSh, renderPlanText } from './render.js';

const EXAMPLE = new URL('../../examples/broken-cluster', import.meta.url).pathname;

describe('the fix plan of the bundled example', () => {
  let report: DiagnosisReport;
  let plan: FixPlan;
  beforeAll(async () => {
    report = diagnose((await readBundle(EXAMPLE)).evidence, RULES, { version: 'test', now: new Date('2026-12-01T00:00:00Z') });
    plan = buildPlan(report);
  });

  it('has the root causes in rank order, each with its steps', () => {
    expect(plan.causes.map((c) => c.cause)).toEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => f.cause));
    for (const c of plan.causes) expect(c.steps.length, c.cause).toBeGreaterThan(0);
  });

  it('runs a node step once per node, and marks a step applicable only with an exact command at a reachable place', () => {
    const dns = plan.causes.find((c) => c.cause === 'registry.dns')!;
    expect(dns.steps.filter((s) => s.text.startsWith('Resolve the name')).map((s) => s.node)).toEqual(['node-a', 'node-b']);
    for (const s of plan.causes.flatMap((c) => c.steps)) {
      if (s.applicable) {
        expect(s.run, s.id).toBeTruthy();
        expect(['node', 'cluster'], s.id).toContain(s.on);
        expect(s.missing ?? [], s.id).toEqual([]);
        expect(`${s.run} ${s.verify ?? ''}`, s.id).not.toMatch(/<[a-z][A-Za-z0-9]*>/);
      } else expect(s.manual, s.id).toBeTruthy();
    }
  });

  it('gives the missing podCIDR as an exact patch with its check', () => {
    const step = plan.causes.find((c) => c.cause === 'flannel.no-pod-cidr')!.steps[0];
    expect(step).toMatchObject({ applicable: true, on: 'cluster', where: 'cluster' });
    expect(step.run).toMatch(/^kubectl patch node node-c --type merge -p '\{"spec":\{"podCIDR":"10\.244\.2\.0\/24"/);
    expect(step.verify).toContain('10.244.2.0/24');
  });

  it('asks for the pull secret\'s credentials instead of inventing them, and says where they come from', () => {
    const steps = plan.causes.find((c) => c.cause === 'image.pullsecret-wrong-registry')!.steps;
    expect(steps[0]).toMatchObject({ on: 'person', applicable: false, inputs: [{ env: 'REGISTRY_USER' }, { env: 'REGISTRY_PASSWORD' }] });
    expect(steps[1].run).toContain('--docker-password="$REGISTRY_PASSWORD"');
    expect(steps[1].inputs?.map((i) => i.env)).toEqual(['REGISTRY_USER', 'REGISTRY_PASSWORD']);
  });

  it('renders as text, markdown and a shell script that sh can parse', () => {
    const { steps, applicable } = planCounts(plan);
    expect(renderPlanText(plan, styleFor({ isTTY: false } as NodeJS.WriteStream))).toContain(`${steps} steps; ${applicable} can be applied as printed`);
    expect(renderPlanMarkdown(plan)).toContain("`kubectl patch node node-c --type merge -p '{");
    const sh = renderPlanSh(plan);
    const file = join(testTempDir('fd-plan-'), 'fix.sh');
    writeFileSync(file, sh);
    execFileSync('sh', ['-n', file]);
    for (const s of plan.causes.flatMap((c) => c.steps)) expect(sh.includes(`step '${s.id}'`), s.id).toBe(s.applicable);
    expect(sh).toContain(': "${REGISTRY_PASSWORD:?set REGISTRY_PASSWORD first');
  });

  it('is empty for a healthy diagnosis', () => {
    const healthy = buildPlan({ ...report, verdict: 'healthy', findings: [] });
    expect(healthy.causes).toEqual([]);
    expect(renderPlanText(healthy, styleFor({ isTTY: false } as NodeJS.WriteStream))).toMatch(/^Nothing to fix/);
  });
});
