import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../objects/from-kube.js';
import { emptyEvidence } from '../../evidence/types.js';
import { InputError } from '../../errors.js';
import { conformanceObjects, pod } from '../conformance/objects.js';
import { openBundle, walk } from './files.js';
import { readBundle } from './read.js';
import { redact, writeBundle } from './write.js';
import { SHARED } from '../../../test/shared-dir.js';

const K3S = `${SHARED}/data/bundles/troubleshoot-k3s-arm64.tar.gz`;

describe('bundle source', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'fd-bundle-test-'));
  });
  afterAll(async () => rm(tmp, { recursive: true, force: true }));

  it('reads every node, pod and event of the real k3s troubleshoot bundle', async () => {
    // Count independently: parse the files whole and add up their items.
    const { dir, cleanup } = await openBundle(K3S);
    const want = { nodes: 0, pods: 0, events: 0 };
    try {
      for (const f of await walk(dir)) {
        const m = /cluster-resources\/(nodes|pods|events)(\/[^/]+)?\.json$/.exec(f);
        if (m) want[m[1] as keyof typeof want] += JSON.parse(await readFile(join(dir, f), 'utf8')).items.length;
      }
    } finally {
      await cleanup();
    }
    expect(want.nodes).toBeGreaterThan(0);
    expect(want.pods).toBeGreaterThan(0);
    const r = await readBundle(K3S);
    const c = r.evidence.cluster!;
    expect(r.layout).toBe('troubleshoot');
    expect({ nodes: c.nodes.length, pods: c.pods.length, events: c.events.length }).toEqual(want);
    expect(c.read).toEqual(expect.arrayContaining(['nodes', 'pods', 'events', 'services', 'deployments']));
    // troubleshoot did not collect these: they must not be claimed as read
    expect(c.read).not.toContain('configmaps');
    expect(c.read).not.toContain('secrets');
    // Nothing failed to read; the kinds no check uses are named in one entry (layouts.test.ts checks it whole).
    expect(c.unreadable).toEqual([expect.objectContaining({ what: expect.stringMatching(/^\d+ other kinds in the bundle$/) })]);
    expect(c.nodes[0]).toMatchObject({ name: 'k3d-mycluster-server-0', architecture: 'arm64' });
    expect(c.services).toEqual([expect.objectContaining({ name: 'kube-dns', clusterIP: '10.43.0.10' })]);
  });

  it('a malformed file is reported by name and line; every other file is read', async () => {
    const dir = join(tmp, 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pods.json'), JSON.stringify({ kind: 'List', items: [pod('a', 'p1'), pod('a', 'p2')] }, null, 2));
    const bad = `{\n "kind": "PodList",\n "items": [\n  ${JSON.stringify(pod('b', 'ok'))},\n  {"metadata": {"name": oops}}\n ]\n}\n`;
    await writeFile(join(dir, 'more-pods.json'), bad);
    await writeFile(join(dir, 'cut.json'), '{"kind":"NodeList","items":[{"metadata":{"name":"n1"}},{"metadata":');
    await writeFile(join(dir, 'nameless.json'), JSON.stringify({ kind: 'PodList', items: [{ metadata: {} }] }));
    const c = (await readBundle(dir)).evidence.cluster!;
    expect(c.pods.map((p) => p.name)).toEqual(['p1', 'p2', 'ok']);
    expect(c.nodes.map((n) => n.name)).toEqual(['n1']);
    const byFile = (f: string) => c.unreadable.filter((u) => u.what.includes(f));
    expect(byFile('more-pods.json')[0]).toMatchObject({ what: 'item 1 of more-pods.json' });
    expect(byFile('more-pods.json')[0].reason).toMatch(/not valid JSON \(at byte \d+\), line 5/);
    expect(byFile('cut.json')[0].reason).toMatch(/ends early.*line 1; items before it were read/);
    expect(byFile('nameless.json')[0]).toMatchObject({ what: 'a Pod in nameless.json (item 0)', reason: 'skipped: metadata.name is missing' });
  });

  it("turns troubleshoot's collector errors into unreadable entries", async () => {
    const dir = join(tmp, 'ts-errors', 'support-bundle', 'cluster-resources');
    await mkdir(join(dir, 'pods'), { recursive: true });
    await writeFile(join(dir, 'nodes.json'), JSON.stringify({ kind: 'NodeList', items: [{ metadata: { name: 'n1' } }] }));
    await writeFile(join(dir, 'pods-errors.json'), JSON.stringify(['pods is forbidden: User "x" cannot list resource "pods" in API group "" at the cluster scope']));
    const c = (await readBundle(join(tmp, 'ts-errors'))).evidence.cluster!;
    expect(c.read).toEqual(['nodes']);
    expect(c.unreadable).toEqual([{ what: 'pods (troubleshoot collector)', code: 403, reason: 'pods is forbidden: User "x" cannot list resource "pods" in API group "" at the cluster scope' }]);
  });

  it('reads kubectl -o yaml output too', async () => {
    const dir = join(tmp, 'yaml');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'all.yaml'), `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: y1\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: yp\n  namespace: d\n`);
    const c = (await readBundle(dir)).evidence.cluster!;
    expect(c.nodes.map((n) => n.name)).toEqual(['y1']);
    expect(c.pods.map((p) => p.name)).toEqual(['yp']);
  });

  it('round-trips our own format (.tar.gz) with the evidence unchanged', async () => {
    const e = emptyEvidence(['kube']);
    e.cluster = clusterFromObjects(conformanceObjects());
    const out = join(tmp, 'own.tgz');
    const manifest = await writeBundle(e, out, 'test');
    expect(manifest).toMatchObject({ format: 'flannel-doctor-bundle', redacted: true });
    const r = await readBundle(out);
    expect(r.layout).toBe('flannel-doctor');
    expect(r.evidence.cluster).toEqual(e.cluster);
    expect(r.evidence.sources).toEqual(['kube', 'bundle']);
  });

  it('redacts credential-looking text', () => {
    expect(redact('curl -H "Authorization: Bearer abcdefghijk123" https://u:pw@reg.local/v2/')).not.toMatch(/abcdefghijk123|pw@/);
    expect(redact('password=hunter2 token: xyz')).toBe('password=[REDACTED] token: [REDACTED]');
    expect(redact('Failed to pull image "reg.local:5000/app:1": not found')).toBe('Failed to pull image "reg.local:5000/app:1": not found');
  });

  it('a missing path or a non-archive file is an InputError naming it', async () => {
    await expect(readBundle(join(tmp, 'nope'))).rejects.toThrow(InputError);
    await writeFile(join(tmp, 'x.txt'), 'hi');
    await expect(readBundle(join(tmp, 'x.txt'))).rejects.toThrow(/x\.txt: a bundle is a directory or a \.tar\.gz/);
  });
});
