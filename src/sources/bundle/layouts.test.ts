/**
 * No symptom left behind, in every bundle layout: a pod stuck in ImagePullBackOff whose detailed pull
 * event expired (built from the real k3s troubleshoot bundle) must be reported as an unexplained
 * finding, never as healthy; the same bundle with the detailed event is explained by its cause.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type DiagnosisReport } from '../../engine/diagnose.js';
import { RULES } from '../../rules/index.js';
import { SHARED } from '../../../test/shared-dir.js';
import { expiredEventsBundle, STUCK_CONTAINER, STUCK_NS, STUCK_POD, tarDir, toKubectlDir, toOlderLayout } from './expired-events.fixture.js';
import { openBundle, walk } from './files.js';
import { readBundle, type BundleRead } from './read.js';
import { writeBundle } from './write.js';

const K3S = `${SHARED}/data/bundles/troubleshoot-k3s-arm64.tar.gz`;
const REF = `${STUCK_NS}/${STUCK_POD}`;

function judge(r: BundleRead): DiagnosisReport {
  return diagnose(r.evidence, RULES, { now: new Date('2026-01-01T00:00:00Z') });
}

function expectUnexplainedPull(report: DiagnosisReport): void {
  expect(report.verdict).toBe('broken');
  const unknown = report.findings.filter((f) => f.cause === 'unknown');
  expect(unknown).toHaveLength(1);
  const f = unknown[0];
  expect(f).toMatchObject({ severity: 'error', pods: [REF], registry: 'docker.io', nodes: ['k3d-mycluster-server-0'] });
  expect(f.data).toMatchObject({ symptom: 'image-pull', image: 'nginx:latest', registry: 'docker.io', reason: 'ImagePullBackOff' });
  expect(f.message).toContain('nginx:latest');
  expect(f.fix).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`kubectl get events -n ${STUCK_NS} --field-selector involvedObject.kind=Pod,involvedObject.name=${STUCK_POD}`),
      expect.stringContaining('on node k3d-mycluster-server-0: flannel-doctor probe registry nginx:latest'),
      expect.stringContaining('on node k3d-mycluster-server-0: crictl pull nginx:latest'),
    ]),
  );
  // docker.io: throttling is a candidate; the evidence names no cause, so every usual suspect stays.
  expect(f.alternatives).toEqual(expect.arrayContaining(['image.not-found', 'image.auth-missing', 'image.rate-limited', 'registry.dns']));
  expect(f.evidence.map((e) => e.what)).toEqual(expect.arrayContaining([`waiting: ImagePullBackOff: Back-off pulling image "nginx:latest"`, 'Error: ImagePullBackOff']));
  expect(report.inventory).toMatchObject({ seen: 1, explained: 0, unexplained: 1 });
  expect(report.inventory.symptoms[0]).toMatchObject({ kind: 'image-pull', pod: REF, container: STUCK_CONTAINER, image: 'nginx:latest', registry: 'docker.io', finding: f.rank });
}

describe('bundle layouts: a pull failure whose events expired', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'fd-layouts-'));
  });
  afterAll(async () => rm(tmp, { recursive: true, force: true }));

  it('the real bundle as it is: healthy, no symptom', async () => {
    const report = judge(await readBundle(K3S));
    expect(report.verdict).toBe('healthy');
    expect(report.inventory).toEqual({ seen: 0, explained: 0, unexplained: 0, symptoms: [] });
  });

  it('troubleshoot.sh, current layout (.tar.gz): an unexplained finding, not healthy', async () => {
    const dir = await expiredEventsBundle(K3S, join(tmp, 'current'));
    const r = await readBundle(await tarDir(dir, join(tmp, 'current.tgz')));
    expect(r.layout).toBe('troubleshoot');
    expectUnexplainedPull(judge(r));
  });

  it('troubleshoot.sh, current layout with the kinds newer versions collect: daemonsets, configmaps, endpoints, service accounts read', async () => {
    const dir = await expiredEventsBundle(K3S, join(tmp, 'newer'), { newerKinds: true });
    const r = await readBundle(dir);
    const c = r.evidence.cluster!;
    expect(c.read).toEqual(expect.arrayContaining(['daemonsets', 'configmaps', 'endpoints', 'serviceaccounts', 'workloads']));
    expect(c.configMaps.map((m) => m.name)).toEqual(['coredns']); // the chart's config map is read, not kept
    expect(c.endpoints).toEqual([expect.objectContaining({ name: 'kube-dns', addresses: ['10.42.0.146'] })]);
    expect(c.workloadCounts).toMatchObject({ DaemonSet: 1 });
    expect(c.unreadable.map((u) => u.reason).join('\n')).not.toMatch(/\b(DaemonSet|ConfigMap|Endpoints|ServiceAccount)\b/);
    const report = judge(r);
    expect(report.evidence.rulesRan).toBeGreaterThan(judge(await readBundle(await expiredEventsBundle(K3S, join(tmp, 'newer-base')))).evidence.rulesRan);
    expectUnexplainedPull(report);
  });

  it('troubleshoot.sh, older layout (kind-less arrays, errors as an object, logs collector only)', async () => {
    const dir = await expiredEventsBundle(K3S, join(tmp, 'older'));
    await toOlderLayout(dir);
    const r = await readBundle(dir);
    const c = r.evidence.cluster!;
    expect(c.read).toEqual(expect.arrayContaining(['nodes', 'pods', 'events', 'services', 'deployments', 'replicasets', 'statefulsets', 'podlogs']));
    expect(c.unreadable).toEqual(expect.arrayContaining([expect.objectContaining({ what: 'pods in namespace kube-node-lease (troubleshoot collector)', code: 403 })]));
    // logs found through the pod name alone (all-logs/<pod>/<container>.log)
    expect(c.podLogs?.find((l) => l.pod === 'coredns-b96499967-tncf4' && !l.previous)).toMatchObject({ namespace: 'kube-system', container: 'coredns', source: 'support-bundle/all-logs/coredns-b96499967-tncf4/coredns.log' });
    expectUnexplainedPull(judge(r));
  });

  it('kubectl -o json folder', async () => {
    const dir = await expiredEventsBundle(K3S, join(tmp, 'kc-src'));
    await toKubectlDir(dir, join(tmp, 'kubectl'));
    const r = await readBundle(join(tmp, 'kubectl'));
    expect(r.layout).toBe('kubectl');
    expectUnexplainedPull(judge(r));
  });

  it("flannel-doctor's own bundle", async () => {
    const dir = await expiredEventsBundle(K3S, join(tmp, 'own-src'));
    const first = await readBundle(dir);
    await writeBundle(first.evidence, join(tmp, 'own.tgz'), 'test');
    const r = await readBundle(join(tmp, 'own.tgz'));
    expect(r.layout).toBe('flannel-doctor');
    expect(r.evidence.cluster!.podLogs?.length).toBe(first.evidence.cluster!.podLogs?.length);
    expectUnexplainedPull(judge(r));
  });

  it('with the detailed event still there, the symptom is folded under its cause', async () => {
    const detail = 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginx:latest": failed to resolve reference "docker.io/library/nginx:latest": failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/latest": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host';
    const dir = await expiredEventsBundle(K3S, join(tmp, 'detailed'), { detailedError: detail });
    const report = judge(await readBundle(dir));
    expect(report.findings.filter((f) => f.cause === 'unknown')).toEqual([]);
    const dns = report.findings.find((f) => f.cause === 'registry.dns');
    expect(dns?.pods).toContain(REF);
    expect(report.inventory).toMatchObject({ seen: 1, explained: 1, unexplained: 0 });
    expect(report.inventory.symptoms[0]).toMatchObject({ pod: REF, explainedBy: 'registry.dns', finding: dns!.rank });
  });
});

describe('bundle read whole: every kind present is read or named', () => {
  it('the real troubleshoot bundle: each cluster-resources kind is read, or named in "could not read"', async () => {
    const r = await readBundle(K3S);
    const c = r.evidence.cluster!;
    const named = c.unreadable.map((u) => `${u.what}: ${u.reason}`).join('\n');
    let deployments = 0;
    const READ: Record<string, string> = { nodes: 'nodes', pods: 'pods', events: 'events', services: 'services', deployments: 'deployments', statefulsets: 'statefulsets', replicasets: 'replicasets', daemonsets: 'daemonsets', configmaps: 'configmaps', endpoints: 'endpoints', serviceaccounts: 'serviceaccounts' };
    const { dir, cleanup } = await openBundle(K3S);
    try {
      const logKeys = new Set<string>();
      for (const f of await walk(dir)) {
        const log = /cluster-resources\/pods\/logs\/([^/]+)\/([^/]+)\/([^/]+)\.log$/.exec(f);
        if (log) {
          logKeys.add(`${log[1]}/${log[2]}/${log[3]}`);
          continue;
        }
        const m = /cluster-resources\/([^/]+?)(?:\.json|\/[^/]+\.(?:json|yaml))$/.exec(f);
        if (!m) continue;
        if (READ[m[1]]) {
          expect(c.read, f).toContain(READ[m[1]]);
          if (m[1] === 'deployments') deployments += JSON.parse(await readFile(join(dir, f), 'utf8')).items.length;
          continue;
        }
        // Independently: the kind of the file's objects, else its layout name, must be named.
        const text = await readFile(join(dir, f), 'utf8');
        let kind = m[1];
        if (f.endsWith('.json')) {
          const v = JSON.parse(text);
          const list = Array.isArray(v) ? v : v.items;
          kind = (typeof v.kind === 'string' && v.kind.endsWith('List') && v.kind !== 'List' ? v.kind.slice(0, -4) : undefined) ?? list?.[0]?.kind ?? m[1];
        } else kind = /^\s*-?\s*kind: (\S+)/m.exec(text)?.[1] ?? m[1];
        expect(named, `${f} (${kind})`).toMatch(new RegExp(`\\b${kind}\\b`));
      }
      // Every container log is read once (all-logs holds copies of the same logs).
      expect(c.podLogs?.map((l) => `${l.namespace}/${l.pod}/${l.container}${l.previous ? '-previous' : ''}`).sort()).toEqual([...logKeys].sort());
    } finally {
      await cleanup();
    }
    expect(deployments).toBeGreaterThan(1);
    expect(c.workloadCounts?.Deployment).toBe(deployments);
  });
});
