import { getCause, TOOL_ERROR_CAUSE } from '../catalog/index.js';
import { SIGNATURES } from '../catalog/signatures.js';
import { subjectOf } from '../catalog/signature-subjects.js';
import { emptyCluster } from '../evidence/cluster.js';
import { emptyNode, type NodeEvidence } from '../evidence/node.js';
import type { Evidence } from '../evidence/types.js';
import { fillSteps, fixLines, stepLine } from '../fix/steps.js';
import { fixValues } from '../fix/values.js';
import { renderTemplate, type ClusterContext, type NodeContext, type Report, type Rule } from '../rules/define-rule.js';
import { createClassifier, type Classifier } from './classifier/index.js';
import type { Finding, NotChecked } from '../findings/finding.js';
import type { JudgedLogLine } from '../findings/judged-log-line.js';
import { judgeLogs } from './judge-logs.js';
import { missingNeeds, needHint } from './needs.js';

export interface RuleRun {
  findings: Finding[];
  notChecked: NotChecked[];
  /** Rule runs: a node-scoped rule runs once per node. */
  rulesRun: number;
  /** Ids of the rules that ran at least once (coverage: "10 of 45 rules ran"). */
  rulesRan: string[];
}

/**
 * Runs every rule whose evidence is present; lists the others as not checked. A rule that throws
 * becomes a tool-error finding: one broken rule never hides the rest of the diagnosis.
 */
export function runRules(evidence: Evidence, rules: readonly Rule[], classifier: Classifier = createClassifier(SIGNATURES)): RuleRun {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  let rulesRun = 0;
  const ran = new Set<string>();
  const nodes = Object.values(evidence.nodes);
  // Each node's raw log lines are judged once per run, with this run's classifier, for its node rules.
  const judged = new Map<NodeEvidence, JudgedLogLine[]>();
  const logsOf = (node: NodeEvidence) => judged.get(node) ?? (judged.set(node, judgeLogs(node.logs ?? [], classifier.classify)), judged.get(node)!);
  for (const rule of rules) {
    if (rule.scope === 'node') {
      if (!nodes.length) {
        notChecked.push(notCheckedOf(rule, 'nodes', rule.needs.filter((n) => n.startsWith('node')).concat('node evidence')));
        continue;
      }
      for (const node of nodes) {
        const missing = missingNeeds(rule.needs, evidence, node);
        if (missing.length) notChecked.push(notCheckedOf(rule, `node ${node.name}`, missing));
        else {
          rulesRun++;
          ran.add(rule.id);
          runOne(rule, evidence, node, logsOf(node), classifier, findings);
        }
      }
    } else {
      const missing = missingNeeds(rule.needs, evidence);
      if (missing.length) notChecked.push(notCheckedOf(rule, 'cluster', missing));
      else {
        rulesRun++;
        ran.add(rule.id);
        runOne(rule, evidence, undefined, [], classifier, findings);
      }
    }
  }
  return { findings, notChecked: mergeNotChecked(notChecked), rulesRun, rulesRan: [...ran] };
}

function notCheckedOf(rule: Rule, scope: string, needs: string[]): NotChecked {
  return { ruleId: rule.id, cause: rule.causes.join(', '), scope, needs, hint: needHint(needs) };
}

/** One line per rule: "node n1, node n2" rather than one line per node. */
function mergeNotChecked(list: NotChecked[]): NotChecked[] {
  const byRule = new Map<string, NotChecked>();
  for (const nc of list) {
    const key = nc.ruleId + '|' + nc.needs.join(',');
    const prev = byRule.get(key);
    if (prev) prev.scope += ', ' + nc.scope;
    else byRule.set(key, { ...nc });
  }
  return [...byRule.values()];
}

function runOne(rule: Rule, evidence: Evidence, node: NodeEvidence | undefined, logs: readonly JudgedLogLine[], classifier: Classifier, out: Finding[]): void {
  const local: Finding[] = [];
  const declaresCluster = rule.needs.some((n) => n === 'cluster' || n.startsWith('cluster.'));
  const base: ClusterContext<string> = {
    evidence,
    get cluster() {
      if (!declaresCluster) throw new Error(`rule ${rule.id} reads cluster evidence but declares no cluster.* need`);
      return evidence.cluster ?? emptyCluster();
    },
    classify: classifier.classify,
    report: (r) => local.push(toFinding(rule, r, node, evidence)),
  };
  // The node context is the base plus the node: its getter copied as a getter, not read once.
  const ctx = rule.scope === 'node' ? (Object.defineProperties({ node: node!, logs }, Object.getOwnPropertyDescriptors(base)) as NodeContext<string>) : base;
  try {
    if (rule.scope === 'node') rule.check(ctx as NodeContext<string>);
    else rule.check(ctx);
    out.push(...local);
  } catch (err) {
    out.push(...local);
    out.push(toolError(rule, err, node));
  }
}

export function toFinding(rule: Rule, r: Report<string>, node?: NodeEvidence, evidence?: Evidence): Finding {
  const causeId = r.cause ?? rule.causes[0];
  if (!rule.causes.includes(causeId)) throw new Error(`rule ${rule.id} reported cause ${causeId} it does not declare`);
  const cause = getCause(causeId);
  if (!cause) throw new Error(`rule ${rule.id} reported unknown cause ${causeId}`);
  const template = rule.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message "${r.messageId}"`);
  const data = r.data ?? {};
  const nodes = [...new Set(r.nodes ?? (node ? [node.name] : []))];
  const pods = [...new Set(r.pods ?? [])];
  const subject = r.fix ? undefined : subjectOf(r.signature);
  const steps = fillSteps(r.fix ?? subject?.fix ?? cause.fix, fixValues({ nodes, pods, registry: r.registry }, data, evidence));
  return {
    ruleId: rule.id,
    cause: cause.id,
    tier: cause.tier,
    severity: r.severity ?? rule.severity,
    messageId: r.messageId,
    data,
    message: renderTemplate(template, data),
    nodes,
    ...(r.suspects?.length ? { suspects: r.suspects.map((s) => [...s]) } : {}),
    ...(r.via?.length ? { via: [...r.via] } : {}),
    pods,
    registry: r.registry,
    evidence: r.evidence,
    fix: steps.map(stepLine),
    steps,
    fixFrom: r.fix ? 'rule' : 'catalog',
    confidence: r.confidence ?? 0.9,
    alternatives: r.alternatives,
  };
}

function toolError(rule: Rule, err: unknown, node?: NodeEvidence): Finding {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ruleId: rule.id,
    cause: TOOL_ERROR_CAUSE.id,
    tier: TOOL_ERROR_CAUSE.tier,
    severity: 'warning',
    messageId: 'ruleFailed',
    data: { rule: rule.id, error: detail },
    message: `rule ${rule.id} failed${node ? ` on node ${node.name}` : ''}: ${detail}; its causes (${rule.causes.join(', ')}) were not checked`,
    nodes: node ? [node.name] : [],
    pods: [],
    evidence: [],
    fix: fixLines(TOOL_ERROR_CAUSE.fix),
    steps: fillSteps(TOOL_ERROR_CAUSE.fix, {}),
    fixFrom: 'catalog',
    confidence: 1,
  };
}
