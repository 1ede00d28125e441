import type { DiagnosisReport } from '../engine/diagnose.js';
import { escapeJsonControls } from './sanitize.js';

/** The JSON report is the documented, versioned contract (docs/report-schema.md). */
export function renderJson(report: DiagnosisReport): string {
  return escapeJsonControls(JSON.stringify(report, null, 2)) + '\n';
}
