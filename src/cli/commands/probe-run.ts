import { parseDuration } from '../duration.js';
import { isData, writeData } from '../output.js';
import { getCause } from '../../catalog/index.js';
import { fixLines } from '../../fix/steps.js';
import { UsageError } from '../../errors.js';
import type { DnsProbeResult, MeshPathResult, RegistryProbeResult } from '../../evidence/probes.js';
import { styleFor, type Style } from '../../report/style.js';

const duration = parseDuration;

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1 (got "${v}")`);
  return n;
}

function fixLine(cause: string | undefined, style: Style): string[] {
  const c = cause ? getCause(cause) : undefined;
  return c?.fix.length ? [`    ${style.bold('fix:')} ${fixLines(c.fix)[0]}`] : [];
}

export async function runProbeRegistry(images: string[], opts: { hostRoot: string; pullSecret?: string; timeout: string; concurrency: string; arch?: string; node?: string; httpsProxy?: string; proxy?: string | boolean; output: string }): Promise<number> {
  const [{ probeRegistry }, { judgeRegistry }] = await Promise.all([import('../../probes/registry/probe-registry.js'), import('../../rules/_registry-verdict.js')]);
  const measured = await probeRegistry(images, {
    hostRoot: opts.hostRoot,
    pullSecret: opts.pullSecret,
    timeoutMs: duration(opts.timeout),
    concurrency: positiveInt(opts.concurrency, '--concurrency'),
    arch: opts.arch,
    node: opts.node,
    // commander turns --no-proxy <list> into opts.proxy
    proxy: opts.httpsProxy ? { httpsProxy: opts.httpsProxy, httpProxy: opts.httpsProxy, noProxy: typeof opts.proxy === 'string' ? opts.proxy : undefined } : undefined,
  });
  // what each result means is the rules' judgement; the output carries it, as `diagnose` would read it
  const results = measured.map(judgeRegistry);
  if (isData(opts.output)) await writeData(opts.output, { registry: results, dns: [], mesh: [], ran: ['registry'] });
  else process.stdout.write(renderRegistry(results, styleFor(process.stdout)));
  return results.some((r) => !r.ok) ? 1 : 0;
}

export function renderRegistry(results: RegistryProbeResult[], style: Style): string {
  const out: string[] = [];
  for (const r of results) {
    const verdict = r.ok && !r.cause ? style.bold('ok') : r.ok ? `${style.bold('ok')} but ${r.cause}` : `${style.bold('FAIL')} ${r.cause} at ${r.failedPhase}`;
    out.push(`${style.bold(r.image)}${r.node ? ` (node ${r.node})` : ''}  ${verdict}  ${r.ms ?? 0} ms${r.endpoint ? `  via ${r.endpoint}` : ''}`);
    for (const p of r.phases) out.push(`  ${p.name.padEnd(14)} ${(p.ok ? 'ok' : 'FAIL').padEnd(5)} ${String(p.ms).padStart(8)} ms  ${p.error ?? p.detail ?? ''}`.trimEnd());
    if (r.rateLimit) out.push(`  rate limit: ${r.rateLimit.limit ?? '-'} (remaining ${r.rateLimit.remaining ?? '-'})`);
    if (r.cause) out.push(...fixLine(r.cause, style));
  }
  return out.join('\n') + '\n';
}

type DnsCliOpts = { hostRoot: string; serviceIp: string; coredns?: string; upstream?: string; clusterName: string; externalName: string; namespace: string; timeout: string; node?: string; podNetns?: string; view: string; output: string };

/** The pod view from inside a pod's network namespace: this same command, re-run under nsenter. */
async function podViewIn(netns: string, opts: DnsCliOpts): Promise<DnsProbeResult[]> {
  const { execFile } = await import('node:child_process');
  const path = netns.startsWith('/') ? netns : `/var/run/netns/${netns}`;
  const args = ['probe', 'dns', '--view', 'pod', '-o', 'json', '--host-root', opts.hostRoot, '--service-ip', opts.serviceIp, '--cluster-name', opts.clusterName, '--external-name', opts.externalName, '--namespace', opts.namespace, '--timeout', opts.timeout];
  if (opts.coredns) args.push('--coredns', opts.coredns);
  if (opts.node) args.push('--node', opts.node);
  const self = [...process.execArgv, process.argv[1]!];
  return new Promise((resolve, reject) => {
    execFile('nsenter', [`--net=${path}`, '--', process.execPath, ...self, ...args], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { dns: DnsProbeResult[] }).dns);
      } catch {
        reject(new UsageError(`--pod-netns ${netns}: the pod view could not run there: ${(stderr || err?.message || 'no output').trim().slice(0, 300)}`));
      }
    });
  });
}

export async function runProbeDns(opts: DnsCliOpts): Promise<number> {
  const { probeDns } = await import('../../probes/dns/probe-dns.js');
  const { judgeDns } = await import('../../rules/probe/_dns-verdict.js');
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  const views = (list(opts.view) ?? []).filter((v): v is 'pod' | 'node' => v === 'pod' || v === 'node');
  if (!views.length) throw new UsageError(`--view takes pod, node or pod,node (got "${opts.view}")`);
  const here = opts.podNetns ? views.filter((v) => v === 'node') : views;
  const [local, inPod] = await Promise.all([
    here.length ? probeDns({ hostRoot: opts.hostRoot, serviceIp: opts.serviceIp, coredns: list(opts.coredns), upstream: list(opts.upstream), clusterName: opts.clusterName, externalName: opts.externalName, podNamespace: opts.namespace, timeoutMs: duration(opts.timeout), node: opts.node, views: here }) : [],
    opts.podNetns && views.includes('pod') ? podViewIn(opts.podNetns, opts) : [],
  ]);
  const results = [...inPod, ...local];
  const verdicts = judgeDns(results);
  if (isData(opts.output)) await writeData(opts.output, { registry: [], dns: results, mesh: [], ran: ['dns'], verdicts: verdicts.map(({ results: _r, ...v }) => v) });
  else process.stdout.write(renderDns(results, verdicts, styleFor(process.stdout)));
  return verdicts.some((v) => v.cause !== 'dns.search-ndots') ? 1 : 0;
}

function renderDns(results: DnsProbeResult[], verdicts: { cause: string; detail: string }[], style: Style): string {
  const out = results.map((r) => `  ${r.from.kind.padEnd(4)} → ${`${r.target.kind} ${r.target.server}`.padEnd(30)} ${(r.purpose === 'search-expansion' ? `${r.name} (search walk)` : r.name).padEnd(48)} ${r.outcome.padEnd(8)} ${String(r.ms).padStart(7)} ms${r.answers?.length ? `  ${r.answers.join(', ')}` : ''}${r.error ? `  ${r.error}` : ''}`);
  out.push('', verdicts.length ? '' : `${style.bold('verdict:')} the DNS chain works`);
  for (const v of verdicts) out.push(`${style.bold('verdict:')} ${v.cause}: ${v.detail}`, ...fixLine(v.cause, style));
  return out.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n') + '\n';
}

export async function runProbeMesh(opts: { lab?: string | boolean; targets?: string; timeout: string; exhaustive?: boolean; fullMeshMax: string; output: string }): Promise<number> {
  const { probeMesh } = await import('../../probes/mesh/probe-mesh.js');
  const { judgeMesh } = await import('../../rules/probe/_mesh-verdict.js');
  const { loadProbeTargets } = await import('./probe-targets.js');
  const targets = await loadProbeTargets(opts);
  const report = await probeMesh(targets, { timeoutMs: duration(opts.timeout), exhaustive: !!opts.exhaustive, plan: { fullMeshMax: positiveInt(opts.fullMeshMax, '--full-mesh-max') } });
  const verdicts = judgeMesh(report.results, report.nodes);
  if (isData(opts.output)) await writeData(opts.output, { registry: [], dns: [], mesh: report.results, meshPlan: report.plan, meshNodes: report.nodes, ran: ['mesh'], ms: report.ms, verdicts: verdicts.map(({ results: _r, ...v }) => v) });
  else process.stdout.write(renderMesh(report.results, report.plan, report.ms, verdicts, styleFor(process.stdout)));
  return verdicts.length ? 1 : 0;
}

function renderMesh(results: MeshPathResult[], plan: { nodes: number; pairs: number; mode: string }, ms: number, verdicts: { cause: string; nodes: string[]; pairs: [string, string][]; detail: string }[], style: Style): string {
  const nodes = [...new Set(results.flatMap((r) => [r.from, r.to]))].sort();
  const cell = (a: string, b: string) => {
    if (a === b) return '·';
    const rs = results.filter((r) => r.from === a && r.to === b);
    if (!rs.length) return ' ';
    if (rs.every((r) => r.ok)) return 'ok';
    if (rs.some((r) => r.path === 'underlay' && !r.ok)) return 'U';
    if (rs.some((r) => (r.path === 'overlay' || r.path === 'vxlan-udp') && !r.ok)) return 'O';
    return 'M';
  };
  const w = Math.max(4, ...nodes.map((n) => n.length));
  const first = Math.max(7, w);
  const out = [`${style.bold('mesh')}: ${plan.nodes} nodes, ${plan.pairs} pairs (${plan.mode}), ${ms} ms   ok = all paths pass, U = underlay, O = overlay/VXLAN, M = MTU (don't-fragment)`, '', `${'from\\to'.padEnd(first)} ${nodes.map((n) => n.padStart(w)).join(' ')}`];
  for (const a of nodes) out.push(`${a.padEnd(first)} ${nodes.map((b) => cell(a, b).padStart(w)).join(' ')}`);
  out.push('');
  if (!verdicts.length) out.push(`${style.bold('verdict:')} every probed pair passes`);
  for (const v of verdicts) out.push(`${style.bold('verdict:')} ${v.cause} on ${v.nodes.join(', ')}: ${v.detail}`, `    pairs: ${v.pairs.map((p) => p.join('→')).join(', ')}`, ...fixLine(v.cause, style));
  return out.join('\n') + '\n';
}
