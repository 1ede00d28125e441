import { SIGNATURES } from '../catalog/signatures.js';
import { captureUnreadable } from '../evidence/capture.js';
import type { ClusterEvidence } from '../evidence/cluster.js';
import type { Evidence } from '../evidence/types.js';
import type { Rule } from '../rules/define-rule.js';
import { createClassifier, type Classifier } from './classifier/index.js';
import { correlate, rankRoots } from './correlate.js';
import { takeInventory, type SymptomInventory } from './inventory/index.js';
import { deepFreeze } from './deep-freeze.js';
import { SEVERITY_RANK, type NotChecked, type RootCause, type Severity } from '../findings/finding.js';
import { runRules } from './run-rules.js';

export const REPORT_SCHEMA_VERSION = 1;

/**
 * unknown: no rule could run (nothing it needs was read), or the evidence holds no node at all (an
 * empty bundle), so nothing is known to be healthy.
 */
export type Verdict = 'healthy' | 'degraded' | 'broken' | 'unknown';

/** The versioned JSON contract of a diagnosis (docs/report-schema.md). */
export interface DiagnosisReport {
  schemaVersion: number;
  tool: { name: 'flannel-doctor'; version: string };
  generatedAt: string;
  verdict: Verdict;
  summary: string;
  findings: RootCause[];
  notChecked: NotChecked[];
  /** Counts of what was read, proving coverage. */
  evidence: Record<string, number>;
  /** What the sources could not read, and why. */
  unreadable: ClusterEvidence['unreadable'];
  /** Every symptom seen (pods that cannot pull, start or resolve; nodes NotReady) and how many are explained. */
  inventory: SymptomInventory;
  /** Live diagnose: nodes judged from their FlannelDoctorHealthy condition instead of their agent. */
  nodeConditions?: Evidence['nodeConditions'];
}

export interface DiagnoseOptions {
  version?: string;
  now?: Date;
  /** The message classifier rules and the inventory use; one over the catalog's signatures by default. */
  classifier?: Classifier;
}

/** Judge evidence: run the rules, correlate, rank, and say the verdict. Pure: no I/O. */
export function diagnose(evidence: Evidence, rules: readonly Rule[], opts: DiagnoseOptions = {}): DiagnosisReport {
  deepFreeze(evidence);
  const classifier = opts.classifier ?? createClassifier(SIGNATURES);
  const run = runRules(evidence, rules, classifier);
  const roots = correlate(run.findings);
  // Every symptom is folded under a root cause or becomes an `unknown` finding: none is left out.
  const { inventory, unexplained, settleRanks } = takeInventory(evidence, roots, classifier.classify);
  const findings = rankRoots([...roots, ...unexplained]);
  settleRanks();
  const noNodes = !!evidence.cluster && evidence.cluster.nodes.length === 0 && Object.keys(evidence.nodes).length === 0;
  const verdict = (run.rulesRun === 0 || (noNodes && !findings.length)) && !unexplained.length ? 'unknown' : verdictOf(findings);
  const coverage = coverageOf(run.rulesRan.length, rules.length, run.notChecked);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'flannel-doctor', version: opts.version ?? '0.0.0' },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    verdict,
    summary: summaryOf(verdict, findings, coverage, run.rulesRun > 0 && noNodes, inventory),
    findings,
    notChecked: run.notChecked,
    evidence: { ...countEvidence(evidence, run.rulesRun), rulesRan: run.rulesRan.length, rulesTotal: rules.length },
    unreadable: [...(evidence.cluster?.unreadable ?? []), ...captureUnreadable(evidence.probes?.captures ?? [])],
    inventory,
    ...(evidence.nodeConditions ? { nodeConditions: evidence.nodeConditions } : {}),
  };
}

export function verdictOf(findings: readonly RootCause[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'broken';
  if (findings.some((f) => f.severity === 'warning')) return 'degraded';
  return 'healthy';
}

/**
 * How much was checked, said whenever some rule did not run: "10 of 45 rules ran; 35 need node
 * evidence". A rule counts as run when it ran at least once (on one node of several, say).
 */
function coverageOf(ran: number, total: number, notChecked: readonly NotChecked[]): string {
  if (ran >= total) return '';
  const notRun = new Map<string, string>(); // rule id → what it needs, by kind of evidence
  for (const n of notChecked) {
    const kind = n.needs.some((x) => x.startsWith('node')) ? 'node evidence' : n.needs.some((x) => x.startsWith('probes')) ? 'probes' : 'cluster objects';
    if (!notRun.has(n.ruleId)) notRun.set(n.ruleId, kind);
  }
  const byKind = new Map<string, number>();
  for (const kind of notRun.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  const needs = [...byKind].map(([kind, n]) => `${n} need${n === 1 ? 's' : ''} ${kind}`);
  return `${ran} of ${total} rules ran${needs.length ? `; ${needs.join(', ')}` : ''}`;
}

function summaryOf(verdict: Verdict, findings: RootCause[], coverage: string, noNodes: boolean, inventory: SymptomInventory): string {
  if (verdict === 'unknown') {
    if (noNodes) return 'The evidence holds no node (an empty bundle or an empty cluster): nothing to judge.';
    return 'Nothing could be checked: no rule had the evidence it needs (see what could not be read and what was not checked).';
  }
  if (verdict === 'healthy') {
    const infos = findings.length ? `; ${findings.length} note${findings.length === 1 ? '' : 's'}` : '';
    return coverage ? `No problem found as far as checked (${coverage}${infos}).` : `No problem found${infos ? ` (${infos.slice(2)})` : ''}.`;
  }
  const errors = findings.filter((f) => f.severity === 'error' && f.cause !== 'unknown').length;
  const unknowns = inventory.unexplained;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const top = findings[0];
  const parts = [];
  if (errors) parts.push(`${errors} root cause${errors === 1 ? '' : 's'}`);
  if (unknowns) parts.push(`${unknowns} unexplained symptom${unknowns === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (top.cause === 'unknown') return `${parts.join(' and ')}: ${top.message}.`;
  return `${parts.join(' and ')}; most likely: ${top.cause}${top.nodes.length ? ` on ${top.nodes.slice(0, 3).join(', ')}` : ''}.`;
}

/** True when some finding is at or above the threshold (exit code 1). */
export function failsAt(findings: readonly RootCause[], threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]);
}

function countEvidence(e: Evidence, rulesRun: number): Record<string, number> {
  const c = e.cluster;
  const counts: Record<string, number> = {
    nodes: c?.nodes.length ?? 0,
    pods: c?.pods.length ?? 0,
    events: c?.events.length ?? 0,
    serviceAccounts: c?.serviceAccounts.length ?? 0,
    pullSecrets: c?.pullSecrets.length ?? 0,
    configMaps: c?.configMaps.length ?? 0,
    workloads: c?.workloads.length ?? 0,
    // every workload object read, judged or not
    daemonSetsRead: c?.workloadCounts?.DaemonSet ?? 0,
    deploymentsRead: c?.workloadCounts?.Deployment ?? 0,
    statefulSetsRead: c?.workloadCounts?.StatefulSet ?? 0,
    replicaSetsRead: c?.workloadCounts?.ReplicaSet ?? 0,
    podLogs: c?.podLogs?.length ?? 0,
    nodeEvidence: Object.keys(e.nodes).length,
    probes: (e.probes?.registry.length ?? 0) + (e.probes?.dns.length ?? 0) + (e.probes?.mesh.length ?? 0),
    messages: e.messages.length,
    capturePackets: (e.probes?.captures ?? []).reduce((n, c) => n + c.packets, 0),
    rulesRun,
  };
  return counts;
}
