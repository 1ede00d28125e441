/** `probe registry|dns|mesh` end to end: the CLI as a process (tsx) against real servers and a netns testbed. */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsmasq, type Dnsmasq } from '../../probes/dns/testkit.js';
import { buildTestbed, type Testbed } from '../../probes/mesh/testbed.js';
import { cleanup, pushImage, startRegistry, tempDir, type RunningRegistry } from '../../probes/registry/testkit.js';

const run = promisify(execFile);
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e: any) {
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let dir: string;
let reg: RunningRegistry;
let dns: Dnsmasq;
let tb: Testbed;
let root: string;

beforeAll(async () => {
  dir = tempDir('fd-probe-cli-');
  mkdirSync(join(dir, 'storage'));
  reg = await startRegistry({ storage: join(dir, 'storage'), dir });
  await pushImage(reg.url, 'app/ok', '1', ['linux/amd64', 'linux/arm64']);
  root = join(dir, 'root');
  mkdirSync(join(root, 'etc/containerd/certs.d', `reg.test:${reg.port}`), { recursive: true });
  writeFileSync(join(root, 'etc/hosts'), '127.0.0.1 reg.test\n');
  writeFileSync(join(root, 'etc/resolv.conf'), 'nameserver 127.0.0.1\n');
  writeFileSync(join(root, 'etc/containerd/certs.d', `reg.test:${reg.port}`, 'hosts.toml'), `server = "http://reg.test:${reg.port}"\n`);
  dns = await startDnsmasq(['--local=/cluster.local/', '--host-record=kubernetes.default.svc.cluster.local,10.96.0.1', '--address=/example.test/192.0.2.1']);
  tb = await buildTestbed(`fdpc${process.pid % 100000}`, 2);
}, 60_000);

afterAll(async () => {
  await reg?.stop();
  await dns?.stop();
  await tb?.destroy();
  if (dir) cleanup(dir);
});

describe('flannel-doctor probe', () => {
  it('registry: text shows every phase and exits 0; a missing tag exits 1 naming the cause', async () => {
    const ok = await cli(['probe', 'registry', `reg.test:${reg.port}/app/ok:1`, '--host-root', root, '--arch', 'arm64']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/manifest\s+ok/);
    const bad = await cli(['probe', 'registry', `reg.test:${reg.port}/app/ok:2`, '--host-root', root, '-o', 'json']);
    expect(bad.code).toBe(1);
    const j = JSON.parse(bad.stdout);
    expect([j.registry[0].cause, j.registry[0].failedPhase]).toEqual(['image.not-found', 'manifest']);
  });

  it('registry: a malformed pull secret is a clear input error (exit 2) without its content', async () => {
    const f = join(dir, 'bad-secret.json');
    writeFileSync(f, JSON.stringify({ kind: 'Secret', data: { '.dockerconfigjson': Buffer.from('{"auths": {"x": {"auth": "bm9jb2xvbg=="}}}').toString('base64') } }));
    const r = await cli(['probe', 'registry', 'reg.test/app:1', '--pull-secret', f, '--host-root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-secret.json');
    expect(r.stderr).toContain('auths["x"].auth');
    expect(r.stderr).not.toContain('nocolon');
    const t = await cli(['probe', 'registry', 'x/y:1', '--timeout', 'soon']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--timeout');
  });

  it('dns: a working cluster chain only flags the absent node resolver; an unreachable Service IP is dns.service-unreachable (exit 1)', async () => {
    const base = ['probe', 'dns', '--host-root', root, '--coredns', dns.server, '--upstream', dns.server, '--external-name', 'example.test', '--timeout', '500ms'];
    writeFileSync(join(root, 'etc/resolv.conf'), `nameserver 127.0.0.1\n`);
    const healthy = await cli([...base, '--service-ip', dns.server, '-o', 'json']);
    const hj = JSON.parse(healthy.stdout);
    // the node resolver (127.0.0.1:53) has no server here: only that is judged
    expect(hj.verdicts.map((v: { cause: string }) => v.cause)).toEqual(['dns.node-resolver']);
    const broken = await cli([...base, '--service-ip', '127.0.0.1:1']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('dns.service-unreachable');
  });

  it('dns --pod-netns: the pod view runs inside the pod namespace, the node view here', async () => {
    const n1 = tb.targets[0]!;
    const inNode = await startDnsmasq(['--local=/cluster.local/', '--host-record=kubernetes.default.svc.cluster.local,10.96.0.1', '--address=/example.test/192.0.2.1'], '10.244.1.1', 53, n1.netns);
    try {
      const r = await cli(['probe', 'dns', '--host-root', root, '--pod-netns', n1.pod!.netns!, '--service-ip', '10.244.1.1', '--coredns', '10.244.1.1', '--external-name', 'example.test', '--view', 'pod', '--timeout', '500ms', '-o', 'json']);
      expect(r.stderr).toBe('');
      const j = JSON.parse(r.stdout);
      expect(j.dns.filter((x: { purpose: string }) => x.purpose === 'direct').map((x: { target: { kind: string }; outcome: string }) => `${x.target.kind} ${x.outcome}`).sort()).toEqual(['coredns-pod ok', 'coredns-pod ok', 'service ok', 'service ok']);
      // 10.244.1.1 exists only inside the testbed: answers prove the view ran in the pod namespace
      expect(r.code).toBe(0);
    } finally {
      await inNode.stop();
    }
    const bad = await cli(['probe', 'dns', '--pod-netns', 'fd-no-such-ns', '--view', 'pod']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pod-netns fd-no-such-ns');
  });

  it('mesh: --targets file, healthy matrix exits 0; bad targets file is an input error', async () => {
    const f = join(dir, 'targets.json');
    writeFileSync(f, JSON.stringify(tb.targets));
    const r = await cli(['probe', 'mesh', '--targets', f, '--timeout', '500ms']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('every probed pair passes');
    const bad = join(dir, 'bad-targets.json');
    writeFileSync(bad, JSON.stringify([{ name: 'n1' }]));
    const b = await cli(['probe', 'mesh', '--targets', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('bad-targets.json');
    expect(b.stderr).toContain('[0]');
  });
});
