import type { DiagnosisReport } from '../engine/diagnose.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { EvidenceInputs } from './sarif-locations.js';
import { renderText, type TextOptions } from './text.js';
import { renderYaml } from './yaml.js';
import type { Style } from './style.js';

export type Format = 'text' | 'json' | 'yaml' | 'markdown' | 'junit' | 'sarif' | 'html';
export type { TextOptions } from './text.js';
export type { EvidenceInputs } from './sarif-locations.js';

/** The text layout, and where the evidence came from (SARIF points at those files). */
export type RenderOptions = TextOptions & { inputs?: EvidenceInputs };
type Renderer = (r: DiagnosisReport, style?: Style, opts?: RenderOptions) => string;

/** One renderer per format; more formats register here. */
export const RENDERERS: Partial<Record<Format, Renderer>> = {
  text: renderText,
  json: renderJson,
  yaml: renderYaml,
  markdown: renderMarkdown,
  junit: renderJunit,
  sarif: renderSarif,
  html: renderHtml,
};

export function render(report: DiagnosisReport, format: Format, style?: Style, opts?: RenderOptions): string {
  const r = RENDERERS[format];
  if (!r) throw new Error(`unknown output format "${format}" (one of ${Object.keys(RENDERERS).join(', ')})`);
  return r(report, style, opts);
}
