import type { DiagnosisReport } from '../engine/diagnose.js';

/** The JSON report is the documented, versioned contract (docs/report-schema.md). */
export function renderJson(report: DiagnosisReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
