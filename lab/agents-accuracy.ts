/**
 * Accuracy of live `diagnose` in agent mode: a lab with a flannel-doctor agent per node, each fault
 * injected in turn, then cluster evidence from the lab API and node evidence + probes from the agents
 * through the pod proxy — what a user with only a kubeconfig and the DaemonSet gets. Compare with
 * `npm run lab:accuracy` (diagnose --lab, which sees every node's namespace at once).
 *
 * usage (root, built CLI): npx tsx lab/agents-accuracy.ts [--name agacc] [--interval 2] [--only id1,id2]
 * Writes bench/out/lab-agents-accuracy.json. Image/registry/runtime faults need the images side and
 * are left out (the lab is started with --no-images).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnose } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import { gatherEvidence } from '../src/sources/gather.js';
import { agentsUp } from './agents.js';
import { addFault, listFaults, removeFault } from './fault-ops.js';
import { labDown, labUp } from './lab.js';
import { packageRoot } from './package-root.js';

const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const name = arg('--name') ?? 'agacc';
const interval = Number(arg('--interval') ?? 2);
const only = arg('--only')?.split(',');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// every agent (the faulty node's and its peers', whose mesh share sees it) must have checked since the change
const settleMs = 2 * interval * 1000 + 1500;

interface Row {
  fault: string;
  want: string;
  node?: string;
  got: string[];
  ok: boolean;
  error?: string;
}

await labDown(name).catch(() => undefined);
const rows: Row[] = [];
const healthy: { before?: string[]; after?: string[] } = {};
try {
  const lab = await labUp({ name, nodes: 3, podsPerNode: 1, images: false });
  await agentsUp(lab, { interval });
  const diag = async () => diagnose(await gatherEvidence({ kubeconfig: lab.state.api!.kubeconfig, timeoutMs: 10_000 }), RULES);
  const causes = (r: Awaited<ReturnType<typeof diag>>) => r.findings.map((f) => `${f.cause}@${f.nodes.join('+')}`);
  await sleep(settleMs);
  healthy.before = causes(await diag());
  for (const f of listFaults().filter((x) => !/^(image|registry|runtime)\./.test(x.id) && (!only || only.includes(x.id)))) {
    try {
      const added = await addFault(lab, f.id);
      await sleep(settleMs);
      const r = await diag();
      rows.push({ fault: f.id, want: f.cause, node: added.node, got: causes(r), ok: r.findings[0]?.cause === f.cause });
      await removeFault(lab, f.id);
    } catch (e) {
      rows.push({ fault: f.id, want: f.cause, got: [], ok: false, error: (e as Error).message.slice(0, 300) });
      await removeFault(lab, f.id).catch(() => undefined);
    }
    process.stderr.write(`${rows.at(-1)!.ok ? 'OK  ' : 'MISS'} ${f.id.padEnd(30)} want ${f.cause}  got ${rows.at(-1)!.got.join(', ') || rows.at(-1)!.error || '-'}\n`);
  }
  await sleep(settleMs);
  healthy.after = causes(await diag());
} finally {
  await labDown(name);
}
const ok = rows.filter((r) => r.ok).length;
process.stdout.write(`${ok}/${rows.length} faults: top root cause right (live diagnose, agents through the pod proxy); healthy before: ${healthy.before?.join(', ') || 'nothing'}; after reverts: ${healthy.after?.join(', ') || 'nothing'}\n`);
const out = join(packageRoot(), 'bench', 'out');
await mkdir(out, { recursive: true });
await writeFile(join(out, 'lab-agents-accuracy.json'), JSON.stringify({ at: new Date().toISOString(), interval, ok, total: rows.length, healthy, rows }, null, 2) + '\n');
