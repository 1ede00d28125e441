/**
 * The shipped alerts under the real promtool (Debian's prometheus package, installed by
 * scripts/setup.sh): `check rules` on the PrometheusRule's spec and on the recording rules, and
 * `test rules` on deploy/prometheus/tests, which must hold a firing case for every alert.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const prom = path.join(root, 'deploy/prometheus');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-promtool-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function promtool(args: string[], cwd = work) {
  const r = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`promtool: ${r.error.message} (install Debian's prometheus: scripts/setup.sh)`);
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The PrometheusRule's spec as a plain rule file, where the tests' rule_files expects it. */
function writeRules(doc: unknown, dir = work): string {
  const spec = (doc as { spec: unknown }).spec;
  fs.writeFileSync(path.join(dir, 'rules.yaml'), stringify(spec));
  return path.join(dir, 'rules.yaml');
}

const ruleDoc = parse(fs.readFileSync(path.join(prom, 'flannel-doctor-rules.yaml'), 'utf8'));
const alerts: string[] = ruleDoc.spec.groups.flatMap((g: { rules: { alert?: string }[] }) => g.rules.map((r) => r.alert).filter(Boolean));
const testFile = path.join(prom, 'tests', 'flannel-doctor-rules.test.yaml');

describe('promtool on the shipped rules', () => {
  it('check rules: the alerts and the recording rules', () => {
    const r = promtool(['check', 'rules', writeRules(ruleDoc), path.join(prom, 'flannel-doctor-recording-rules.yaml')]);
    expect(r.out).toMatch(/SUCCESS: 6 rules found/);
    expect(r.code, r.out).toBe(0);
  });

  it('test rules: every alert has a case where it fires, and they pass', () => {
    const tests = parse(fs.readFileSync(testFile, 'utf8'));
    const fired = new Set<string>();
    for (const t of tests.tests) for (const a of t.alert_rule_test ?? []) if (a.exp_alerts?.length) fired.add(a.alertname);
    expect([...fired].sort()).toEqual([...alerts].sort());
    writeRules(ruleDoc);
    fs.copyFileSync(testFile, path.join(work, 'rules.test.yaml'));
    const r = promtool(['test', 'rules', 'rules.test.yaml']);
    expect(r.code, r.out).toBe(0);
  });

  it('the tests can fail: an alert whose threshold is changed fails its case', () => {
    const broken = structuredClone(ruleDoc);
    const rule = broken.spec.groups[0].rules.find((r: { alert?: string }) => r.alert === 'FlannelDoctorDnsSlow');
    rule.expr = rule.expr.replace('> 1', '> 5');
    const dir = fs.mkdtempSync(path.join(work, 'broken-'));
    writeRules(broken, dir);
    fs.copyFileSync(testFile, path.join(dir, 'rules.test.yaml'));
    const r = promtool(['test', 'rules', 'rules.test.yaml'], dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/FlannelDoctorDnsSlow/);
  });

  it('the Helm chart ships the same alerts', () => {
    const tpl = fs.readFileSync(path.join(root, 'deploy/helm/flannel-doctor/templates/prometheusrule.yaml'), 'utf8');
    for (const a of alerts) expect(tpl).toContain(`alert: ${a}`);
    expect(execFileSync('promtool', ['--version'], { encoding: 'utf8' })).toMatch(/promtool, version 2\./);
  });
});
