/**
 * `diagnose --lab`: the same pipeline as on a live cluster, pointed at the lab. Cluster evidence comes
 * through the real kube source (HTTP to the lab's API with its kubeconfig); node evidence from the host
 * gatherer run against each node's file tree with every command inside the node's namespace; probes run
 * from the pods' and nodes' namespaces. A part that cannot be gathered is left out, so its rules are
 * reported as not checked — never as healthy.
 */
import { diagnose, type DiagnosisReport } from '../src/engine/diagnose.js';
import type { Evidence, SourceKind } from '../src/evidence/types.js';
import { EVIDENCE_SCHEMA_VERSION } from '../src/evidence/types.js';
import { probeLab } from './lab-probes.js';
import { loadState } from './state.js';
import type { LabState } from './types.js';

export interface LabDiagnoseOptions {
  name: string;
  probes?: boolean;
  /** evidence from files given beside --lab (diagnose --lab --bandwidth FILE) */
  addEvidence?: (evidence: Evidence) => void;
}

/** `bandwidth`: also run the bandwidth probe (after the others, so they do not share the CPU) and add its figures. */
export async function gatherLabEvidence(state: LabState, opts: { probes?: boolean; bandwidth?: boolean } = {}): Promise<{ evidence: Evidence; problems: string[] }> {
  const problems: string[] = [];
  const sources: SourceKind[] = ['lab'];
  const evidence: Evidence = { schemaVersion: EVIDENCE_SCHEMA_VERSION, collectedAt: new Date().toISOString(), sources, nodes: {}, messages: [] };
  const cluster = (async () => {
    if (!state.api?.kubeconfig) return problems.push('cluster: the lab has no API server');
    try {
      const { gatherKube } = await import('../src/sources/kube/gather.js');
      evidence.cluster = await gatherKube({ kubeconfig: state.api.kubeconfig, timeoutMs: 15_000 });
      sources.push('kube');
    } catch (e) {
      problems.push(`cluster: ${(e as Error).message}`);
    }
  })();
  const nodes = (async () => {
    try {
      const { gatherNode, netnsRunner } = await import('../src/sources/host/index.js');
      const gathered = await Promise.all(
        state.nodes.map((n) => gatherNode({ hostRoot: n.root, name: n.name, run: netnsRunner(n.netns), kernelViaRunner: true })),
      );
      for (const g of gathered) evidence.nodes[g.name] = g;
      sources.push('host');
    } catch (e) {
      problems.push(`nodes: not checked (${(e as Error).message})`);
    }
  })();
  const probes = (async () => {
    if (opts.probes === false) return;
    try {
      evidence.probes = await probeLab(state);
      sources.push('probe');
    } catch (e) {
      problems.push(`probes: ${(e as Error).message}`);
    }
  })();
  await Promise.all([cluster, nodes, probes]);
  if (opts.bandwidth) {
    try {
      const [{ labBandwidth }, { mergeBandwidth }] = await Promise.all([import('./lab-probes.js'), import('../src/sources/bandwidth.js')]);
      mergeBandwidth(evidence, await labBandwidth(state));
    } catch (e) {
      problems.push(`bandwidth: ${(e as Error).message}`);
    }
  }
  return { evidence, problems };
}

export async function diagnoseLab(opts: LabDiagnoseOptions): Promise<DiagnosisReport & { labProblems?: string[] }> {
  const state = await loadState(opts.name);
  if (!state) throw new Error(`no lab named "${opts.name}" is up (run \`flannel-doctor lab up --name ${opts.name}\`)`);
  const { evidence, problems } = await gatherLabEvidence(state, { probes: opts.probes });
  opts.addEvidence?.(evidence);
  const { RULES } = await import('../src/rules/index.js');
  const report = diagnose(evidence, RULES);
  return problems.length ? { ...report, labProblems: problems } : report;
}
