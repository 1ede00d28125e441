/**
 * Cluster text (event messages, log lines, object names) is written by whoever can create a pod or
 * an event. Before any of it reaches a terminal, a markdown renderer or a browser, the characters
 * that steer those are made visible: C0 controls but newline and tab (ESC starts terminal escape
 * sequences, BEL rings, NUL truncates), DEL, the C1 controls (U+009B is a one-byte CSI on some
 * terminals) and the bidirectional overrides that reorder what is shown ("Trojan Source").
 */

const CLASS = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const HAS_UNSAFE = new RegExp(CLASS);
const UNSAFE = new RegExp(CLASS, 'g');

const hex = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** Every unsafe character as a visible escape (`\x1b`, `\x07`, `\u202e`); newline and tab kept. */
export function escapeControls(s: string): string {
  return HAS_UNSAFE.test(s) ? s.replace(UNSAFE, hex) : s;
}

/** A copy of a value with every string passed through `f` (reports are plain JSON data). */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

/** The report with every string safe for a terminal, markdown or HTML (before their own escaping). */
export function sanitizeReport<T>(report: T): T {
  return mapStrings(report, escapeControls);
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidi overrides) written as
 * \uXXXX escapes: the data is unchanged for a parser, and `cat report.json` cannot steer the terminal.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
