import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeRegistry } from '../../src/probes/registry/probe-registry.js';
import { cleanup, makePki, pushImage, startRegistry, tempDir } from '../../src/probes/registry/testkit.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Verifying image references against a real docker-registry (TLS with our own CA), 8 at a time, in
 * two fair pairings in the same run:
 *   - cold against cold: every image on a new connection (TCP + TLS, /v2/ asked again). Ours with
 *     `reuse: false`; skopeo's only form, `skopeo inspect` per image (it cannot keep anything between
 *     images). The target is on this pairing: ours >= 2x skopeo. One `curl` process per image (the
 *     same manifest GET, nothing else) is timed beside it as the leanest cold client.
 *   - warm against warm: ours keeps connections, /v2/ answers and tokens across images (the default);
 *     skopeo has no warm form, so the warm peer is one `curl --parallel` process fetching every
 *     manifest over kept-alive connections (a floor for any client: one request per image, no
 *     platform check, no verdict).
 * Each side does at least what skopeo inspect does per image: ours dns → tcp → tls (verified) → /v2/
 * → manifest → platform (config blob). Times are wall clock, best of 2 (the registry's own CPU counts:
 * loopback network); the machine's load is recorded with the result.
 */
const PARALLEL = 8;
const MANIFEST_ACCEPT_HEADER = 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

function skopeo(ref: string): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.on('error', () => resolve(127));
    c.on('close', (code) => resolve(code ?? 1));
  });
}

/** curl GETs `urls` (manifests) in one process, `parallel` at a time, over kept-alive connections; resolves the count of 200s. */
function curlMany(urls: string[], ca: string, parallel: number): Promise<number> {
  return new Promise((resolve) => {
    const args = ['-s', '--cacert', ca, '-H', MANIFEST_ACCEPT_HEADER, '-o', '/dev/null', '-w', '%{http_code}\n'];
    if (urls.length > 1) args.push('--parallel', '--parallel-max', String(parallel));
    const c = spawn('curl', [...args, ...urls], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('error', () => resolve(0));
    c.on('close', () => resolve(out.split('\n').filter((l) => l === '200').length));
  });
}

async function pool<T>(items: T[], n: number, f: (x: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await f(items[i++]!);
  }));
}

async function best(runs: number, f: () => Promise<void>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
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
      // The CA as a node holds it: a path inside the host root (the probe reads nothing outside it).
      copyFileSync(pki.caCert, join(root, 'etc/containerd/certs.d', host, 'ca.crt'));
      writeFileSync(join(root, 'etc/containerd/certs.d', host, 'hosts.toml'), `ca = "/etc/containerd/certs.d/${host}/ca.crt"\n`);
      log(`pushed ${n} image refs (${repos} repos) to ${host}`);

      const urls = jobs.map(([repo, tag]) => `https://${host}/v2/${repo}/manifests/${tag}`);
      const probe = async (reuse: boolean) => {
        const rs = await probeRegistry(refs, { hostRoot: root, concurrency: PARALLEL, arch: 'amd64', timeoutMs: 20_000, reuse });
        const bad = rs.filter((r) => !r.ok);
        if (bad.length) throw new Error(`${bad.length} probes failed, e.g. ${bad[0]!.image}: ${bad[0]!.cause} ${bad[0]!.phases.find((p) => !p.ok)?.error}`);
      };
      // warm-ups: page cache, JIT, the registry's own caches
      await probeRegistry(refs.slice(0, 5), { hostRoot: root, arch: 'amd64' });
      await skopeo(refs[0]!);
      await curlMany(urls.slice(0, 5), pki.caCert, PARALLEL);
      const runs = 2;

      const oursCold = await best(runs, () => probe(false));
      log(`cold: ours (reuse: false) ${n} refs in ${oursCold.toFixed(0)} ms`);
      let failed = 0;
      const skopeoCold = await best(runs, () => pool(refs, PARALLEL, async (r) => {
        if ((await skopeo(r)) !== 0) failed++;
      }));
      if (failed) throw new Error(`skopeo inspect failed for ${failed} refs`);
      log(`cold: skopeo inspect per image ${n} refs in ${skopeoCold.toFixed(0)} ms`);
      let curlFailed = 0;
      const curlCold = await best(runs, () => pool(urls, PARALLEL, async (u) => {
        if ((await curlMany([u], pki.caCert, 1)) !== 1) curlFailed++;
      }));
      if (curlFailed) throw new Error(`curl failed for ${curlFailed} manifests`);
      log(`cold: curl per image ${n} refs in ${curlCold.toFixed(0)} ms`);

      const oursWarm = await best(runs, () => probe(true));
      log(`warm: ours (keep-alive, cached /v2/) ${n} refs in ${oursWarm.toFixed(0)} ms`);
      let curlWarmOk = 0;
      const curlWarm = await best(runs, async () => {
        curlWarmOk = await curlMany(urls, pki.caCert, PARALLEL);
      });
      if (curlWarmOk !== n) throw new Error(`curl --parallel got ${curlWarmOk} of ${n} manifests`);
      log(`warm: one curl --parallel process ${n} refs in ${curlWarm.toFixed(0)} ms`);

      const ratio = skopeoCold / oursCold;
      const result: SuiteResult = {
        suite: 'probe-registry',
        ours: { label: 'probeRegistry, cold (a new connection per image)', unit: 'ms', value: oursCold, note: `${n} refs, ${PARALLEL} parallel, every phase incl. TLS verify and platform; warm (keep-alive, cached /v2/): ${oursWarm.toFixed(0)} ms` },
        peer: { label: 'skopeo inspect per image (cold; it has no warm form)', unit: 'ms', value: skopeoCold, note: `${n} refs, ${PARALLEL} parallel; curl per image (cold): ${curlCold.toFixed(0)} ms; one curl --parallel, kept-alive (warm): ${curlWarm.toFixed(0)} ms` },
        ratio,
        ratioSays: 'skopeo ms ÷ ours ms, both cold (> 1: ours faster)',
        target: 'cold >= 2x skopeo; warm reported against curl --parallel',
        met: ratio >= 2,
        extra: {
          refs: n,
          parallel: PARALLEL,
          oursColdMs: Math.round(oursCold),
          skopeoColdMs: Math.round(skopeoCold),
          curlColdMs: Math.round(curlCold),
          coldVsCurl: Number((curlCold / oursCold).toFixed(2)),
          oursWarmMs: Math.round(oursWarm),
          curlWarmMs: Math.round(curlWarm),
          warmVsCurl: Number((curlWarm / oursWarm).toFixed(2)),
        },
      };
      return result;
    } finally {
      for (const s of stops) await s();
      cleanup(dir);
    }
  },
};

export default suite;
