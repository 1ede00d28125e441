/** The lab commands' work (loaded lazily by lab.ts). Messages go to stderr, results to stdout. */
import { ToolError, UsageError } from '../../errors.js';
import { isData, writeData } from '../output.js';
import type { Evidence } from '../../evidence/types.js';

function int(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number (got "${v}")`);
  return n;
}

async function core() {
  // The lab runs from a source checkout (its helpers are TypeScript and scripts under lab/, run with
  // tsx); an npm install ships bin/ and dist/ only.
  const { packageRoot } = await import('../../../lab/package-root.js');
  const { existsSync } = await import('node:fs');
  if (!existsSync(`${packageRoot()}/lab/lab.ts`)) throw new ToolError('the lab runs from a source checkout of flannel-doctor (git clone, npm ci, npm run build); this install has no lab/ folder');
  const lab = await import('../../../lab/lab.js');
  const why = lab.labPrerequisite();
  if (why) throw new ToolError(why);
  return lab;
}

function wrap(e: unknown): never {
  if (e instanceof ToolError) throw e;
  throw new ToolError(e instanceof Error ? e.message : String(e), { cause: e });
}

export async function runLabUp(opts: { name: string; nodes: string; podsPerNode: string; images: boolean }): Promise<number> {
  const { labUp } = await core();
  try {
    const lab = await labUp({
      name: opts.name,
      nodes: int(opts.nodes, '--nodes'),
      podsPerNode: int(opts.podsPerNode, '--pods-per-node'),
      images: opts.images,
      progress: (line) => process.stderr.write(`lab up: ${line}\n`),
    });
    const s = lab.state;
    const versions = Object.entries(s.components ?? {}).map(([c, v]) => `${c} ${v}`).join(', ');
    process.stdout.write(
      `lab ${opts.name} is up in ${((s.upMs ?? 0) / 1000).toFixed(1)} s: ${s.nodes.length} nodes (${s.nodes.map((n) => `${n.name} ${n.ip} ${n.podCIDR}`).join(', ')})\n` +
        `  ${versions}\n` +
        `  kubectl --kubeconfig ${s.api?.kubeconfig ?? '-'} get pods -A\n`,
    );
    return 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runLabDown(opts: { name: string }): Promise<number> {
  const { labDown } = await core();
  try {
    const r = await labDown(opts.name);
    process.stdout.write(r.removed.length ? `lab ${opts.name} removed (${r.removed.length} items)\n` : `lab ${opts.name} was not up; nothing to remove\n`);
    return 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runLabStatus(opts: { name: string; output: string }): Promise<number> {
  await core();
  const { loadState } = await import('../../../lab/state.js');
  const { isAlive } = await import('../../../lab/processes.js');
  const s = await loadState(opts.name).catch(wrap);
  if (!s) {
    if (isData(opts.output)) await writeData(opts.output, { name: opts.name, up: false, nodes: [] });
    else process.stdout.write(`lab ${opts.name} is not up\n`);
    return 1;
  }
  const processes = Object.entries(s.pids).map(([role, pid]) => ({ role, pid, alive: isAlive(pid) }));
  const out = {
    name: opts.name,
    up: true,
    dir: s.dir,
    upMs: s.upMs,
    api: s.api,
    kubeconfig: s.api?.kubeconfig,
    components: s.components ?? {},
    standIns: s.standIns ?? [],
    nodes: s.nodes.map((n) => ({ name: n.name, netns: n.netns, ip: n.ip, podCIDR: n.podCIDR, vtepMac: n.vtepMac, root: n.root })),
    registries: s.registries,
    processes,
    faults: s.faults.map((f) => ({ id: f.id, ...(f.node ? { node: f.node } : {}) })),
  };
  if (isData(opts.output)) {
    await writeData(opts.output, out);
    return 0;
  }
  const lines = [`lab ${opts.name} (${s.dir}), up in ${((s.upMs ?? 0) / 1000).toFixed(1)} s, API ${s.api?.url ?? '-'}, kubeconfig ${s.api?.kubeconfig ?? '-'}`];
  for (const [c, v] of Object.entries(out.components)) lines.push(`  component ${c} ${v}`);
  for (const x of out.standIns) lines.push(`  stand-in ${x}`);
  for (const n of out.nodes) lines.push(`  node ${n.name}  ${n.ip}  ${n.podCIDR}  netns ${n.netns}`);
  for (const p of processes) lines.push(`  proc ${p.role} ${p.pid} ${p.alive ? 'running' : 'NOT RUNNING'}`);
  lines.push(out.faults.length ? `  faults: ${out.faults.map((f) => f.id + (f.node ? `@${f.node}` : '')).join(', ')}` : '  faults: none');
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export async function runFaultAdd(id: string, opts: { name: string; node?: string }): Promise<number> {
  await core();
  const { openLab } = await import('../../../lab/handle.js');
  const { addFault } = await import('../../../lab/fault-ops.js');
  try {
    const lab = await openLab(opts.name);
    const r = await addFault(lab, id, opts.node);
    process.stdout.write(`fault ${r.id} injected${r.node ? ` on ${r.node}` : ''}\n`);
    return 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runFaultRm(id: string, opts: { name: string; node?: string }): Promise<number> {
  await core();
  const { openLab } = await import('../../../lab/handle.js');
  const { removeFault } = await import('../../../lab/fault-ops.js');
  try {
    const lab = await openLab(opts.name);
    const r = await removeFault(lab, id, opts.node);
    process.stdout.write(r.map((x) => `fault ${x.id} reverted${x.node ? ` on ${x.node}` : ''}`).join('\n') + '\n');
    return 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runFaultList(opts: { output: string }): Promise<number> {
  const { listFaults } = await import('../../../lab/fault-ops.js');
  const list = listFaults();
  if (isData(opts.output)) {
    await writeData(opts.output, list);
    return 0;
  }
  const w = Math.max(...list.map((f) => f.id.length));
  const c = Math.max(...list.map((f) => f.cause.length));
  process.stdout.write(`${'FAULT'.padEnd(w)}  ${'CAUSE'.padEnd(c)}  WHERE     ${'NODE?'}  WHAT\n`);
  for (const f of list) process.stdout.write(`${f.id.padEnd(w)}  ${f.cause.padEnd(c)}  ${f.where.padEnd(8)}  ${f.nodeBound ? 'yes  ' : 'no   '}  ${f.description}\n`);
  return 0;
}

/** `diagnose --lab` and `lab diagnose`: gather from the lab, judge, render. */
export async function runLabDiagnose(opts: { name: string; output: string; addEvidence?: (evidence: Evidence) => void }): Promise<number> {
  await core();
  const { diagnoseLab } = await import('../../../lab/diagnose-lab.js');
  const { render } = await import('../../report/index.js');
  try {
    const report = await diagnoseLab({ name: opts.name, ...(opts.addEvidence ? { addEvidence: opts.addEvidence } : {}) });
    if (report.labProblems?.length) for (const p of report.labProblems) process.stderr.write(`flannel-doctor: lab: ${p}\n`);
    process.stdout.write(render(report, opts.output as never));
    return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runAgentsUp(opts: { name: string }): Promise<number> {
  await core();
  const { openLab } = await import('../../../lab/handle.js');
  const { agentsUp } = await import('../../../lab/cluster/agents.js');
  try {
    const lab = await openLab(opts.name);
    const r = await agentsUp(lab, { progress: (line) => process.stderr.write(`lab agents up: ${line}\n`) });
    process.stdout.write(
      `agents of lab ${opts.name} are up: ${r.image} (${(r.compressedBytes / 1e6).toFixed(1)} MB compressed; ` +
        `image ${r.built ? 'built' : 'cached'} ${(r.buildMs / 1000).toFixed(1)} s, push ${(r.pushMs / 1000).toFixed(1)} s, rollout ${(r.rolloutMs / 1000).toFixed(1)} s)\n` +
        `  flannel-doctor diagnose --kubeconfig ${lab.state.api?.kubeconfig ?? '-'}\n`,
    );
    return 0;
  } catch (e) {
    wrap(e);
  }
}

export async function runAgentsDown(opts: { name: string }): Promise<number> {
  await core();
  const { openLab } = await import('../../../lab/handle.js');
  const { agentsDown } = await import('../../../lab/cluster/agents.js');
  try {
    await agentsDown(await openLab(opts.name));
    process.stdout.write(`agents of lab ${opts.name} removed\n`);
    return 0;
  } catch (e) {
    wrap(e);
  }
}
