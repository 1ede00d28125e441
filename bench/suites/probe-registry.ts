import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeRegistry } from '../../src/probes/registry/probe-registry.js';
import { registryCause } from '../../src/rules/_registry-verdict.js';
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
 *     skopeo has no warm form, so the warm peer is curl: 8 processes, each fetching its share of the
 *     manifests over one kept-alive connection (a floor for any client: one request per image, no
 *     platform check, no verdict).
 * Each side does at least what skopeo inspect does per image: ours dns → tcp → tls (verified) → /v2/
 * → manifest → platform (config blob). Best of 2. The ratio is of the clients' CPU time (ours: this
 * process; a peer: its processes, from GNU time); wall clock is kept beside it, and the machine's load
 * is recorded with the result.
 */
const PARALLEL = 8;
const MANIFEST_ACCEPT_HEADER = 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

const TIME = '/usr/bin/time';
/** CPU seconds of the peer's processes (user + sys, from GNU time), summed over a measurement. */
let peerCpu = 0;

/** Runs cmd under GNU time; adds its CPU to peerCpu; resolves its exit code and stdout. */
function timedRun(cmd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const c = spawn(TIME, ['-f', '@@cpu %U %S', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('error', () => resolve({ code: 127, stdout: '' }));
    c.on('close', (code) => {
      const m = /@@cpu (\S+) (\S+)/.exec(err);
      if (m) peerCpu += Number(m[1]) + Number(m[2]);
      resolve({ code: code ?? 1, stdout: out });
    });
  });
}

async function skopeo(ref: string): Promise<number> {
  return (await timedRun('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`])).code;
}

/**
 * curl GETs `urls` (manifests) in `parallel` processes, each fetching its share one after another
 * over one kept-alive connection (curl reuses a connection for the URLs of one command line);
 * resolves the count of 200s.
 */
async function curlMany(urls: string[], ca: string, parallel: number): Promise<number> {
  const args = ['-s', '--cacert', ca, '-H', MANIFEST_ACCEPT_HEADER, '-w', '%{http_code}\n'];
  const shares = Array.from({ length: Math.min(parallel, urls.length) }, (_, i) => urls.filter((_, j) => j % parallel === i));
  const outs = await Promise.all(shares.map((share) => timedRun('curl', [...args, ...share.flatMap((u) => ['-o', '/dev/null', u])])));
  return outs.reduce((n, o) => n + o.stdout.split('\n').filter((l) => l === '200').length, 0);
}

async function pool<T>(items: T[], n: number, f: (x: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await f(items[i++]!);
  }));
}

/** Best of `runs`: wall ms, and CPU ms (ours: this process; a peer: its processes). */
async function best(runs: number, f: () => Promise<void>, ours: boolean): Promise<{ ms: number; cpuMs: number }> {
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < runs; i++) {
    peerCpu = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    ms = Math.min(ms, performance.now() - t0);
    const cu = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, ours ? (cu.user + cu.system) / 1000 : peerCpu * 1000);
  }
  return { ms, cpuMs };
}

const suite: Suite = {
  name: 'probe-registry',
  description: `verify N image refs against a real TLS docker-registry: probeRegistry vs skopeo inspect, ${PARALLEL} in parallel`,
  async run({ quick, log }) {
    if (!existsSync('/usr/bin/docker-registry')) return { skipped: 'docker-registry not installed' };
    if (!existsSync('/usr/bin/skopeo')) return { skipped: 'skopeo not installed' };
    if (!existsSync(TIME)) return { skipped: `${TIME} (Debian package time) not installed` };
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
        if (bad.length) throw new Error(`${bad.length} probes failed, e.g. ${bad[0]!.image}: ${registryCause(bad[0]!)} ${bad[0]!.phases.find((p) => !p.ok)?.error}`);
      };
      // warm-ups: page cache, JIT, the registry's own caches
      await probeRegistry(refs.slice(0, 5), { hostRoot: root, arch: 'amd64' });
      await skopeo(refs[0]!);
      await curlMany(urls.slice(0, 5), pki.caCert, PARALLEL);
      const runs = 2;

      const oursCold = await best(runs, () => probe(false), true);
      log(`cold: ours (reuse: false) ${n} refs in ${oursCold.ms.toFixed(0)} ms, ${oursCold.cpuMs.toFixed(0)} ms CPU`);
      let failed = 0;
      const skopeoCold = await best(runs, () => pool(refs, PARALLEL, async (r) => {
        if ((await skopeo(r)) !== 0) failed++;
      }), false);
      if (failed) throw new Error(`skopeo inspect failed for ${failed} refs`);
      log(`cold: skopeo inspect per image ${n} refs in ${skopeoCold.ms.toFixed(0)} ms, ${skopeoCold.cpuMs.toFixed(0)} ms CPU`);
      let curlFailed = 0;
      const curlCold = await best(runs, () => pool(urls, PARALLEL, async (u) => {
        if ((await curlMany([u], pki.caCert, 1)) !== 1) curlFailed++;
      }), false);
      if (curlFailed) throw new Error(`curl failed for ${curlFailed} manifests`);
      log(`cold: curl per image ${n} refs in ${curlCold.ms.toFixed(0)} ms, ${curlCold.cpuMs.toFixed(0)} ms CPU`);

      const oursWarm = await best(runs, () => probe(true), true);
      log(`warm: ours (keep-alive, cached /v2/) ${n} refs in ${oursWarm.ms.toFixed(0)} ms, ${oursWarm.cpuMs.toFixed(0)} ms CPU`);
      let curlWarmOk = 0;
      const curlWarm = await best(runs, async () => {
        curlWarmOk = await curlMany(urls, pki.caCert, PARALLEL);
      }, false);
      if (curlWarmOk !== n) throw new Error(`curl (kept-alive) got ${curlWarmOk} of ${n} manifests`);
      log(`warm: ${PARALLEL} curl processes, kept-alive, ${n} refs in ${curlWarm.ms.toFixed(0)} ms, ${curlWarm.cpuMs.toFixed(0)} ms CPU`);

      // The ratio is of CPU time (the client's own: this process for ours, the peer's processes for
      // it; the registry's is left out of both): on this shared 2-core machine wall time measures the
      // queue. Wall clock is kept beside it.
      const ratio = skopeoCold.cpuMs / oursCold.cpuMs;
      const r2 = (x: number) => Number(x.toFixed(2));
      const result: SuiteResult = {
        suite: 'probe-registry',
        ours: { label: 'probeRegistry, cold (a new connection per image)', unit: 'ms CPU', value: oursCold.cpuMs, note: `${n} refs, ${PARALLEL} parallel, ${oursCold.ms.toFixed(0)} ms wall, every phase incl. TLS verify and platform; warm (keep-alive, cached /v2/): ${oursWarm.cpuMs.toFixed(0)} ms CPU, ${oursWarm.ms.toFixed(0)} ms wall` },
        peer: { label: 'skopeo inspect per image (cold; it has no warm form)', unit: 'ms CPU', value: skopeoCold.cpuMs, note: `${n} refs, ${PARALLEL} parallel, ${skopeoCold.ms.toFixed(0)} ms wall; curl per image (cold): ${curlCold.cpuMs.toFixed(0)} ms CPU, ${curlCold.ms.toFixed(0)} ms wall; ${PARALLEL} curl processes kept-alive (warm): ${curlWarm.cpuMs.toFixed(0)} ms CPU, ${curlWarm.ms.toFixed(0)} ms wall` },
        ratio,
        ratioSays: 'skopeo CPU ÷ ours CPU, both cold (> 1: ours cheaper)',
        target: 'cold >= 2x skopeo; warm reported against kept-alive curl',
        met: ratio >= 2,
        extra: {
          refs: n,
          parallel: PARALLEL,
          oursColdCpuMs: Math.round(oursCold.cpuMs),
          oursColdMs: Math.round(oursCold.ms),
          skopeoColdCpuMs: Math.round(skopeoCold.cpuMs),
          skopeoColdMs: Math.round(skopeoCold.ms),
          coldWallRatio: r2(skopeoCold.ms / oursCold.ms),
          curlColdCpuMs: Math.round(curlCold.cpuMs),
          curlColdMs: Math.round(curlCold.ms),
          coldVsCurlCpu: r2(curlCold.cpuMs / oursCold.cpuMs),
          oursWarmCpuMs: Math.round(oursWarm.cpuMs),
          oursWarmMs: Math.round(oursWarm.ms),
          curlWarmCpuMs: Math.round(curlWarm.cpuMs),
          curlWarmMs: Math.round(curlWarm.ms),
          warmVsCurlCpu: r2(curlWarm.cpuMs / oursWarm.cpuMs),
          warmVsCurlWall: r2(curlWarm.ms / oursWarm.ms),
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
