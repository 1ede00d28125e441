/**
 * The lab judge shared by the accuracy run (one fault at a time) and the mixes run (several faults at
 * random places): diagnose the lab as `diagnose --lab` does, and say whether the report names what was
 * injected, where it was injected, and nothing else at error level.
 */
import type { DiagnosisReport } from '../src/engine/diagnose.js';
import { diagnose } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import { gatherLabEvidence } from '../lab/diagnose-lab.js';
import { loadState } from '../lab/state.js';
import type { Fault } from '../lab/types.js';

export type Finding = DiagnosisReport['findings'][number];

/** `diagnose --lab`; with `judgedWith`, also the probes a fault is judged with that it does not run (FaultSpec.judgedWith). */
export async function diagnoseLab(name: string, probes?: Pick<Fault, 'judgedWith'>): Promise<DiagnosisReport> {
  const state = await loadState(name);
  if (!state) throw new Error(`no lab named ${name}`);
  const { evidence } = await gatherLabEvidence(state, { bandwidth: probes?.judgedWith?.includes('bandwidth') });
  return diagnose(evidence, RULES);
}

export function placeOf(f: Finding): string {
  return [f.nodes.length ? `nodes ${f.nodes.join(',')}` : '', f.pods.length ? `pods ${f.pods.slice(0, 2).join(',')}` : '', f.registry ? `registry ${f.registry}` : ''].filter(Boolean).join(' ') || 'cluster';
}

/** Whether a finding places the fault where it was injected (a node, a pod, a registry or the pods pulling from it). */
export function placedAt(fault: Fault, node: string | undefined, f: Finding): boolean {
  if (fault.where === 'node' && node) return f.nodes.includes(node);
  if (fault.where === 'pod') return f.pods.length > 0;
  if (fault.where === 'registry') return !!f.registry || f.pods.length > 0;
  return true;
}

export interface Verdict {
  pass: boolean;
  reason: string;
  node?: string;
  top?: string;
  topWhere?: string;
  unrelatedErrors?: string[];
}

/** One fault: the top root cause is its cause at its place, and no other error-level finding. */
export function judge(fault: Fault, node: string | undefined, r: DiagnosisReport): Verdict {
  const top = r.findings.find((f) => f.severity !== 'info');
  const unrelated = r.findings.filter((f) => f.severity === 'error' && f.cause !== fault.cause).map((f) => `${f.cause} (${placeOf(f)}: ${f.message.slice(0, 160)})`);
  const base = { node, top: top?.cause, topWhere: top ? placeOf(top) : undefined, ...(unrelated.length ? { unrelatedErrors: unrelated } : {}) };
  if (!top) return { ...base, pass: false, reason: 'nothing found' };
  if (top.cause !== fault.cause) return { ...base, pass: false, reason: `top cause is ${top.cause}` };
  if (fault.where === 'node' && node && !placedAt(fault, node, top)) return { ...base, pass: false, reason: `not placed on ${node} (${placeOf(top)})` };
  if (fault.where === 'pod' && !placedAt(fault, node, top)) return { ...base, pass: false, reason: 'no pod named' };
  if (fault.where === 'registry' && !placedAt(fault, node, top)) return { ...base, pass: false, reason: 'no registry named' };
  if (unrelated.length) return { ...base, pass: false, reason: `unrelated errors: ${unrelated.join('; ')}` };
  return { ...base, pass: true, reason: 'ok' };
}

/**
 * Several faults at once: every injected cause is named as a root cause (warning or error) at its
 * place, and no error-level finding names a cause that was not injected. Order among them is free:
 * two independent faults are two root causes.
 */
export function judgeMix(injected: { fault: Fault; node?: string }[], r: DiagnosisReport): { pass: boolean; reason: string; got: string[] } {
  const loud = r.findings.filter((f) => f.severity !== 'info');
  const got = loud.map((f) => `${f.severity} ${f.cause} (${placeOf(f)})`);
  const missing = injected.filter(({ fault, node }) => !loud.some((f) => f.cause === fault.cause && placedAt(fault, node, f)));
  const causes = new Set(injected.map((i) => i.fault.cause));
  const unrelated = loud.filter((f) => f.severity === 'error' && !causes.has(f.cause));
  const why = [
    ...missing.map(({ fault, node }) => `${fault.cause}${node ? ` on ${node}` : ''} not named${loud.some((f) => f.cause === fault.cause) ? ' at its place' : ''}`),
    ...(unrelated.length ? [`unrelated errors: ${unrelated.map((f) => `${f.cause} (${placeOf(f)}: ${f.message.slice(0, 160)}; evidence: ${f.evidence.slice(0, 2).map((e) => `${e.where}: ${e.what}`.slice(0, 160)).join(' / ')})`).join('; ')}`] : []),
  ];
  return { pass: why.length === 0, reason: why.length ? why.join('; ') : 'ok', got };
}
