/** `diagnose` end to end: the CLI as a process (tsx), against the real k3s bundle and the test API server. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { conformanceObjects } from '../../sources/conformance/objects.js';
import { readBundle } from '../../sources/bundle/read.js';
import { SHARED } from '../../../test/shared-dir.js';

const K3S = `${SHARED}/data/bundles/troubleshoot-k3s-arm64.tar.gz`;
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e: any) {
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('flannel-doctor diagnose', () => {
  let api: KubeApiServer;
  let tmp: string;
  let kubeconfig: string;
  beforeAll(async () => {
    api = await KubeApiServer.start({ token: 'diag' });
    api.load(conformanceObjects());
    tmp = await mkdtemp(join(tmpdir(), 'fd-diag-'));
    kubeconfig = join(tmp, 'kubeconfig');
    await writeFile(kubeconfig, api.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('--bundle on the real k3s bundle: every node, pod and event counted, no error-level finding', async () => {
    const c = (await readBundle(K3S)).evidence.cluster!;
    const r = await cli(['diagnose', '--bundle', K3S, '-o', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.evidence).toMatchObject({ nodes: c.nodes.length, pods: c.pods.length, events: c.events.length });
    expect(report.evidence.pods).toBe(8);
    const errors = report.findings.filter((f: any) => f.severity === 'error');
    expect(errors.map((f: any) => `${f.cause}: ${f.message ?? ''}`)).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);

  it('reads a live cluster through a kubeconfig and renders each format', async () => {
    const j = await cli(['diagnose', '--kubeconfig', kubeconfig, '-o', 'json', '--fail-on', 'none']);
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report.evidence.nodes).toBe(2);
    expect(report.evidence.pods).toBe(api.list('Pod').length);
    expect(report.unreadable).toEqual([]);
    const md = await cli(['diagnose', '--kubeconfig', kubeconfig, '-o', 'markdown', '--fail-on', 'none']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^#/m);
  }, 60_000);

  it('exit 1 when a finding reaches --fail-on, 0 when --fail-on none', async () => {
    const j = JSON.parse((await cli(['diagnose', '--kubeconfig', kubeconfig, '-o', 'json', '--fail-on', 'none'])).stdout);
    const strict = await cli(['diagnose', '--kubeconfig', kubeconfig, '-o', 'json', '--fail-on', 'info']);
    expect(strict.code).toBe(j.findings.length ? 1 : 0);
  }, 60_000);

  it('a dead API server exits 2 with a clear message', async () => {
    const dead = await KubeApiServer.start();
    const cfg = dead.kubeconfig();
    await dead.close();
    await writeFile(join(tmp, 'dead'), cfg);
    const r = await cli(['diagnose', '--kubeconfig', join(tmp, 'dead'), '--timeout', '3s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/flannel-doctor: cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:\d+/);
  }, 60_000);

  it('bad flags exit 2 naming the flag', async () => {
    const r = await cli(['diagnose', '--bundle', K3S, '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeout takes a duration like 30s/);
  }, 60_000);

  it('--node-evidence merges node files ({evidence} or plain) and rejects a bad one by name', async () => {
    const dir = join(tmp, 'nodes');
    await mkdir(dir, { recursive: true });
    const node = (name: string) => ({ name, cniConfigs: [], cniBinaries: [], ipam: [], registryHosts: [], links: [], routes: [], neighbours: [], fdb: [], sysctls: {}, modules: [], logs: [], gathered: [], problems: [] });
    await writeFile(join(dir, 'n1.json'), JSON.stringify({ evidence: node('n1'), report: {} }));
    await writeFile(join(dir, 'n2.json'), JSON.stringify(node('n2')));
    const ok = await cli(['diagnose', '--bundle', K3S, '--node-evidence', dir, '-o', 'json']);
    expect(JSON.parse(ok.stdout).evidence.nodeEvidence).toBe(2);
    await writeFile(join(dir, 'n3.json'), '{"name": "n3",\n "gathered": [}');
    const bad = await cli(['diagnose', '--bundle', K3S, '--node-evidence', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/n3\.json:2: not valid JSON/);
  }, 60_000);

  it('--bandwidth adds a saved probe bandwidth result; --bandwidth-tolerance reaches the rule; a bad file exits 2 naming it', async () => {
    const saved = 'src/sources/fixtures/probe-bandwidth-lab-loss.json';
    const ok = await cli(['diagnose', '--bundle', K3S, '--bandwidth', saved, '-o', 'json']);
    // one root cause: the two lossy pairs' findings of the same cause are correlated into one (its evidence cites both)
    const found = (out: string) => JSON.parse(out).findings.filter((f: any) => f.ruleId === 'probe/bandwidth-probe');
    const causes = (out: string) => found(out).map((f: any) => f.cause);
    expect(causes(ok.stdout)).toEqual(['node.packet-loss']);
    expect(found(ok.stdout)[0].evidence.map((e: any) => e.where)).toEqual(expect.arrayContaining(['probe bandwidth n1→n2', 'probe bandwidth n2→n1']));
    // the same pairs without the probe: the rule is not checked
    const without = await cli(['diagnose', '--bundle', K3S, '-o', 'json']);
    expect(causes(without.stdout)).toEqual([]);
    // a tolerance so wide that only the loss of the node-to-node run is left (the slow n2→n1 overlay is noise)
    const wide = await cli(['diagnose', '--bundle', K3S, '--bandwidth', saved, '--bandwidth-tolerance', '0.99', '-o', 'json']);
    expect(causes(wide.stdout)).toEqual(['node.packet-loss']);
    const badTol = await cli(['diagnose', '--bundle', K3S, '--bandwidth', saved, '--bandwidth-tolerance', '2']);
    expect([badTol.code, badTol.stderr]).toEqual([2, expect.stringMatching(/--bandwidth-tolerance takes a share from 0 to below 1/)]);
    const file = join(tmp, 'bw.json');
    await writeFile(file, JSON.stringify({ bandwidth: [{ from: 'n1', to: 'n2', underlay: { path: 'underlay', fromIp: 'a', toIp: 'b', ok: true }, overlay: { path: 'overlay', fromIp: 'c', toIp: 'd' } }] }));
    const bad = await cli(['diagnose', '--bundle', K3S, '--bandwidth', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/bw\.json \(bandwidth\[0\]\.overlay\.ok\): must be true or false$/)]);
  }, 90_000);
});

describe('flannel-doctor bundle collect', () => {
  it('writes a redacted bundle that diagnose --bundle reads back with the same evidence', async () => {
    const api = await KubeApiServer.start({ token: 'collect' });
    const tmp = await mkdtemp(join(tmpdir(), 'fd-collect-'));
    try {
      api.load(conformanceObjects());
      await writeFile(join(tmp, 'kc'), api.kubeconfig());
      const out = join(tmp, 'b.tgz');
      const c = await cli(['bundle', 'collect', '--kubeconfig', join(tmp, 'kc'), out]);
      expect(c.code).toBe(0);
      expect(c.stderr).toMatch(/wrote .*b\.tgz: 2 nodes, \d+ pods/);
      const live = JSON.parse((await cli(['diagnose', '--kubeconfig', join(tmp, 'kc'), '-o', 'json', '--fail-on', 'none'])).stdout);
      const offline = JSON.parse((await cli(['diagnose', '--bundle', out, '-o', 'json', '--fail-on', 'none'])).stdout);
      expect(offline.evidence).toEqual(live.evidence);
      expect(offline.findings.map((f: any) => f.cause)).toEqual(live.findings.map((f: any) => f.cause));
      const { evidence } = await readBundle(out);
      const text = JSON.stringify(evidence);
      expect(text).not.toContain(Buffer.from('u:p').toString('base64'));
      expect(text).not.toContain('hunter2');
    } finally {
      await api.close();
      await rm(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
