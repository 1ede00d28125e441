/**
 * The agent's cost on a node, side by side with Debian's prometheus-node-exporter in the same run,
 * measured both ways of freshness and labelled:
 *   - as deployed: our /metrics serves gauges of the last check (every 30 s here), node-exporter
 *     collects on each scrape. Steady-state RSS, idle CPU, /metrics latency at a fixed 200 requests/s
 *     (our own paced client, keep-alive), CPU per 1,000 scrapes, wrk's peak throughput.
 *   - the same freshness: every scrape of ours first runs a check (POST /api/v1/check, then GET
 *     /metrics), so both answer with values collected for that scrape; sequential scrapes, latency
 *     and CPU per scrape of each. The headline ratio is this one.
 * Both run on loopback only.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { Suite, SuiteResult } from '../suite.js';

const root = new URL('../..', import.meta.url).pathname;
const EXPORTER = '/usr/bin/prometheus-node-exporter';
const TICKS = 100; // USER_HZ

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU ticks of the process and of its children it has waited for (a check runs ip, iptables …: their CPU counts too). */
function cpuTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime + stime + cutime + cstime
}

async function waitUp(url: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Sends `rate` GETs per second for `seconds`, each on a keep-alive agent; returns latencies in ms. */
async function paced(url: string, rate: number, seconds: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const lat: number[] = [];
  const total = rate * seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        http.get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            lat.push(performance.now() - t0);
            resolve();
          });
        }).on('error', () => resolve());
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return lat.sort((a, b) => a - b);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function wrkRps(url: string, seconds: number): number | undefined {
  try {
    const out = execFileSync('wrk', ['-t1', '-c4', `-d${seconds}s`, url], { encoding: 'utf8' });
    const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

interface Measured {
  rss: number;
  idleCpuPct: number;
  p50: number;
  p99: number;
  /** CPU ms the server spent per 1,000 scrapes at 200 req/s */
  cpuMsPer1k: number;
  peak?: number;
  /** same-freshness scrapes: latency p50/p99 (ms) and the server's CPU ms per scrape */
  fresh: { p50: number; p99: number; cpuMs: number; n: number };
}

/** Sequential scrapes, each collecting fresh values first when `check` is given. */
async function freshScrapes(pid: number, url: string, n: number, check?: string): Promise<Measured['fresh']> {
  const lat: number[] = [];
  const c0 = cpuTicks(pid);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    if (check) {
      const r = await fetch(check, { method: 'POST' });
      if (!r.ok) throw new Error(`POST ${check}: ${r.status}`);
      await r.arrayBuffer();
    }
    const r = await fetch(url);
    if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
    await r.arrayBuffer();
    lat.push(performance.now() - t0);
  }
  const cpuMs = ((cpuTicks(pid) - c0) / TICKS / n) * 1000;
  lat.sort((a, b) => a - b);
  return { p50: pct(lat, 50), p99: pct(lat, 99), cpuMs, n };
}

async function measure(proc: ChildProcess, url: string, quick: boolean, check?: string): Promise<Measured> {
  await waitUp(url);
  const settle = quick ? 3 : 10;
  await new Promise((r) => setTimeout(r, settle * 1000));
  const idle = quick ? 5 : 20;
  const c0 = cpuTicks(proc.pid!);
  await new Promise((r) => setTimeout(r, idle * 1000));
  const idleCpuPct = ((cpuTicks(proc.pid!) - c0) / TICKS / idle) * 100;
  const rss = rssMb(proc.pid!);
  const pacedSeconds = quick ? 3 : 10;
  const c1 = cpuTicks(proc.pid!);
  const lat = await paced(url, 200, pacedSeconds);
  const cpuMsPer1k = ((cpuTicks(proc.pid!) - c1) / TICKS / (200 * pacedSeconds)) * 1000 * 1000;
  const peak = wrkRps(url, quick ? 2 : 5);
  const fresh = await freshScrapes(proc.pid!, url, quick ? 10 : 30, check);
  return { rss, idleCpuPct, p50: pct(lat, 50), p99: pct(lat, 99), cpuMsPer1k, peak, fresh };
}

function stop(p: ChildProcess | undefined): void {
  if (p?.pid && p.exitCode === null) p.kill('SIGTERM');
}

const suite: Suite = {
  name: 'agent-footprint',
  description: 'agent RSS, idle CPU and /metrics latency at 200 req/s vs prometheus-node-exporter',
  async run({ quick, log }) {
    if (!existsSync(EXPORTER)) return { skipped: `${EXPORTER} not installed (apt-get install prometheus-node-exporter)` };
    if (!existsSync(join(root, 'dist/cli.js'))) return { skipped: 'not built (npm run build)' };
    const ourPort = 19464;
    const peerPort = 19100;
    let ours: ChildProcess | undefined;
    let peer: ChildProcess | undefined;
    try {
      ours = spawn('node', [join(root, 'bin/flannel-doctor.cjs'), 'serve', '--host-root', '/', '--name', 'bench', '--listen', `127.0.0.1:${ourPort}`, '--interval', '30'], { stdio: 'ignore' });
      peer = spawn(EXPORTER, [`--web.listen-address=127.0.0.1:${peerPort}`], { stdio: 'ignore' });
      log('measuring the agent…');
      const a = await measure(ours, `http://127.0.0.1:${ourPort}/metrics`, quick, `http://127.0.0.1:${ourPort}/api/v1/check`);
      log('measuring node-exporter…');
      const b = await measure(peer, `http://127.0.0.1:${peerPort}/metrics`, quick);
      const ratio = b.fresh.p50 / a.fresh.p50;
      const result: SuiteResult = {
        suite: 'agent-footprint',
        ours: { label: 'flannel-doctor serve', unit: 'ms per fresh scrape (p50)', value: a.fresh.p50, note: `same freshness (a check per scrape): p50 ${a.fresh.p50.toFixed(1)} ms, p99 ${a.fresh.p99.toFixed(1)} ms, ${a.fresh.cpuMs.toFixed(1)} ms CPU per scrape; as deployed (gauges of the last check, every 30 s): ${a.rss.toFixed(1)} MB RSS, idle CPU ${a.idleCpuPct.toFixed(2)}%, /metrics p50 ${a.p50.toFixed(2)} ms p99 ${a.p99.toFixed(2)} ms at 200 req/s, ${a.cpuMsPer1k.toFixed(0)} ms CPU per 1,000 scrapes, wrk peak ${a.peak?.toFixed(0) ?? '?'} req/s` },
        peer: { label: 'prometheus-node-exporter (collects on each scrape)', unit: 'ms per fresh scrape (p50)', value: b.fresh.p50, note: `p50 ${b.fresh.p50.toFixed(1)} ms, p99 ${b.fresh.p99.toFixed(1)} ms, ${b.fresh.cpuMs.toFixed(1)} ms CPU per scrape; ${b.rss.toFixed(1)} MB RSS, idle CPU ${b.idleCpuPct.toFixed(2)}%, /metrics p50 ${b.p50.toFixed(2)} ms p99 ${b.p99.toFixed(2)} ms at 200 req/s, ${b.cpuMsPer1k.toFixed(0)} ms CPU per 1,000 scrapes, wrk peak ${b.peak?.toFixed(0) ?? '?'} req/s` },
        ratio,
        ratioSays: 'node-exporter fresh-scrape p50 ÷ ours (> 1: ours faster at the same freshness)',
        target: 'side by side (no fixed target); cached /metrics p99 < 50 ms at 200 req/s',
        met: a.p99 < 50,
        extra: {
          oursRssMb: Number(a.rss.toFixed(1)),
          peerRssMb: Number(b.rss.toFixed(1)),
          oursIdleCpuPct: Number(a.idleCpuPct.toFixed(3)),
          peerIdleCpuPct: Number(b.idleCpuPct.toFixed(3)),
          oursP50Ms: Number(a.p50.toFixed(3)),
          oursP99Ms: Number(a.p99.toFixed(3)),
          peerP50Ms: Number(b.p50.toFixed(3)),
          peerP99Ms: Number(b.p99.toFixed(3)),
          oursCpuMsPer1kScrapes: Math.round(a.cpuMsPer1k),
          peerCpuMsPer1kScrapes: Math.round(b.cpuMsPer1k),
          oursWrkPeakRps: Math.round(a.peak ?? 0),
          peerWrkPeakRps: Math.round(b.peak ?? 0),
          oursFreshP50Ms: Number(a.fresh.p50.toFixed(2)),
          oursFreshP99Ms: Number(a.fresh.p99.toFixed(2)),
          oursFreshCpuMs: Number(a.fresh.cpuMs.toFixed(2)),
          peerFreshP50Ms: Number(b.fresh.p50.toFixed(2)),
          peerFreshP99Ms: Number(b.fresh.p99.toFixed(2)),
          peerFreshCpuMs: Number(b.fresh.cpuMs.toFixed(2)),
          rssRatioPeerOverOurs: Number((b.rss / a.rss).toFixed(2)),
        },
      };
      return result;
    } finally {
      stop(ours);
      stop(peer);
    }
  },
};

export default suite;
