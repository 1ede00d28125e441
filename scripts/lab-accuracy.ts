/**
 * Lab accuracy: for every fault, inject it into a real lab, run the whole diagnosis (kube source, node
 * gatherer in the node namespaces, probes), and check that the top root cause is the fault's cause, at
 * the right place, with no unrelated error-level finding; then revert. A healthy lab must report no
 * warning at all. Prints a table and writes docs/lab-accuracy.md and docs/lab-accuracy.json (committed:
 * the README's accuracy figure comes from them), with the date, the commit and the component versions.
 *
 * usage: npm run lab:accuracy [-- --name acc --only id1,id2 | --subset ci --fix --merge --keep --out docs]   (Linux, root)
 * --retry N: run a failed fault again up to N times (the table shows which passed late); exit 1 if any fault fails.
 * --fix: after a correct diagnosis, apply its fix steps to the lab and diagnose again (the fix proof).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { addFault, removeFault } from '../lab/fault-ops.js';
import { FAULTS } from '../lab/faults/index.js';
import { applyFixSteps, labFixSecrets, type AppliedStep } from '../lab/fix-apply.js';
import { openLab } from '../lab/handle.js';
import { labDown, labPrerequisite, labUp } from '../lab/lab.js';
import { loadState } from '../lab/state.js';
import { diagnoseLab, judge, placeOf } from './lab-judge.js';
import { diagnose, type DiagnosisReport } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import type { Fault } from '../lab/types.js';
import { updateReadme } from './lab-accuracy-readme.js';
import { agentsUp, tokenFile } from '../lab/cluster/agents.js';
import { freshChecks } from '../lab/cluster/agent-status.js';
import { adminKubeconfig } from '../lab/cluster/control-plane.js';
import { gatherEvidence } from '../src/sources/gather.js';

interface Row {
  fault: string;
  cause: string;
  where: string;
  node?: string;
  top?: string;
  topWhere?: string;
  pass: boolean;
  reason: string;
  ms: number;
  unrelatedErrors?: string[];
  /** The commit and day this row was measured at (rows kept by --merge come from earlier runs). */
  commit?: string;
  day?: string;
  /** With --retry: the reason of every attempt, first one first (only for faults that failed once). */
  attempts?: string[];
  fix?: { result: 'healed' | 'not healed' | 'nothing to apply' | 'failed'; steps: AppliedStep[]; after?: string };
  /** With --live: the same judge on live `diagnose --kubeconfig` with the deployed agents, after their next check. */
  live?: { pass: boolean; reason: string; top?: string; topWhere?: string };
}

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const name = arg('--name') ?? 'fdacc';
const nodes = Number(arg('--nodes') ?? 3);
/**
 * The fixed subset CI runs: one fault of every family (image, registry, cni, flannel, node, dns,
 * runtime), chosen for the mechanisms they exercise, not for passing.
 */
export const CI_SUBSET = [
  'image.not-found', 'image.auth-missing', 'registry.dns', 'registry.tls-untrusted', 'cni.plugin-missing', 'cni.subnet-env-missing',
  'flannel.vxlan-blocked', 'flannel.rbac', 'flannel.config-invalid', 'node.ip-forward', 'dns.coredns-down', 'dns.upstream', 'runtime.unavailable',
];
const only = arg('--subset') === 'ci' ? CI_SUBSET : arg('--only')?.split(',');
const outDir = arg('--out') ?? 'docs';
const keep = args.includes('--keep');
/** Also prove the fix: apply the top finding's steps to the lab, then diagnose again. */
const proveFix = args.includes('--fix');
/**
 * Also judge the production path: the agent DaemonSet deployed from deploy/manifests (lab/cluster/agents.ts),
 * and live `diagnose --kubeconfig` reading the API server and the agents, after the agents' first
 * check that started once the fault was in. Shown beside --lab, per fault.
 */
const live = args.includes('--live');
/** Keep the rows of faults not run now from the previous output (a targeted rerun updates its rows only). */
const merge = args.includes('--merge');
/** Run a failed fault again, up to N more times (a loaded machine's timing); the table says which passed late. */
const retries = Number(arg('--retry') ?? 0);

let componentsUsed: Record<string, string> = {};
/** The commit the run's code came from, read when it starts (main may move while a long run goes on); "+" marks local changes. */
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'lab', 'scripts'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+` : head;
  } catch {
    return 'unknown';
  }
})();

/** `diagnose --lab`, plus the probes a fault is judged with that it does not run (FaultSpec.judgedWith). */
const diagnoseNow = (fault?: Pick<Fault, 'judgedWith'>) => diagnoseLab(name, fault);

async function diagnoseLive(): Promise<DiagnosisReport> {
  const lab = await openLab(name);
  return diagnose(await gatherEvidence({ kubeconfig: adminKubeconfig(lab.state), allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 30_000 }), RULES);
}

/** The live judgement of a fault in place since `since` (ms): the agents' next check must have seen it. */
async function judgeLive(fault: Fault, node: string | undefined, since: number): Promise<NonNullable<Row['live']>> {
  try {
    await freshChecks(await openLab(name), since, 240_000);
    const { pass, reason, top, topWhere } = judge(fault, node, await diagnoseLive());
    return { pass, reason, top, topWhere };
  } catch (e) {
    return { pass: false, reason: `live error: ${(e as Error).message.split('\n')[0].slice(0, 200)}` };
  }
}

async function deployAgents(): Promise<void> {
  const r = await agentsUp(await openLab(name), { timeoutS: 600, progress: (l) => process.stderr.write(`agents: ${l}\n`) });
  process.stderr.write(`agents: ${r.image} rolled out\n`);
}

/** Applies the top finding's fix steps as an operator would and checks that the cause is gone. */
async function applyAndRecheck(fault: Fault, report: DiagnosisReport): Promise<NonNullable<Row['fix']>> {
  const top = report.findings.find((f) => f.severity !== 'info')!;
  const lab = await openLab(name);
  const steps = await applyFixSteps(lab, top.steps, top.nodes, labFixSecrets(lab));
  if (!steps.some((s) => s.outcome === 'applied' || s.outcome === 'verified')) return { result: 'nothing to apply', steps };
  if (steps.some((s) => s.outcome === 'failed')) return { result: 'failed', steps };
  // Components take a moment to act on a fix (a restarted pod, a kubelet retry): re-diagnose until the cause is gone.
  let after: DiagnosisReport | undefined;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 5_000))) {
    after = await diagnoseNow(fault);
    if (!after.findings.some((f) => f.severity !== 'info' && f.cause === fault.cause)) return { result: 'healed', steps };
  }
  const still = after!.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cause} (${placeOf(f)})`);
  return { result: 'not healed', steps, after: still.join('; ') };
}

const cell = (t: string) => t.replace(/\|/g, '\\|');
function fixCell(r: Row): string {
  if (!r.fix) return r.fault.startsWith('(') ? '' : '-';
  const failed = r.fix.steps.find((s) => s.outcome === 'failed');
  const applied = r.fix.steps.filter((s) => s.outcome === 'applied' || s.outcome === 'verified').length;
  return `${r.fix.result}${applied ? ` (${applied} step${applied === 1 ? '' : 's'})` : ''}${failed ? `: ${failed.detail}` : ''}${r.fix.after ? `: still ${r.fix.after}` : ''}`;
}

/** Injects one fault, diagnoses, judges, proves the fix if asked, reverts, and checks the lab is healthy again. */
async function runFault(fault: Fault): Promise<Row> {
  const t = Date.now();
  const row: Row = { fault: fault.id, cause: fault.cause, where: fault.where, pass: false, reason: '', ms: 0 };
  let lab = await openLab(name);
  let injected: { node?: string } | undefined;
  try {
    injected = await addFault(lab, fault.id);
    // an agent's check counts once it began after the fault was in place (lastCheckAt is when a check began)
    const since = Date.now();
    const report = await diagnoseNow(fault);
    Object.assign(row, judge(fault, injected.node, report));
    if (live) row.live = await judgeLive(fault, injected.node, since);
    // The fix is proven whenever the top finding is the fault's cause at its place: an unrelated error
    // elsewhere (a loaded machine's slow component) fails the diagnosis row, not the fix of this cause.
    if (proveFix && (row.pass || row.reason.startsWith('unrelated errors'))) row.fix = await applyAndRecheck(fault, report);
  } catch (e) {
    row.reason = `lab error: ${(e as Error).message.split('\n')[0].slice(0, 200)}`;
  } finally {
    try {
      lab = await openLab(name);
      if (lab.state.faults.some((f) => f.id === fault.id)) await removeFault(lab, fault.id);
    } catch (e) {
      row.reason += ` (revert failed: ${(e as Error).message.slice(0, 120)})`;
    }
  }
  // A fault whose revert left the cluster unwell would be blamed on the next one: check, and start
  // from a fresh lab when it is not healthy again.
  // the components take a while to settle after a revert (a node turning Ready, a pod restarting)
  let still: DiagnosisReport['findings'] | undefined;
  for (let i = 0; i < 4; i++) {
    // with the fault's own probes too: a revert that left the loss in would pass diagnose --lab alone
    still = (await diagnoseNow(fault).catch(() => undefined))?.findings.filter((f) => f.severity !== 'info');
    if (still && !still.length) break;
    await new Promise((r) => setTimeout(r, 15_000));
  }
  if (!still || still.length) {
    row.reason += ` (lab not healthy after the revert: ${still ? still.map((f) => `${f.cause} (${placeOf(f)})`).join('; ') : 'diagnosis failed'}; recreated)`;
    process.stderr.write(`lab ${name} not healthy after ${fault.id}; recreating it\n`);
    await labDown(name);
    await labUp({ name, nodes, progress: (l) => process.stderr.write(`lab up: ${l}\n`) });
    if (live) await deployAgents();
  }
  row.ms = Date.now() - t;
  process.stderr.write(`${row.pass ? 'PASS' : 'FAIL'} ${fault.id}: ${row.reason}${row.live ? ` | live ${row.live.pass ? 'PASS' : 'FAIL'}: ${row.live.reason}` : ''}\n`);
  return row;
}

async function main(): Promise<void> {
  const why = labPrerequisite();
  if (why) throw new Error(why);
  const t0 = Date.now();
  if (!(await loadState(name))) await labUp({ name, nodes, progress: (l) => process.stderr.write(`lab up: ${l}\n`) });
  componentsUsed = (await loadState(name))?.components ?? {};
  if (live) await deployAgents();
  const rows: Row[] = [];
  const healthyT = Date.now();
  // The healthy lab is judged with every probe a selected fault is judged with: they must be silent too.
  const probesUsed = { judgedWith: [...new Set(FAULTS.filter((f) => !only || only.includes(f.id)).flatMap((f) => f.judgedWith ?? []))] };
  const healthy = await diagnoseNow(probesUsed);
  const noisy = healthy.findings.filter((f) => f.severity !== 'info');
  const silent = (r: DiagnosisReport) => {
    const loud = r.findings.filter((f) => f.severity !== 'info');
    return { pass: loud.length === 0, reason: loud.length ? `reports ${loud.map((f) => `${f.severity} ${f.cause} (${placeOf(f)})`).join('; ')}` : 'no warning', top: loud[0]?.cause };
  };
  rows.push({
    fault: '(healthy)', cause: '-', where: '-', pass: noisy.length === 0, ms: Date.now() - healthyT,
    reason: noisy.length ? `reports ${noisy.map((f) => `${f.severity} ${f.cause} (${placeOf(f)})`).join('; ')}` : 'no warning',
    top: noisy[0]?.cause,
    ...(live ? { live: silent(await freshChecks(await openLab(name), healthyT, 240_000).then(diagnoseLive)) } : {}),
  });
  process.stderr.write(`healthy: ${rows[0].reason}\n`);
  for (const fault of FAULTS) {
    if (only && !only.includes(fault.id)) continue;
    rows.push(await runFault(fault));
  }
  // A retried fault keeps its first failure in the table: a pass on the second try is shown as such.
  for (let round = 0; round < retries; round++) {
    for (const [i, row] of rows.entries()) {
      if (row.pass || row.fault.startsWith('(')) continue;
      const again = await runFault(FAULTS.find((f) => f.id === row.fault)!);
      rows[i] = { ...again, attempts: [...(row.attempts ?? [row.reason]), again.reason] };
    }
  }
  const after = await diagnoseNow(probesUsed);
  const leaks = after.findings.filter((f) => f.severity !== 'info');
  rows.push({ fault: '(healthy after reverts)', cause: '-', where: '-', pass: leaks.length === 0, ms: 0, reason: leaks.length ? `reports ${leaks.map((f) => `${f.cause} (${placeOf(f)})`).join('; ')}` : 'no warning', top: leaks[0]?.cause });
  if (!keep) await labDown(name);
  for (const r of rows) Object.assign(r, { commit, day: new Date().toISOString().slice(0, 10) });
  if (merge && existsSync(`${outDir}/lab-accuracy.json`)) {
    const previous: Row[] = JSON.parse(readFileSync(`${outDir}/lab-accuracy.json`, 'utf8')).rows ?? [];
    const fresh = new Map(rows.map((r) => [r.fault, r]));
    const kept = new Map(previous.filter((r) => !fresh.has(r.fault)).map((r) => [r.fault, r]));
    const ordered = FAULTS.map((f) => fresh.get(f.id) ?? kept.get(f.id)).filter((r): r is Row => !!r);
    rows.splice(0, rows.length, fresh.get('(healthy)')!, ...ordered, fresh.get('(healthy after reverts)')!);
  }
  const faultRows = rows.filter((r) => !r.fault.startsWith('('));
  const passed = faultRows.filter((r) => r.pass).length;
  const withLive = faultRows.filter((r) => r.live);
  const w = Math.max(...rows.map((r) => r.fault.length));
  const c = Math.max(...rows.map((r) => r.cause.length));
  const lines = [`${'FAULT'.padEnd(w)}  ${'EXPECTED'.padEnd(c)}  RESULT  GOT / WHY`];
  for (const r of rows) lines.push(`${r.fault.padEnd(w)}  ${r.cause.padEnd(c)}  ${r.pass ? 'pass  ' : 'FAIL  '}  ${r.pass ? `${r.top ?? '-'} ${r.topWhere ?? ''}` : r.reason}`);
  lines.push('', `${passed}/${faultRows.length} faults diagnosed correctly; healthy lab ${rows[0].pass ? 'silent' : 'NOT silent'}; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.stdout.write(lines.join('\n') + '\n');
  const meta = { generatedAt: new Date().toISOString(), commit, command: `npm run lab:accuracy -- ${args.join(' ')}`.trim(), components: componentsUsed, subset: only ?? 'all' };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/lab-accuracy.json`, JSON.stringify({ ...meta, lab: name, passed, total: faultRows.length, rows }, null, 2) + '\n');
  const md = [
    '# Lab accuracy',
    '',
    `Generated by \`${meta.command}\` on ${meta.generatedAt.slice(0, 10)} at commit ${commit}; components: ${Object.entries(componentsUsed).map(([c, v]) => `${c} ${v}`).join(', ')}.`,
    `Each fault is injected into the real cluster, diagnosed with \`diagnose --lab\`, judged strictly (top root cause = the fault's cause at the injected place, no other error-level finding), then reverted.`,
    '',
    `**${passed} of ${faultRows.length} faults** diagnosed correctly; healthy lab ${rows[0].pass ? 'silent' : 'NOT silent'} before, ${rows[rows.length - 1].pass ? 'silent' : 'NOT silent'} after the reverts.`,
    '',
    ...(proveFix
      ? [`With \`--fix\`, the top finding's fix steps are applied to the lab as an operator would (cluster steps with kubectl, node steps inside the node), then the lab is diagnosed again: **${faultRows.filter((r) => r.fix?.result === 'healed').length} of ${faultRows.length}** healed by the fix alone.`, '']
      : []),
    ...(new Set(faultRows.map((r) => r.commit)).size > 1 ? ['Rows were measured at different commits (`--merge` kept earlier rows of faults not run again); each row names its own.', ''] : []),
    ...(withLive.length
      ? [`Live (\`diagnose --kubeconfig\` with the agent DaemonSet deployed from deploy/manifests, after the agents' next check; \`--live\`): **${withLive.filter((r) => r.live!.pass).length} of ${withLive.length}** judged the same strict way, beside ${withLive.filter((r) => r.pass).length} of ${withLive.length} for \`diagnose --lab\` on the same faults.`, '']
      : []),
    `| fault | expected cause | where | result | got / why |${withLive.length ? ' live |' : ''}${proveFix ? ' fix |' : ''} seconds | commit |`,
    `|---|---|---|---|---|${withLive.length ? '---|' : ''}${proveFix ? '---|' : ''}---|---|`,
    ...rows.map((r) => `| ${r.fault} | ${r.cause} | ${r.node ?? r.where} | ${r.pass ? (r.attempts ? `pass (try ${r.attempts.length})` : 'pass') : 'FAIL'} | ${cell(r.pass ? `${r.top ?? '-'} ${r.topWhere ?? ''}` : r.reason)} |${withLive.length ? ` ${r.live ? cell(r.live.pass ? 'pass' : `FAIL: ${r.live.reason}`) : '-'} |` : ''}${proveFix ? ` ${cell(fixCell(r))} |` : ''} ${(r.ms / 1000).toFixed(0)} | ${r.commit ?? ''} |`),
    '',
  ].join('\n');
  writeFileSync(`${outDir}/lab-accuracy.md`, md);
  // the README's figure follows the committed table (a whole run, or a targeted one merged into it)
  if (outDir === 'docs' && (!only || merge)) updateReadme('README.md', JSON.parse(readFileSync(`${outDir}/lab-accuracy.json`, 'utf8')));
  // CI runs the subset: any wrong diagnosis or a noisy healthy lab fails it.
  if (passed < faultRows.length || !rows[0].pass || !rows[rows.length - 1].pass) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`lab-accuracy: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
