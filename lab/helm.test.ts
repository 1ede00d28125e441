/**
 * The Helm chart under the real helm (helm.sh/helm/v4, built by lab/components/build.sh): `helm lint`,
 * `helm template`, and the rendered objects accepted by the lab's real API server in a server-side dry
 * run (admission, RBAC object validation, schema of every field). Needs the lab's prerequisites like
 * lab.test.ts; FD_TEST_LAB=<name> uses a lab you brought up yourself.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { components, programOf } from './cluster/components.js';
import { kubectl } from './cluster/control-plane.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { packageRoot } from './package-root.js';

const reuse = process.env.FD_TEST_LAB;
const NAME = reuse ?? `fh${process.pid % 10_000_000}`;
const missing = components().filter((c) => !c.built);
const why = labPrerequisite() ?? (missing.length ? `components not built: ${missing.map((c) => c.name).join(', ')} (bash lab/components/build.sh)` : undefined);
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('helm chart', () => {
    it('needs Linux, root and the built components (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`helm lab tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

const chart = () => path.join(packageRoot(), 'deploy', 'helm', 'flannel-doctor');

function helm(args: string[]) {
  const r = spawnSync(programOf('helm', 'helm'), args, { encoding: 'utf8', env: { ...process.env, HELM_CACHE_HOME: '/tmp/fd-helm-cache', HELM_CONFIG_HOME: '/tmp/fd-helm-config', HELM_DATA_HOME: '/tmp/fd-helm-data' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every combination of the chart's switches that changes which objects it renders. */
const VARIANTS: { name: string; set: string[] }[] = [
  { name: 'defaults', set: [] },
  { name: 'existing token Secret, open metrics, no CronJob, pull secrets in two namespaces', set: ['agent.tokenSecret=my-token', 'agent.openMetrics=true', 'cronjob.enabled=false', 'pullSecretNamespaces={default,kube-system}'] },
];

d('the Helm chart with the real helm and the real API server', () => {
  let lab: OpenLab;
  beforeAll(async () => {
    if (!reuse) {
      await labDown(NAME);
      await labUp({ name: NAME, nodes: 1, podsPerNode: 0, images: false });
    }
    lab = await openLab(NAME);
  }, 1_800_000);
  afterAll(async () => {
    if (!reuse) await labDown(NAME);
  }, 600_000);

  it('helm is the pinned release', () => {
    const v = helm(['version', '--template', '{{.Version}}']);
    expect(v.stdout.trim()).toBe(components().find((c) => c.name === 'helm')!.version);
  });

  it('helm lint passes (strict: warnings fail too)', () => {
    const r = helm(['lint', '--strict', chart()]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  for (const v of VARIANTS) {
    it(`renders and the API server accepts every object (server-side dry run): ${v.name}`, async () => {
      const r = helm(['template', 'fd', chart(), '--namespace', 'flannel-doctor', ...v.set.flatMap((s) => ['--set', s])]);
      expect(r.code, r.stderr).toBe(0);
      const docs = parseAllDocuments(r.stdout).map((x) => x.toJSON()).filter(Boolean);
      const kinds = docs.map((o: any) => o.kind);
      expect(kinds).toEqual(expect.arrayContaining(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'DaemonSet']));
      // the namespace exists for the dry run (helm install --create-namespace makes it)
      await kubectl(lab, ['create', 'namespace', 'flannel-doctor'], { allowFail: true });
      // as `helm install -n flannel-doctor` does: the release namespace for namespaced objects that name none
      const CLUSTER_SCOPED = ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass'];
      for (const o of docs as any[]) if (!CLUSTER_SCOPED.includes(o.kind)) o.metadata.namespace ??= 'flannel-doctor';
      const dry = await kubectl(lab, ['apply', '--dry-run=server', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs }), allowFail: true });
      expect(dry.code, dry.stderr).toBe(0);
      // one line per object, each "(server dry run)"
      expect(dry.stdout.trim().split('\n').filter((l) => /\(server dry run\)$/.test(l)).length).toBe(docs.length);
    });
  }

  it('a broken object is refused by the same dry run (the check can fail)', async () => {
    const r = helm(['template', 'fd', chart(), '--namespace', 'flannel-doctor']);
    const docs = parseAllDocuments(r.stdout).map((x) => x.toJSON()).filter(Boolean) as any[];
    for (const o of docs) if (!['ClusterRole', 'ClusterRoleBinding'].includes(o.kind)) o.metadata.namespace ??= 'flannel-doctor';
    // the same objects pass (test above); with one field of the wrong type the API server refuses them
    docs.find((o) => o.kind === 'DaemonSet').spec.template.spec.hostNetwork = 'yes';
    const dry = await kubectl(lab, ['apply', '--dry-run=server', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs }), allowFail: true });
    expect(dry.stderr).toMatch(/hostNetwork/);
    expect(dry.code).not.toBe(0);
  });
});
