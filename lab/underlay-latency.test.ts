/**
 * `probe bandwidth` on the real lab names node.underlay-latency: healthy, with the fault on n2 (every
 * packet from and to n2 held 40 ms on the underlay switch by the NFQUEUE delayer), after the revert,
 * and with the delayer killed while its rules are in (--queue-bypass: the link is fast again, never
 * dark). iperf3 node → node and pod → pod capped at 500 Mbit/s, as the accuracy judge runs it. Needs
 * Linux, root, iperf3, python3 and the built components, like lab.test.ts.
 * FD_TEST_LAB=<name> runs it against a lab you brought up yourself (left up afterwards); it needs no
 * fault active there. The measured figures are printed.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../src/engine/run-rules.js';
import { diagnose } from '../src/engine/diagnose.js';
import type { BandwidthPairResult } from '../src/evidence/probes.js';
import { emptyEvidence } from '../src/evidence/types.js';
import { RULES } from '../src/rules/index.js';
import { pairRatio, pathRttUs } from '../src/rules/probe/_bandwidth-verdict.js';
import rule from '../src/rules/probe/bandwidth-probe.js';
import { mergeBandwidth } from '../src/sources/bandwidth.js';
import { TOOL_COMPONENTS, components } from './cluster/components.js';
import { gatherLabEvidence } from './diagnose-lab.js';
import { addFault, removeFault } from './fault-ops.js';
import { DELAYER, pidKey } from './faults/node.underlay-latency.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { labBandwidth } from './lab-probes.js';
import { isAlive } from './processes.js';
import { stillRunning } from './spawn-ledger.js';

const FAULT = 'node.underlay-latency';
const reuse = process.env.FD_TEST_LAB;
const NAME = reuse ?? `fl${process.pid % 10_000_000}`;
const missing = components().filter((c) => !c.built && !TOOL_COMPONENTS.includes(c.name));
const has = (cmd: string, arg: string) => {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const why =
  labPrerequisite() ??
  (missing.length ? `components not built: ${missing.map((c) => c.name).join(', ')} (bash lab/components/build.sh)` : !has('iperf3', '--version') ? 'iperf3 is not installed (apt-get install iperf3)' : !has('python3', '--version') ? 'python3 is not installed (the delayer is a Python script)' : undefined);
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('underlay latency on the lab', () => {
    it('needs Linux, root, iperf3, python3 and the built components (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`underlay latency lab tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

/** The rule's findings on these measurements, as "cause place" (its node when placed, else its pair). */
function judged(results: BandwidthPairResult[]): string[] {
  const ev = emptyEvidence(['probe']);
  mergeBandwidth(ev, results);
  return runRules(ev, [rule]).findings.map((f) => `${f.cause} ${f.nodes.length ? f.nodes.join(',') : (f.suspects ?? []).map((p) => p.join('-')).join(' ')}`);
}

const figures = (rs: BandwidthPairResult[]) =>
  rs
    .map((r) => {
      const q = pairRatio(r);
      const rtt = pathRttUs(r);
      return `${r.from}→${r.to} underlay ${((r.underlay.bitsPerSecond ?? 0) / 1e6).toFixed(1)} Mbit/s (RTT lowest ${rtt === undefined ? '-' : (rtt / 1000).toFixed(2)} ms, mean ${((r.underlay.meanRttUs ?? 0) / 1000).toFixed(2)} ms, ${r.underlay.retransmits} rtx), overlay ${((r.overlay.bitsPerSecond ?? 0) / 1e6).toFixed(1)} Mbit/s (RTT mean ${((r.overlay.meanRttUs ?? 0) / 1000).toFixed(2)} ms, ${r.overlay.retransmits} rtx), ratio ${q.ratio === undefined ? '-' : (q.ratio * 100).toFixed(1)}%${[r.underlay, r.overlay].filter((x) => x.error).map((x) => `; ${x.path} failed: ${x.error}`).join('')}`;
    })
    .join('; ');

/** Round trip n1 → n2 on the underlay as ping sees it, ms (average of 5). */
function pingMs(lab: OpenLab, from: string, to: string): number {
  const out = execFileSync('ip', ['netns', 'exec', lab.node(from).netns, 'ping', '-c', '5', '-i', '0.2', '-W', '2', lab.node(to).ip], { encoding: 'utf8' });
  const m = /= [\d.]+\/([\d.]+)\//.exec(out);
  if (!m) throw new Error(`no ping summary: ${out}`);
  return Number(m[1]);
}

const queued = (lab: OpenLab) => execFileSync('ip', ['netns', 'exec', lab.state.underlay.netns, 'iptables-save', '-t', 'raw'], { encoding: 'utf8' });

d('probe bandwidth on the real lab names node.underlay-latency', () => {
  let lab: OpenLab;

  beforeAll(async () => {
    if (!reuse) {
      await labDown(NAME);
      await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false });
    }
    lab = await openLab(NAME);
    if (lab.state.faults.length) throw new Error(`lab ${NAME} has faults active: ${lab.state.faults.map((f) => f.id).join(', ')}`);
  }, 300_000);

  afterAll(async () => {
    const now = await openLab(NAME).catch(() => undefined);
    if (now?.state.faults.some((f) => f.id === FAULT)) await removeFault(now, FAULT);
    if (!reuse) await labDown(NAME);
  }, 120_000);

  afterEach(async () => {
    // a step that failed half-way leaves no fault behind for the next
    const now = await openLab(NAME).catch(() => undefined);
    if (now?.state.faults.some((f) => f.id === FAULT)) await removeFault(now, FAULT);
    lab = await openLab(NAME);
  }, 120_000);

  it('healthy: no pair has a long round trip', async () => {
    const rs = await labBandwidth(lab.state, 3);
    process.stdout.write(`healthy: ${figures(rs)}\n`);
    expect(rs.every((r) => r.underlay.ok && r.overlay.ok), figures(rs)).toBe(true);
    expect(judged(rs).filter((f) => f.startsWith(FAULT)), figures(rs)).toEqual([]);
  }, 120_000);

  it('40 ms each way on n2: the pairs with n2 are named node.underlay-latency (on n2 with three nodes or more); diagnose with the probe puts it first; the revert ends the delayer and heals', async () => {
    await addFault(lab, FAULT, 'n2');
    lab = await openLab(NAME);
    const pid = lab.state.pids[pidKey('n2')]!;
    expect(isAlive(pid, DELAYER)).toBe(true);
    expect(stillRunning(lab.state.dir)).toContain(pid); // in the spawn ledger: lab down ends it even without the state
    expect(queued(lab)).toMatch(/NFQUEUE --queue-num \d+ --queue-bypass/);
    const ping = pingMs(lab, 'n1', 'n2');
    expect(ping).toBeGreaterThan(75);

    const rs = await labBandwidth(lab.state, 3);
    process.stdout.write(`delayed (ping n1→n2 ${ping.toFixed(1)} ms): ${figures(rs)}\n`);
    const withN2 = rs.filter((r) => r.from === 'n2' || r.to === 'n2');
    const placed = lab.state.nodes.length > 2;
    expect(judged(rs), figures(rs)).toEqual(withN2.map((r) => `${FAULT} ${placed ? 'n2' : `${r.from}-${r.to}`}`));
    // what the accuracy judge does for this fault: diagnose --lab plus the bandwidth probe
    const { evidence } = await gatherLabEvidence(lab.state, { bandwidth: true });
    const report = diagnose(evidence, RULES);
    const top = report.findings.find((f) => f.severity !== 'info');
    process.stdout.write(`diagnose --lab + bandwidth: ${report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.cause} [${f.nodes.join(',')}] ${f.message}`).join(' | ')}\n`);
    expect(top?.cause).toBe(FAULT);
    expect(top?.nodes).toEqual(placed ? ['n2'] : []);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.cause)).toEqual([]);
    expect(top?.evidence.map((e) => e.where)).toContain('probe bandwidth n1→n2');
    // the mesh probe's idle pings ran beside it: the round trip without the transfer's queues
    expect(top?.evidence.find((e) => e.where === 'probe mesh')?.what).toMatch(/^idle pings between the two nodes: n\d→n\d [a-z-]+ \d{2,3}(\.\d+)? ms/);
    // the fix names the node and the round trip measured
    expect(top?.fix[0]).toMatch(new RegExp(`^Measure the round trip from ${placed ? 'n2' : 'n1'}, where the probe saw \\d+\\.\\d ms .*: ping -c 20 ${placed ? '172\\.' : lab.node('n2').ip.replace(/\./g, '\\.')}`));

    await removeFault(lab, FAULT);
    lab = await openLab(NAME);
    expect(queued(lab)).not.toMatch(/NFQUEUE/);
    expect(isAlive(pid, DELAYER)).toBe(false);
    expect(lab.state.pids[pidKey('n2')]).toBeUndefined();
    expect(pingMs(lab, 'n1', 'n2')).toBeLessThan(20);
    const after = await labBandwidth(lab.state, 3);
    process.stdout.write(`after revert: ${figures(after)}\n`);
    expect(judged(after).filter((f) => f.startsWith(FAULT)), figures(after)).toEqual([]);
  }, 300_000);

  it('a delayer that dies leaves the link fast, never dark (--queue-bypass); the revert still cleans up', async () => {
    await addFault(lab, FAULT, 'n2');
    lab = await openLab(NAME);
    const pid = lab.state.pids[pidKey('n2')]!;
    expect(pingMs(lab, 'n1', 'n2')).toBeGreaterThan(75);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 40 && isAlive(pid, DELAYER); i++) await new Promise((r) => setTimeout(r, 50));
    expect(queued(lab)).toMatch(/NFQUEUE/); // the rules are still in
    const ping = pingMs(lab, 'n1', 'n2');
    process.stdout.write(`delayer killed, rules in: ping n1→n2 ${ping.toFixed(2)} ms\n`);
    expect(ping).toBeLessThan(20);
    await removeFault(lab, FAULT);
    lab = await openLab(NAME);
    expect(queued(lab)).not.toMatch(/NFQUEUE/);
  }, 120_000);
});
