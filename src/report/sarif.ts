import { fixLines } from '../fix/steps.js';
import { getCause } from '../catalog/index.js';
import type { DiagnosisReport } from '../engine/diagnose.js';
import type { RootCause, Severity } from '../findings/finding.js';
import { escapeJsonControls } from './sanitize.js';
import { artifactUris, type EvidenceInputs } from './sarif-locations.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INFO_URI = 'https://github.com/flannel-doctor/flannel-doctor';

interface LogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}

/** Where a finding is, as SARIF logical locations: nodes, pods, the registry, else the cluster. */
function logicalLocations(f: RootCause): LogicalLocation[] {
  const locs: LogicalLocation[] = [
    ...f.nodes.map((n) => ({ name: n, fullyQualifiedName: `node/${n}`, kind: 'resource' })),
    ...(f.registry ? [{ name: f.registry, fullyQualifiedName: `registry/${f.registry}`, kind: 'resource' }] : []),
    ...f.pods.map((p) => ({ name: p.split('/')[1] ?? p, fullyQualifiedName: `pod/${p}`, kind: 'resource' })),
  ];
  if (!locs.length) locs.push({ name: 'cluster', fullyQualifiedName: 'cluster', kind: 'resource' });
  return locs;
}

/**
 * One location: the file the evidence came from (code scanning needs a physical location, and shows
 * the first location only), with the nodes, pods and registry as its logical locations; a finding
 * backed by several files gets a related location for each other one.
 */
function locations(f: RootCause, inputs?: EvidenceInputs) {
  const [uri, ...others] = artifactUris(f, inputs);
  return {
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } }, logicalLocations: logicalLocations(f) }],
    ...(others.length ? { relatedLocations: others.map((u, i) => ({ id: i + 1, physicalLocation: { artifactLocation: { uri: u }, region: { startLine: 1 } } })) } : {}),
  };
}

/**
 * SARIF 2.1.0: one result per root cause; ruleId is the cause id (a public, stable id), the level
 * follows the severity, the location is the file the evidence came from (./sarif-locations.ts) with the
 * node, pod and registry as logical locations. Rules not checked become
 * tool notifications, so a consumer can tell "not checked" from "healthy".
 */
export function renderSarif(report: DiagnosisReport, _style?: unknown, opts: { inputs?: EvidenceInputs } = {}): string {
  const inputs = opts.inputs;
  const causeIds = [...new Set(report.findings.flatMap((f) => [f.cause, ...f.symptoms.map((s) => s.cause)]))].sort();
  const rules = causeIds.map((id) => {
    const c = getCause(id);
    return {
      id,
      name: id.replace(/[.-](\w)/g, (_, x: string) => x.toUpperCase()).replace(/^\w/, (x) => x.toUpperCase()),
      shortDescription: { text: c?.title ?? id },
      fullDescription: { text: c?.explanation ?? c?.title ?? id },
      help: { text: c?.fix.length ? fixLines(c.fix).map((s, i) => `${i + 1}. ${s}`).join('\n') : `See \`flannel-doctor explain\` for ${id}.` },
      properties: { tier: c?.tier ?? 'unknown', tags: ['flannel-doctor', c?.tier ?? 'unknown'] },
    };
  });
  const index = new Map(causeIds.map((id, i) => [id, i]));
  const result = (f: RootCause) => ({
    ruleId: f.cause,
    ruleIndex: index.get(f.cause),
    level: LEVEL[f.severity],
    message: { text: f.message },
    ...locations(f, inputs),
    partialFingerprints: { 'flannelDoctorCause/v1': [f.cause, f.registry ?? '', [...f.nodes].sort().join(',')].join('|') },
    rank: Math.round(f.confidence * 100),
    properties: {
      tier: f.tier,
      rule: f.ruleId,
      confidence: f.confidence,
      occurrences: f.occurrences,
      namespaces: f.namespaces,
      evidence: f.evidence,
      fix: f.fix,
      ...(f.alternatives?.length ? { alternatives: f.alternatives } : {}),
      ...(f.symptoms.length ? { explains: f.symptoms.map((s) => ({ cause: s.cause, message: s.message, nodes: s.nodes, pods: s.pods.length })) } : {}),
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'flannel-doctor', version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFO_URI, rules } },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: [
              ...report.notChecked.map((n) => ({
                level: 'note',
                message: { text: `${n.ruleId} (${n.cause}) not checked on ${n.scope}: needs ${n.needs.join(', ')}${n.hint ? ` — ${n.hint}` : ''}` },
                descriptor: { id: n.ruleId },
              })),
              ...report.unreadable.map((u) => ({ level: 'warning', message: { text: `could not read ${u.what}: ${u.reason}` } })),
            ],
          },
        ],
        results: report.findings.map(result),
        properties: { verdict: report.verdict, summary: report.summary, evidence: report.evidence },
      },
    ],
  };
  return escapeJsonControls(JSON.stringify(sarif, null, 2)) + '\n';
}
