import type { DiagnosisReport } from '../engine/diagnose.js';
import { yamlLib } from '../yaml-lib.js';

/**
 * The JSON report as YAML (the same data and contract, docs/report-schema.md). The yaml package is
 * required here, when asked for, so other formats never load it.
 */
export function renderYaml(report: DiagnosisReport): string {
  return toYaml(report);
}

/** Any JSON-like value as YAML; control characters come out as YAML escapes in double quotes. */
export function toYaml(value: unknown): string {
  const { stringify } = yamlLib();
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
