import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = new URL('../deploy/', import.meta.url).pathname;
const docs = readdirSync(join(dir, 'manifests'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(join(dir, 'manifests', f), 'utf8')).map((d) => ({ f, obj: d.toJS() as any })));

describe('deploy manifests', () => {
  it('parse and hold the objects the agent needs', () => {
    const kinds = docs.map((d) => `${d.obj.kind}/${d.obj.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Namespace/flannel-doctor', 'ServiceAccount/flannel-doctor', 'ClusterRole/flannel-doctor-read', 'DaemonSet/flannel-doctor-agent', 'Service/flannel-doctor-agent', 'CronJob/flannel-doctor-diagnose', 'Role/flannel-doctor-pull-secrets']));
  });

  it('the cluster-wide role is read-only and never grants secrets', () => {
    const role = docs.find((d) => d.obj.kind === 'ClusterRole' && d.obj.metadata.name === 'flannel-doctor-read')!.obj;
    for (const rule of role.rules) {
      expect(rule.resources).not.toContain('secrets');
      for (const v of rule.verbs) expect(['get', 'list', 'watch']).toContain(v);
    }
    const secretRole = docs.find((d) => d.obj.kind === 'Role' && d.obj.metadata.name === 'flannel-doctor-pull-secrets')!.obj;
    expect(secretRole.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]);
  });

  it('the agent may write only its verdict: patch nodes/status and create events, nothing more', () => {
    const writes = docs.filter((d) => /Role$/.test(d.obj.kind) && d.obj.rules?.some((r: any) => r.verbs.some((v: string) => !['get', 'list', 'watch'].includes(v))));
    const granted = writes.flatMap((d) => d.obj.rules.flatMap((r: any) => r.resources.flatMap((res: string) => r.verbs.map((v: string) => `${v} ${res}`))));
    expect(granted.sort()).toEqual(['create events', 'patch nodes/status']);
    const helm = readFileSync(join(dir, 'helm/flannel-doctor/templates/rbac.yaml'), 'utf8');
    expect(helm).toContain('resources: [nodes/status], verbs: [patch]');
    expect(helm).toContain('resources: [events], verbs: [create]');
  });

  it('the agent runs with requests, limits, a read-only host root and only NET_RAW/NET_ADMIN', () => {
    const ds = docs.find((d) => d.obj.kind === 'DaemonSet')!.obj;
    const c = ds.spec.template.spec.containers[0];
    expect(c.resources.requests.cpu).toBeDefined();
    expect(c.resources.limits.memory).toBeDefined();
    expect(c.securityContext.privileged).toBe(false);
    expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['NET_RAW', 'NET_ADMIN'] });
    expect(c.volumeMounts.find((m: any) => m.mountPath === '/host').readOnly).toBe(true);
  });

  it('the Helm chart, Grafana dashboard and alert rules parse', () => {
    expect(parse(readFileSync(join(dir, 'helm/flannel-doctor/Chart.yaml'), 'utf8')).name).toBe('flannel-doctor');
    const values = parse(readFileSync(join(dir, 'helm/flannel-doctor/values.yaml'), 'utf8'));
    expect(values.agent.resources.limits.memory).toBeDefined();
    const dash = JSON.parse(readFileSync(join(dir, 'grafana/flannel-doctor-dashboard.json'), 'utf8'));
    for (const p of dash.panels) expect(p.targets[0].expr).toMatch(/flannel_doctor_/);
    const rules = parse(readFileSync(join(dir, 'prometheus/flannel-doctor-rules.yaml'), 'utf8'));
    const alerts = rules.spec.groups[0].rules.map((r: any) => r.alert);
    expect(alerts).toEqual(expect.arrayContaining(['FlannelDoctorRegistryUnreachable', 'FlannelDoctorOverlayLoss', 'FlannelDoctorDnsFailing', 'FlannelDoctorFlannelNotReady', 'FlannelDoctorChecksStale']));
  });

  it('the agent is authenticated by default: its token comes from a Secret, never from args or a literal', () => {
    const ds = docs.find((d) => d.obj.kind === 'DaemonSet')!.obj;
    const c = ds.spec.template.spec.containers[0];
    const tokenEnv = (env: any[]) => env?.find((e: any) => e.name === 'FLANNEL_DOCTOR_TOKEN');
    expect(tokenEnv(c.env)?.valueFrom?.secretKeyRef).toEqual({ name: 'flannel-doctor-token', key: 'token' });
    expect(c.args.join(' ')).not.toMatch(/--token|--open-metrics/);
    // The scheduled diagnose reaches the agents through the pod proxy with the same token.
    const cron = docs.find((d) => d.obj.kind === 'CronJob')!.obj;
    expect(tokenEnv(cron.spec.jobTemplate.spec.template.spec.containers[0].env)?.valueFrom?.secretKeyRef).toEqual({ name: 'flannel-doctor-token', key: 'token' });
    // No object serves the agent's port to Prometheus without auth unless asked for.
    expect(JSON.stringify(ds.spec.template.metadata.annotations ?? {})).not.toMatch(/prometheus\.io\/scrape/);
  });

  it('the Helm chart creates a random token Secret by default and wires it to the agent and the CronJob', () => {
    const t = (f: string) => readFileSync(join(dir, 'helm/flannel-doctor/templates', f), 'utf8');
    const values = parse(readFileSync(join(dir, 'helm/flannel-doctor/values.yaml'), 'utf8'));
    expect(values.agent.tokenSecret).toBe('');
    expect(values.agent.openMetrics).toBe(false);
    const secret = t('token-secret.yaml');
    expect(secret).toMatch(/if not \.Values\.agent\.tokenSecret/);
    expect(secret).toMatch(/randAlphaNum 48/);
    expect(secret).toMatch(/lookup "v1" "Secret"/);
    for (const f of ['daemonset.yaml', 'cronjob.yaml']) {
      expect(t(f), f).toMatch(/name: FLANNEL_DOCTOR_TOKEN\s+valueFrom: \{ secretKeyRef: \{ name: \{\{ include "fd\.tokenSecret" \. \}\}, key: token \} \}/);
      expect(t(f), f).not.toMatch(/\{\{- if \.Values\.agent\.tokenSecret \}\}/);
    }
    expect(t('daemonset.yaml')).toMatch(/if \.Values\.agent\.openMetrics \}\}\s+- --open-metrics/);
  });
});
