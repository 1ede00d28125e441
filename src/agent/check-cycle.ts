import { diagnose, type DiagnosisReport } from '../engine/diagnose.js';
import type { NodeEvidence } from '../evidence/node.js';
import { emptyProbes, type DnsProbeResult, type MeshNodeObservation, type MeshPathResult, type RegistryProbeResult } from '../evidence/probes.js';
import { emptyEvidence, type Evidence } from '../evidence/types.js';
import type { Rule } from '../rules/define-rule.js';

/** What one cycle may run; each part is optional so the agent works with what the node offers. */
export interface CheckParts {
  gatherNode(): Promise<NodeEvidence>;
  /** Before the probes: learn their targets (discovery from the API); returns what it could not read. */
  prepare?(): Promise<string[]>;
  probeRegistry?(): Promise<RegistryProbeResult[]>;
  probeDns?(): Promise<DnsProbeResult[]>;
  /** This node's share of the mesh: the results, and the nodes of failing pairs as the probe saw them. */
  probeMesh?(): Promise<{ results: MeshPathResult[]; nodes?: MeshNodeObservation[] }>;
}

export interface CheckResult {
  at: string;
  durationMs: number;
  evidence: Evidence;
  report: DiagnosisReport;
  /** Parts that failed to run (the tool's problem, not the cluster's). */
  errors: { part: string; message: string }[];
}

/** One check: gather, probe (each part isolated and time-boxed), judge. Never throws. */
export async function runCheckCycle(parts: CheckParts, rules: readonly Rule[], opts: { version: string; partTimeoutMs: number }): Promise<CheckResult> {
  const started = Date.now();
  const evidence = emptyEvidence(['host', 'probe']);
  const errors: CheckResult['errors'] = [];
  const node = await timeBoxed('node', parts.gatherNode(), opts.partTimeoutMs, errors);
  if (node) evidence.nodes[node.name] = node;
  if (parts.prepare) {
    const problems = await timeBoxed('discovery', parts.prepare(), opts.partTimeoutMs, errors);
    for (const message of problems ?? []) errors.push({ part: 'discovery', message });
  }
  const probes = emptyProbes();
  const [reg, dns, mesh] = await Promise.all([
    parts.probeRegistry ? timeBoxed('registry probe', parts.probeRegistry(), opts.partTimeoutMs, errors) : undefined,
    parts.probeDns ? timeBoxed('dns probe', parts.probeDns(), opts.partTimeoutMs, errors) : undefined,
    parts.probeMesh ? timeBoxed('mesh probe', parts.probeMesh(), opts.partTimeoutMs, errors) : undefined,
  ]);
  if (reg) (probes.registry = reg), probes.ran.push('registry');
  if (dns) (probes.dns = dns), probes.ran.push('dns');
  if (mesh) {
    probes.mesh = mesh.results;
    if (mesh.nodes?.length) probes.meshNodes = mesh.nodes;
    probes.ran.push('mesh');
  }
  if (probes.ran.length) evidence.probes = probes;
  const report = diagnose(evidence, rules, { version: opts.version });
  return { at: new Date(started).toISOString(), durationMs: Date.now() - started, evidence, report, errors };
}

async function timeBoxed<T>(part: string, p: Promise<T>, ms: number, errors: CheckResult['errors']): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
      }),
    ]);
  } catch (e) {
    errors.push({ part, message: e instanceof Error ? e.message : String(e) });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
