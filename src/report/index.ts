import type { DiagnosisReport } from '../engine/diagnose.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Style } from './style.js';

export type Format = 'text' | 'json' | 'markdown' | 'junit' | 'sarif' | 'html';

type Renderer = (r: DiagnosisReport, style?: Style) => string;

/** One renderer per format; more formats register here. */
export const RENDERERS: Partial<Record<Format, Renderer>> = {
  text: renderText,
  json: renderJson,
  markdown: renderMarkdown,
  junit: renderJunit,
  sarif: renderSarif,
  html: renderHtml,
};

export function render(report: DiagnosisReport, format: Format, style?: Style): string {
  const r = RENDERERS[format];
  if (!r) throw new Error(`unknown output format "${format}" (one of ${Object.keys(RENDERERS).join(', ')})`);
  return r(report, style);
}
