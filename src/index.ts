/** The library surface of flannel-doctor: evidence in, judged report out. No CLI or terminal code. */
export * from './evidence/types.js';
export * from './evidence/cluster.js';
export * from './evidence/node.js';
export * from './evidence/probes.js';
export { diagnose, failsAt, verdictOf, REPORT_SCHEMA_VERSION } from './engine/diagnose.js';
export type { DiagnosisReport, Verdict } from './engine/diagnose.js';
export type { Finding, RootCause, NotChecked, Severity, EvidenceItem } from './engine/finding.js';
export { runRules } from './engine/run-rules.js';
export { correlate } from './engine/correlate.js';
export { classify } from './catalog/classify.js';
export { CAUSES, getCause } from './catalog/index.js';
export { SIGNATURES } from './catalog/signatures.js';
export { defineRule } from './rules/define-rule.js';
export type { Rule, RuleDefinition } from './rules/define-rule.js';
export { RULES } from './rules/index.js';
export { render } from './report/index.js';
export { ToolError, UsageError, InputError, isToolError } from './errors.js';
