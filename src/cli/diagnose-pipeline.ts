/**
 * The command's pipeline after gathering: the engine judges the evidence, a reporter renders it, and
 * the exit code is picked. Shared by diagnose, pcap and fix. Pure: the caller prints and exits. The
 * library exports the two halves (the engine's `diagnose`, the reporters' `render`), not this.
 */
import { diagnose, failsAt, type DiagnosisReport } from '../engine/diagnose.js';
import type { Severity } from '../findings/finding.js';
import type { Evidence } from '../evidence/types.js';
import { render, type EvidenceInputs, type Format, type TextOptions } from '../report/index.js';
import type { Style } from '../report/style.js';
import type { Rule } from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { VERSION } from '../version.js';

export interface DiagnosePipelineOptions {
  format?: Format;
  failOn?: Severity | 'none';
  style?: Style;
  /** Layout of the text report (width, --wide, --quiet). */
  text?: TextOptions;
  rules?: readonly Rule[];
  now?: Date;
  /** The --bundle, --node-evidence and capture paths as given (SARIF points at the files the evidence came from). */
  inputs?: Pick<EvidenceInputs, 'bundle' | 'nodeEvidence' | 'captures'>;
}

export interface DiagnosePipelineResult {
  report: DiagnosisReport;
  output: string;
  /** 0 healthy, 1 a finding at or above failOn, 2 nothing could be checked */
  exitCode: 0 | 1 | 2;
}

export function diagnoseAndRender(evidence: Evidence, opts: DiagnosePipelineOptions = {}): DiagnosePipelineResult {
  const report = diagnose(evidence, opts.rules ?? RULES, { version: VERSION, now: opts.now });
  const output = render(report, opts.format ?? 'text', opts.style, { ...opts.text, inputs: { ...opts.inputs, files: evidence.cluster?.files } });
  const exitCode = failsAt(report.findings, opts.failOn ?? 'error') ? 1 : report.verdict === 'unknown' ? 2 : 0;
  return { report, output, exitCode };
}
