import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeRegistry } from '../../src/probes/registry/probe-registry.js';
import { cleanup, makePki, pushImage, startRegistry, tempDir } from '../../src/probes/registry/testkit.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Verifying image references against a real docker-registry (TLS with our own CA): probeRegistry
 * (dns → tcp → tls → /v2/ → manifest HEAD → platform, per image) vs `skopeo inspect
 * --tls-verify=false docker://…` (manifest + config) with the same parallelism, in the same run.
 * Target: ours ≥ 5× faster.
 */
const PARALLEL = 8;

function skopeo(ref: string): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.on('error', () => resolve(127));
    c.on('close', (code) => resolve(code ?? 1));
  });
}

async function pool<T>(items: T[], n: number, f: (x: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await f(items[i++]!);
  }));
}

const suite: Suite = {
  name: 'probe-registry',
  description: `verify N image refs against a real TLS docker-registry: probeRegistry vs skopeo inspect, ${PARALLEL} in parallel`,
  async run({ quick, log }) {
    if (!existsSync('/usr/bin/docker-registry')) return { skipped: 'docker-registry not installed' };
    if (!existsSync('/usr/bin/skopeo')) return { skipped: 'skopeo not installed' };
    const n = quick ? 50 : 200;
    const dir = tempDir('fd-bench-reg-');
    const stops: (() => Promise<void>)[] = [];
    try {
      mkdirSync(join(dir, 'pki'));
      const pki = makePki(join(dir, 'pki'));
      const storage = join(dir, 'storage');
      mkdirSync(storage);
      const plain = await startRegistry({ storage, dir });
      stops.push(plain.stop);
      const refs: string[] = [];
      const repos = 10;
      const jobs: [string, string][] = [];
      for (let i = 0; i < n; i++) jobs.push([`bench/app${i % repos}`, `v${Math.floor(i / repos)}`]);
      await pool(jobs, 16, ([repo, tag]) => pushImage(plain.url, repo, tag, ['linux/amd64']));
      const tls = await startRegistry({ storage, dir, tls: pki.server });
      stops.push(tls.stop);
      const host = `127.0.0.1:${tls.port}`;
      for (const [repo, tag] of jobs) refs.push(`${host}/${repo}:${tag}`);
      const root = join(dir, 'root');
      mkdirSync(join(root, 'etc/containerd/certs.d', host), { recursive: true });
      writeFileSync(join(root, 'etc/hosts'), '127.0.0.1 localhost\n');
      writeFileSync(join(root, 'etc/resolv.conf'), 'nameserver 127.0.0.1\n');
      writeFileSync(join(root, 'etc/containerd/certs.d', host, 'hosts.toml'), `ca = "${pki.caCert}"\n`);
      log(`pushed ${n} image refs (${repos} repos) to ${host}`);

      await probeRegistry(refs.slice(0, 5), { hostRoot: root, arch: 'amd64' }); // warm-up
      const t0 = performance.now();
      const ours = await probeRegistry(refs, { hostRoot: root, concurrency: PARALLEL, arch: 'amd64', timeoutMs: 20_000 });
      const oursMs = performance.now() - t0;
      const bad = ours.filter((r) => !r.ok);
      if (bad.length) throw new Error(`${bad.length} probes failed, e.g. ${bad[0]!.image}: ${bad[0]!.cause} ${bad[0]!.phases.find((p) => !p.ok)?.error}`);
      log(`probeRegistry: ${n} refs in ${oursMs.toFixed(0)} ms`);

      await skopeo(refs[0]!); // warm-up
      let failed = 0;
      const t1 = performance.now();
      await pool(refs, PARALLEL, async (r) => {
        if ((await skopeo(r)) !== 0) failed++;
      });
      const peerMs = performance.now() - t1;
      if (failed) throw new Error(`skopeo inspect failed for ${failed} refs`);
      log(`skopeo inspect: ${n} refs in ${peerMs.toFixed(0)} ms`);
      const result: SuiteResult = {
        suite: 'probe-registry',
        ours: { label: 'probeRegistry', unit: 'refs/s', value: n / (oursMs / 1000), note: `${n} refs, ${PARALLEL} parallel, ${oursMs.toFixed(0)} ms, every phase incl. TLS verify and platform` },
        peer: { label: 'skopeo inspect --tls-verify=false', unit: 'refs/s', value: n / (peerMs / 1000), note: `${n} refs, ${PARALLEL} parallel, ${peerMs.toFixed(0)} ms` },
        ratio: peerMs / oursMs,
        target: '>= 5x skopeo inspect',
        met: peerMs / oursMs >= 5,
        extra: { refs: n, parallel: PARALLEL, oursMs: Math.round(oursMs), skopeoMs: Math.round(peerMs) },
      };
      return result;
    } finally {
      for (const s of stops) await s();
      cleanup(dir);
    }
  },
};

export default suite;
