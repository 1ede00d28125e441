import { isData, writeData } from '../output.js';
import { stat } from 'node:fs/promises';
import { diagnose } from '../../engine/diagnose.js';
import { UsageError } from '../../errors.js';
import { emptyEvidence, type Evidence } from '../../evidence/types.js';
import { availableModules } from '../../preflight/modules.js';
import { PREFLIGHT_RULES } from '../../preflight/index.js';
import { render, type Format } from '../../report/index.js';
import { styleFor } from '../../report/style.js';
import { VERSION } from '../../version.js';

/** The flags `preflight` parses, as its run half takes them. */
export interface PreflightOptions {
  hostRoot: string;
  name?: string;
  node: boolean;
  bundle?: string;
  nodeEvidence?: string;
  kubeconfig?: string;
  context?: string;
  output: string;
}

/** Exit 0 ready, 1 not ready. A check that could not run is listed, never counted as passed. */
export async function runPreflight(opts: PreflightOptions): Promise<number> {
  const cluster = !!(opts.bundle || opts.kubeconfig || opts.context);
  if (!opts.node && !cluster) throw new UsageError('--cluster-only needs a cluster: add --bundle, --kubeconfig or --context');
  let evidence: Evidence = emptyEvidence([]);
  if (cluster) {
    const { gatherEvidence } = await import('../../sources/gather.js');
    evidence = await gatherEvidence({ bundle: opts.bundle, kubeconfig: opts.kubeconfig, context: opts.context, agents: false });
  }
  if (opts.node) {
    const root = await stat(opts.hostRoot).catch(() => undefined);
    if (!root?.isDirectory()) throw new UsageError(`--host-root ${opts.hostRoot} is not a directory`);
    const { gatherNode } = await import('../../sources/host/index.js');
    const node = await gatherNode({ hostRoot: opts.hostRoot, name: opts.name, skipLogs: true });
    const release = node.sysctls['kernel.osrelease'];
    const available = release ? await availableModules(opts.hostRoot, release) : undefined;
    if (available) {
      node.modulesAvailable = available;
      node.gathered.push('modulesAvailable');
    }
    evidence.nodes[node.name] = node;
    if (!evidence.sources.includes('host')) evidence.sources.push('host');
  }
  if (opts.nodeEvidence) {
    const [{ mergeNodeEvidence }, { readNodeEvidence }] = await Promise.all([import('../../sources/gather.js'), import('../../sources/node-evidence.js')]);
    mergeNodeEvidence(evidence, await readNodeEvidence(opts.nodeEvidence));
  }
  const report = diagnose(evidence, PREFLIGHT_RULES, { version: VERSION });
  const ready = report.verdict !== 'unknown' && !report.findings.some((f) => f.severity === 'error');
  if (isData(opts.output)) await writeData(opts.output, { ready, report });
  else {
    const style = styleFor(process.stdout);
    process.stdout.write(`${style.bold('preflight:')} ${ready ? style.green('READY') : style.red('NOT READY')} to install flannel (${report.evidence.rulesRun} checks ran${report.notChecked.length ? `, ${report.notChecked.length} could not run: see below` : ''})\n\n`);
    process.stdout.write(render(report, opts.output as Format, style));
  }
  return ready ? 0 : report.verdict === 'unknown' ? 2 : 1;
}
