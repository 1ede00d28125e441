import { getCause } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';
import type { BandwidthPairResult } from '../../evidence/probes.js';
import { fixLines } from '../../fix/steps.js';
import type { BandwidthVerdict } from '../../rules/probe/_bandwidth-verdict.js';
import { styleFor, type Style } from '../../report/style.js';
import { isData, writeData } from '../output.js';

export interface ProbeBandwidthOptions {
  lab?: string | boolean;
  targets?: string;
  seconds: string;
  pairs: string;
  pair?: string[];
  tolerance: string;
  bitrate?: string;
  output: string;
}

const UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** "500M", "1G", "800000000" (bits per second, iperf3's units) → bits per second. */
export function parseBitrate(v: string): number {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(v.trim());
  const bps = m ? Number(m[1]) * UNITS[m[2]!.toLowerCase()]! : NaN;
  if (!(bps >= 1e5)) throw new UsageError(`--bitrate takes bits per second with an optional K, M or G, at least 100K, e.g. 500M (got "${v}")`);
  return bps;
}

function parseOptions(opts: ProbeBandwidthOptions) {
  const seconds = Number(opts.seconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new UsageError(`--seconds takes a whole number 1-60 (got "${opts.seconds}")`);
  const tolerance = Number(opts.tolerance);
  if (!(tolerance >= 0 && tolerance < 1)) throw new UsageError(`--tolerance takes a share from 0 to below 1, e.g. 0.15 (got "${opts.tolerance}")`);
  if (opts.pairs !== 'ring' && opts.pairs !== 'full') throw new UsageError(`--pairs takes ring or full (got "${opts.pairs}")`);
  const pairs = opts.pair?.map((p) => {
    const m = /^([^:\s]+):([^:\s]+)$/.exec(p);
    if (!m || m[1] === m[2]) throw new UsageError(`--pair takes FROM:TO, two different node names (got "${p}")`);
    return [m[1]!, m[2]!] as [string, string];
  });
  const bitrate = opts.bitrate !== undefined ? parseBitrate(opts.bitrate) : undefined;
  return { seconds, tolerance, bitrate, mode: opts.pairs as 'ring' | 'full', pairs };
}

export async function runProbeBandwidth(opts: ProbeBandwidthOptions): Promise<number> {
  const { seconds, tolerance, bitrate, mode, pairs } = parseOptions(opts);
  const [{ loadProbeTargets }, { probeBandwidth }, { judgeBandwidth, pairRatio }] = await Promise.all([import('./probe-targets.js'), import('../../probes/bandwidth/probe-bandwidth.js'), import('../../rules/probe/_bandwidth-verdict.js')]);
  const targets = await loadProbeTargets(opts);
  const names = new Set(targets.map((t) => t.name));
  for (const n of (pairs ?? []).flat()) if (!names.has(n)) throw new UsageError(`--pair names node "${n}", which is not among the targets (${[...names].join(', ')})`);
  const report = await probeBandwidth(targets, { seconds, mode, ...(pairs ? { pairs } : {}), ...(bitrate ? { bitrate } : {}) });
  const verdicts = judgeBandwidth(report.results, { tolerance });
  // The findings `diagnose` would report from these measurements: the bandwidth rule judges them as evidence,
  // and its fixes carry the measured values (node, address, round trip) the catalog's general fix cannot.
  const [{ emptyEvidence }, { mergeBandwidth }, { runRules }, { default: rule }] = await Promise.all([import('../../evidence/types.js'), import('../../sources/bandwidth.js'), import('../../engine/run-rules.js'), import('../../rules/probe/bandwidth-probe.js')]);
  const evidence = emptyEvidence(['probe']);
  mergeBandwidth(evidence, report.results, tolerance);
  const findings = runRules(evidence, [rule]).findings.map((f) => ({ cause: f.cause, severity: f.severity, message: f.message, nodes: f.nodes, ...(f.suspects ? { suspects: f.suspects } : {}), ...(f.alternatives?.length ? { alternatives: f.alternatives } : {}), fix: f.fix }));
  if (isData(opts.output)) {
    await writeData(opts.output, { registry: [], dns: [], mesh: [], bandwidth: report.results, bandwidthTolerance: tolerance, ran: ['bandwidth'], ms: report.ms, ratios: report.results.map(pairRatio), verdicts, findings });
  } else process.stdout.write(renderBandwidth(report.results, verdicts, seconds, report.ms, pairRatio, styleFor(process.stdout), findings));
  return verdicts.length ? 1 : 0;
}

/** A finding's fix as `renderBandwidth` prints it. */
export interface BandwidthFindingFix {
  cause: string;
  fix: readonly string[];
}

const mbit = (bps?: number) => (bps === undefined ? '-' : `${(bps / 1e6).toFixed(1)} Mbit/s`);
const pct = (x?: number) => (x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);

export function renderBandwidth(results: BandwidthPairResult[], verdicts: BandwidthVerdict[], seconds: number, ms: number, ratioOf: (r: BandwidthPairResult) => { ratio?: number; expected: number }, style: Style, findings: readonly BandwidthFindingFix[] = []): string {
  const out = [`${style.bold('bandwidth')}: ${results.length} pair(s), iperf3 TCP ${seconds} s per path, ${(ms / 1000).toFixed(1)} s`, ''];
  out.push(`${'pair'.padEnd(16)} ${'underlay'.padStart(15)} ${'overlay'.padStart(15)} ${'ratio'.padStart(7)} ${'expected'.padStart(9)}  retransmits u/o  rtt u/o ms   mtu u/o`);
  for (const r of results) {
    const q = ratioOf(r);
    const rtt = (x?: number) => (x === undefined ? '-' : (x / 1000).toFixed(1));
    out.push(`${`${r.from}→${r.to}`.padEnd(16)} ${mbit(r.underlay.bitsPerSecond).padStart(15)} ${mbit(r.overlay.bitsPerSecond).padStart(15)} ${pct(q.ratio).padStart(7)} ${pct(q.expected).padStart(9)}  ${`${r.underlay.retransmits ?? '-'}/${r.overlay.retransmits ?? '-'}`.padEnd(15)}  ${`${rtt(r.underlay.meanRttUs)}/${rtt(r.overlay.meanRttUs)}`.padEnd(11)}  ${r.underlayMtu ?? '-'}/${r.overlayMtu ?? '-'}`);
  }
  out.push('');
  if (!verdicts.length) out.push(`${style.bold('verdict:')} every pair's overlay carries what VXLAN overhead leaves of its underlay, without loss or a long round trip`);
  for (const v of verdicts) {
    out.push(`${style.bold('verdict:')} ${v.from}→${v.to} ${v.kind === 'failed' ? 'FAILED' : v.kind}: ${v.detail}`);
    for (const s of v.suspects) {
      out.push(`    ${s.id}${s.cause ? ` (${s.cause})` : ''}: ${s.detail}`);
      // The rule's fix, filled from the measurements; the catalog's first step where the rule made none.
      const own = findings.find((f) => f.cause === s.cause && f.fix.length);
      const c = s.cause ? getCause(s.cause) : undefined;
      const lines = own ? own.fix : c?.fix.length ? [fixLines(c.fix, { node: s.node ?? v.from })[0]] : [];
      lines.forEach((l, i) => out.push(`      ${i ? '   ' : style.bold('fix:')} ${l}`));
    }
  }
  return out.join('\n') + '\n';
}
