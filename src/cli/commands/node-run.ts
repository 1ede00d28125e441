import { stat } from 'node:fs/promises';
import { failsAt, diagnose } from '../../engine/diagnose.js';
import { emptyEvidence } from '../../evidence/types.js';
import type { NodeEvidence } from '../../evidence/node.js';
import { UsageError } from '../../errors.js';
import { render, type Format } from '../../report/index.js';
import { styleFor } from '../../report/style.js';
import { RULES } from '../../rules/index.js';
import { gatherNode, netnsRunner } from '../../sources/host/index.js';
import { VERSION } from '../../version.js';
import { isData, parseSeverity, writeData } from '../output.js';

/** The flags `node` parses, as its run half takes them. */
export interface NodeCommandOptions {
  hostRoot: string;
  node?: string;
  /** Hidden old spelling of --node. */
  name?: string;
  netns?: string;
  skipLogs?: boolean;
  failOn: string;
  output: string;
}

export async function runNode(opts: NodeCommandOptions): Promise<number> {
  const threshold = parseSeverity(opts.failOn);
  const root = await stat(opts.hostRoot).catch(() => undefined);
  if (!root?.isDirectory()) throw new UsageError(`--host-root ${opts.hostRoot} is not a directory`);
  const node = await gatherNode({
    hostRoot: opts.hostRoot,
    name: opts.node ?? opts.name,
    skipLogs: opts.skipLogs,
    ...(opts.netns ? { run: netnsRunner(opts.netns), kernelViaRunner: true } : {}),
  });
  // Serialise before judging: diagnose freezes the evidence it is given.
  const evidenceJson = isData(opts.output) ? JSON.stringify(node) : '';
  const evidence = emptyEvidence(['host']);
  evidence.nodes[node.name] = node;
  const report = diagnose(evidence, RULES.filter((r) => r.scope === 'node'), { version: VERSION });
  if (opts.output === 'json') {
    process.stdout.write(`{"evidence":${evidenceJson},"report":${JSON.stringify(report)}}\n`);
  } else if (opts.output === 'yaml') {
    await writeData('yaml', { evidence: JSON.parse(evidenceJson), report });
  } else {
    const style = styleFor(process.stdout);
    if (opts.output === 'text') process.stdout.write(summary(node) + '\n\n');
    process.stdout.write(render(report, opts.output as Format, style));
  }
  return failsAt(report.findings, threshold) ? 1 : 0;
}

/** One paragraph saying what was read, so "healthy" is never mistaken for "nothing looked at". */
export function summary(n: NodeEvidence): string {
  const parts = [
    `${n.cniConfigs.length} CNI config${n.cniConfigs.length === 1 ? '' : 's'}${n.cniConfigs[0] ? ` (first: ${n.cniConfigs[0].file})` : ''}`,
    n.gathered.includes('subnetEnv') ? (n.subnetEnv ? `subnet.env ${n.subnetEnv.subnet ?? '?'}` : 'no subnet.env') : 'subnet.env not read',
    `${n.links.length} links, ${n.routes.length} routes, ${n.neighbours.length} neighbours, ${n.fdb.length} fdb`,
    !n.iptables ? 'iptables not read' : n.iptables.rules.length || Object.keys(n.iptables.policies).length ? `iptables (${n.iptables.backend}) ${n.iptables.rules.length} rules` : 'iptables: no tables loaded',
    `${n.logs.length} log message${n.logs.length === 1 ? "" : "s"} kept`,
  ];
  const problems = n.problems.length ? `\n${n.problems.length} gathering problem${n.problems.length === 1 ? '' : 's'}: ${n.problems.slice(0, 3).map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; ')}` : '';
  return `node ${n.name}: ${parts.join('; ')}\ngathered: ${n.gathered.join(', ')}${problems}`;
}
