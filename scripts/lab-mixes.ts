/**
 * Lab mixes: the accuracy run places every node fault on the same node and injects one fault at a
 * time. Real clusters break on any node and in more than one place at once. This run draws seeded
 * scenarios and judges them on the real lab:
 *   - placement: one node fault on a node the accuracy run never uses (the first node or the last);
 *   - pull + node: a pod or registry fault beside a node or cluster fault;
 *   - two nodes: two node faults of different layers on two different nodes;
 *   - same layer: two node faults of one layer (two flannel faults, two CNI faults …) on two nodes,
 *     where both break the same traffic and each must still be named on its own node.
 * A scenario passes when every injected cause is named at its place and no error-level finding names
 * anything else (scripts/lab-judge.ts). Pairs where one fault removes what the other is seen through
 * are not drawn: a cluster-wide flannel fault with any network fault (flannel stops everywhere, so the
 * other has no traffic to show in), two faults on one node. Everything drawn is reported, pass or fail.
 *
 * usage: npx tsx scripts/lab-mixes.ts [--name fdmix] [--nodes 3] [--seed 1] [--count 12] [--keep] [--out docs] | --readme
 * --readme only rewrites the README's line from the committed docs/lab-mixes.json. Writes docs/lab-mixes.md and .json; exit 1 when a scenario fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { kubectl } from '../lab/cluster/control-plane.js';
import { addFault, removeFault } from '../lab/fault-ops.js';
import { FAULTS } from '../lab/faults/index.js';
import { openLab } from '../lab/handle.js';
import { labDown, labPrerequisite, labUp } from '../lab/lab.js';
import { loadState } from '../lab/state.js';
import type { Fault } from '../lab/types.js';
import { seededRandom } from '../src/seeded-random.js';
import { diagnoseLab, judgeMix, placeOf } from './lab-judge.js';
import { writeBlock } from './readme-block.js';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const name = arg('--name') ?? 'fdmix';
const nodeCount = Number(arg('--nodes') ?? 3);
const seed = Number(arg('--seed') ?? 1);
const count = Number(arg('--count') ?? 12);
const outDir = arg('--out') ?? 'docs';
const keep = args.includes('--keep');

interface Placed {
  fault: Fault;
  node?: string;
}
export interface Scenario {
  kind: 'placement' | 'pull + node' | 'two nodes' | 'same layer';
  faults: Placed[];
}

/** The layer a fault breaks; two faults of one layer on the data path would be judged against each other. */
const layer = (f: Fault) => f.id.split('.')[0];
/** Cluster-wide faults that stop flannel on every node: no other network fault can show beside them. */
const STOPS_FLANNEL = new Set(['flannel.config-invalid', 'flannel.network-mismatch', 'flannel.rbac']);
const isPull = (f: Fault) => f.where === 'pod' || f.where === 'registry' || (f.nodeBound && f.id.startsWith('registry.'));
const isNodeNet = (f: Fault) => f.nodeBound && !isPull(f);

/** Seeded scenarios over the lab's node names; the same seed and nodes give the same plan. */
export function drawScenarios(faults: readonly Fault[], nodes: string[], seedValue: number, n: number): Scenario[] {
  const rnd = seededRandom(seedValue);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const accuracyNode = nodes[1] ?? nodes[0]; // where the accuracy run puts every node fault
  const elsewhere = nodes.filter((x) => x !== accuracyNode);
  const nodeNet = faults.filter(isNodeNet);
  const pulls = faults.filter(isPull);
  const clusterNet = faults.filter((f) => f.where === 'cluster' && !STOPS_FLANNEL.has(f.id));
  const out: Scenario[] = [];
  const seen = new Set<string>();
  const kinds: readonly Scenario['kind'][] = KINDS;
  for (let guard = 0; out.length < n && guard < n * 50; guard++) {
    const kind = kinds[out.length % kinds.length];
    let s: Scenario;
    if (kind === 'placement') s = { kind, faults: [{ fault: pick(nodeNet), node: pick(elsewhere.length ? elsewhere : nodes) }] };
    else if (kind === 'pull + node') {
      const pull = pick(pulls);
      const other = rnd() < 0.7 ? pick(nodeNet) : pick(clusterNet);
      const pullNode = pull.nodeBound ? pick(nodes) : undefined;
      const otherNode = other.nodeBound ? pick(nodes.filter((x) => x !== pullNode)) : undefined;
      s = { kind, faults: [{ fault: pull, node: pullNode }, { fault: other, node: otherNode }] };
    } else {
      const a = pick(nodeNet);
      const sameLayer = kind === 'same layer';
      const partners = nodeNet.filter((f) => f.id !== a.id && (layer(f) === layer(a)) === sameLayer);
      if (!partners.length) continue;
      const b = pick(partners);
      const na = pick(nodes);
      s = { kind, faults: [{ fault: a, node: na }, { fault: b, node: pick(nodes.filter((x) => x !== na)) }] };
    }
    const key = s.faults.map((p) => `${p.fault.id}@${p.node ?? '-'}`).sort().join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

interface Row {
  scenario: string;
  kind: Scenario['kind'];
  pass: boolean;
  reason: string;
  got: string[];
  seconds: number;
}

const describe = (s: Scenario) => s.faults.map((p) => `${p.fault.id}${p.node ? ` on ${p.node}` : ''}`).join(' + ');

const KINDS = ['placement', 'pull + node', 'two nodes', 'same layer'] as const;

/** What docs/lab-mixes.json holds. */
export interface MixesFile {
  generatedAt: string;
  commit: string;
  command: string;
  seed: number;
  passed: number;
  total: number;
  rows: Pick<Row, 'kind' | 'pass'>[];
}

/** The README's line, from the committed file (test/lab-mixes.test.ts compares them). */
export function mixesLine(m: MixesFile): string {
  const byKind = KINDS.map((k) => {
    const of = m.rows.filter((r) => r.kind === k);
    return of.length ? `${k} ${of.filter((r) => r.pass).length}/${of.length}` : '';
  }).filter(Boolean);
  return (
    `Other placements and two faults at once ([docs/lab-mixes.md](docs/lab-mixes.md), \`${m.command}\`): **${m.passed} of ${m.total} scenarios** ` +
    `(${byKind.join(', ')}), each fault named at its own node, nothing else at error level; measured ${m.generatedAt.slice(0, 10)} at commit ${m.commit}.`
  );
}

async function healthyAgain(): Promise<string[]> {
  let loud: string[] = [];
  for (let i = 0; i < 4; i++) {
    loud = (await diagnoseLab(name)).findings.filter((f) => f.severity !== 'info').map((f) => `${f.cause} (${placeOf(f)})`);
    if (!loud.length) return loud;
    await new Promise((r) => setTimeout(r, 15_000));
  }
  return loud;
}

/**
 * A failed scenario's cluster state, before the reverts undo it: every node's flannel.1 and the flannel
 * pods (restarts, last exit, log tail), in <out>/lab-mixes-failures/. The lab's own directory goes at
 * teardown, and a transient is gone by the time anyone looks.
 */
async function keepWhatFailed(s: Scenario): Promise<void> {
  const lab = await openLab(name);
  const out: string[] = [`# ${describe(s)} (seed ${seed}, ${new Date().toISOString()})`];
  const run = async (title: string, f: () => Promise<string> | string) => {
    try {
      out.push(`## ${title}`, String(await f()).trim().slice(-6000));
    } catch (e) {
      out.push(`## ${title}`, `(failed: ${(e as Error).message.split('\n')[0]})`);
    }
  };
  for (const n of lab.state.nodes) await run(`${n.name}: ip -d link show flannel.1`, () => execFileSync('ip', ['netns', 'exec', n.netns, 'ip', '-d', 'link', 'show', 'flannel.1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  // what diagnose's node gathering reads there now (the links it parsed, the problems it met)
  const { gatherNode, netnsRunner } = await import('../src/sources/host/index.js');
  for (const n of lab.state.nodes) {
    await run(`${n.name}: gathered links and problems`, async () => {
      const g = await gatherNode({ hostRoot: n.root, name: n.name, run: netnsRunner(n.netns), kernelViaRunner: true });
      return JSON.stringify({ links: g.links.map((l) => l.name), gathered: g.gathered, problems: g.problems }, null, 1);
    });
  }
  await run('flannel pods', async () => (await kubectl(lab, ['get', 'pods', '-n', 'kube-flannel', '-o', 'wide'])).stdout);
  const pods = JSON.parse((await kubectl(lab, ['get', 'pods', '-n', 'kube-flannel', '-o', 'json'])).stdout).items as any[];
  for (const p of pods) {
    await run(`${p.metadata.name} on ${p.spec.nodeName}: container status`, () => JSON.stringify(p.status?.containerStatuses ?? [], null, 1));
    await run(`${p.metadata.name}: log`, async () => (await kubectl(lab, ['logs', '-n', 'kube-flannel', p.metadata.name, '-c', 'kube-flannel', '--tail=40'])).stdout);
    await run(`${p.metadata.name}: previous log`, async () => (await kubectl(lab, ['logs', '-n', 'kube-flannel', p.metadata.name, '-c', 'kube-flannel', '--previous', '--tail=40'])).stdout);
  }
  const dir = `${outDir}/lab-mixes-failures`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/seed${seed}-${describe(s).replace(/[^\w.-]+/g, '_').slice(0, 100)}.md`;
  writeFileSync(file, out.join('\n\n') + '\n');
  process.stderr.write(`kept the failed scenario's state in ${file}\n`);
}

async function runScenario(s: Scenario): Promise<Row> {
  const t = Date.now();
  const row: Row = { scenario: describe(s), kind: s.kind, pass: false, reason: '', got: [], seconds: 0 };
  const added: Placed[] = [];
  try {
    for (const p of s.faults) {
      await addFault(await openLab(name), p.fault.id, p.node);
      added.push(p);
    }
    // with the probes a drawn fault is judged with (node.packet-loss: the bandwidth probe)
    Object.assign(row, judgeMix(s.faults, await diagnoseLab(name, { judgedWith: s.faults.flatMap((p) => p.fault.judgedWith ?? []) })));
    if (!row.pass) await keepWhatFailed(s).catch((e) => process.stderr.write(`could not keep the failed state: ${(e as Error).message}\n`));
  } catch (e) {
    row.reason = `lab error: ${(e as Error).message.split('\n')[0].slice(0, 200)}`;
  } finally {
    for (const p of added.reverse()) {
      try {
        await removeFault(await openLab(name), p.fault.id, p.node);
      } catch (e) {
        row.reason += ` (revert of ${p.fault.id} failed: ${(e as Error).message.slice(0, 120)})`;
      }
    }
  }
  const loud = await healthyAgain().catch((e) => [`diagnosis failed: ${(e as Error).message.slice(0, 120)}`]);
  if (loud.length) {
    row.reason += ` (lab not healthy after the reverts: ${loud.join('; ')}; recreated)`;
    await labDown(name);
    await labUp({ name, nodes: nodeCount, progress: (l) => process.stderr.write(`lab up: ${l}\n`) });
  }
  row.seconds = Math.round((Date.now() - t) / 1000);
  process.stderr.write(`${row.pass ? 'PASS' : 'FAIL'} ${row.scenario}: ${row.reason}\n`);
  return row;
}

async function main(): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('usage: npx tsx scripts/lab-mixes.ts [--name fdmix] [--nodes 3] [--seed 1] [--count 12] [--keep] [--out docs] | --readme\n' +
      'Draws seeded scenarios (a node fault on another node, a pull fault beside a node fault, two node faults on two nodes),\n' +
      'injects each into a real lab, judges diagnose --lab, reverts. Writes <out>/lab-mixes.md and .json; exit 1 if one fails.\n');
    return;
  }
  if (args.includes('--readme')) {
    // the README's line again from the committed table, without a lab
    const file = JSON.parse(readFileSync(`${outDir}/lab-mixes.json`, 'utf8')) as MixesFile;
    if (!writeBlock('README.md', 'lab-mixes', mixesLine(file))) throw new Error('README.md has no lab-mixes block');
    return;
  }
  const why = labPrerequisite();
  if (why) throw new Error(why);
  if (!(await loadState(name))) await labUp({ name, nodes: nodeCount, progress: (l) => process.stderr.write(`lab up: ${l}\n`) });
  const state = (await loadState(name))!;
  // the code that runs is the code at the start (main may move during a long run)
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'lab', 'scripts'], { encoding: 'utf8' }).trim();
      return dirty ? `${head}+` : head;
    } catch {
      return 'unknown';
    }
  })();
  const scenarios = drawScenarios(FAULTS, state.nodes.map((n) => n.name), seed, count);
  const healthy = await healthyAgain();
  if (healthy.length) throw new Error(`lab ${name} is not healthy before the run: ${healthy.join('; ')}`);
  const rows: Row[] = [];
  for (const s of scenarios) rows.push(await runScenario(s));
  if (!keep) await labDown(name);
  const passed = rows.filter((r) => r.pass).length;
  const command = `npx tsx scripts/lab-mixes.ts ${args.join(' ')}`.trim();
  const meta = { generatedAt: new Date().toISOString(), commit, command, seed, nodes: nodeCount, components: state.components ?? {} };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/lab-mixes.json`, JSON.stringify({ ...meta, passed, total: rows.length, rows }, null, 2) + '\n');
  const cell = (t: string) => t.replace(/\|/g, '\\|');
  const byKind = (k: Scenario['kind']) => {
    const of = rows.filter((r) => r.kind === k);
    return `${k} ${of.filter((r) => r.pass).length}/${of.length}`;
  };
  const file: MixesFile = { ...meta, passed, total: rows.length, rows };
  writeFileSync(
    `${outDir}/lab-mixes.md`,
    [
      '# Lab mixes: other placements, two faults at once',
      '',
      `Generated by \`${command}\` on ${meta.generatedAt.slice(0, 10)} at commit ${commit} (seed ${seed}, ${nodeCount} nodes); components: ${Object.entries(meta.components).map(([c, v]) => `${c} ${v}`).join(', ')}.`,
      'Scenarios are drawn from the lab\'s faults by the seed (see the script\'s header for the rules); each is injected into the real cluster, diagnosed with `diagnose --lab`, judged (every injected cause named at its place, no error-level finding of anything else), reverted, and the lab must be silent again.',
      '',
      `**${passed} of ${rows.length} scenarios** passed (${KINDS.map(byKind).join(', ')}).`,
      '',
      '| scenario | kind | result | why | findings (warning and error) | seconds |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${cell(r.scenario)} | ${r.kind} | ${r.pass ? 'pass' : 'FAIL'} | ${cell(r.reason)} | ${cell(r.got.join('; ') || '-')} | ${r.seconds} |`),
      '',
    ].join('\n'),
  );
  if (outDir === 'docs') writeBlock('README.md', 'lab-mixes', mixesLine(file));
  process.stdout.write(`${passed}/${rows.length} scenarios passed\n`);
  if (passed < rows.length) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((e) => {
    process.stderr.write(`lab-mixes: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
