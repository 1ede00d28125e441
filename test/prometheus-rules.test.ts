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
import { DEFAULT_CONFIG } from '../src/agent/config.js';

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

  it('the fault alerts fire within three agent check intervals: the shipped interval, a 30 s scrape, the group\'s evaluation and `for`', () => {
    const seconds = (d: string) => Number(/^(\d+)(s|m)$/.exec(d)![1]) * (d.endsWith('m') ? 60 : 1);
    // the interval every shipped deployment runs with is the agent's default
    const cm = parse(fs.readFileSync(path.join(root, 'deploy/manifests/20-daemonset.yaml'), 'utf8').split(/^---$/m).find((d) => /kind: ConfigMap/.test(d))!);
    const interval = DEFAULT_CONFIG.intervalSeconds;
    expect(parse(cm.data['agent.yaml']).intervalSeconds).toBe(interval);
    expect(parse(fs.readFileSync(path.join(root, 'deploy/helm/flannel-doctor/values.yaml'), 'utf8')).agent.intervalSeconds).toBe(interval);
    const group = ruleDoc.spec.groups[0];
    const faultAlerts = group.rules.filter((r: { alert?: string }) => r.alert && r.alert !== 'FlannelDoctorChecksStale');
    expect(faultAlerts).toHaveLength(alerts.length - 1);
    for (const r of faultAlerts) {
      const worst = interval + 30 + seconds(group.interval) + seconds(r.for);
      expect(worst, `${r.alert}: ${interval} s check + 30 s scrape + ${group.interval} evaluation + for ${r.for}`).toBeLessThan(3 * interval);
    }
  });

  it('the tests can fail: the old `for: 3m` on FlannelDoctorOverlayLoss misses the 150 s firing', () => {
    const broken = structuredClone(ruleDoc);
    broken.spec.groups[0].rules.find((r: { alert?: string }) => r.alert === 'FlannelDoctorOverlayLoss').for = '3m';
    const dir = fs.mkdtempSync(path.join(work, 'slow-'));
    writeRules(broken, dir);
    fs.copyFileSync(testFile, path.join(dir, 'rules.test.yaml'));
    const r = promtool(['test', 'rules', 'rules.test.yaml'], dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/FlannelDoctorOverlayLoss/);
  });

  it('the Helm chart ships the same alerts', () => {
    const tpl = fs.readFileSync(path.join(root, 'deploy/helm/flannel-doctor/templates/prometheusrule.yaml'), 'utf8');
    for (const a of alerts) expect(tpl).toContain(`alert: ${a}`);
    // and the same timing: each alert's `for` and the group's interval
    const fors = (text: string) => [...text.matchAll(/alert: (\w+)\n(?:.*\n)*?\s+for: (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    const shipped = fs.readFileSync(path.join(prom, 'flannel-doctor-rules.yaml'), 'utf8');
    expect(fors(tpl)).toEqual(fors(shipped));
    expect(fors(tpl)).toHaveLength(alerts.length);
    expect(tpl).toContain('- name: flannel-doctor\n      interval: 15s\n');
    expect(execFileSync('promtool', ['--version'], { encoding: 'utf8' })).toMatch(/promtool, version 2\./);
  });
});
