/**
 * What copying a message does to it, undone before any signature runs. The signatures are written in the
 * components' own words; a paste adds what no component wrote:
 *  - Go's encoding/json escapes of <, > and & (logrus, kubectl -o json): \u003c, \u003e, \u0026;
 *  - a terminal's colour codes (ESC[31m…ESC[0m), or what is left of them once the ESC is dropped ([31m…[0m);
 *  - HTML entities of a page copied as text (&quot;, &#39;, &lt;, &amp;, &nbsp;);
 *  - typographic quotes and odd spaces from chat tools and word processors (“ ” ‘ ’, no-break, zero-width);
 *  - tabs, and Windows line ends;
 *  - a CJK input method's full-width punctuation typed around (or over) the English text: ：，；（） for ": ", ", ",
 *    "; ", " (" and ")" (a user writing "报错：" or retyping "plugin/loop：Loop（…）");
 *  - the escapes of a quoted string a log line nests the message in (klog's err="…\"x\"…", logrus' msg="…",
 *    JSON's "log"/"MESSAGE"/"err" fields, and these nested: \\\"): every run of backslashes before a quote is
 *    dropped, so a signature reads `"x"` whatever the envelope (none needs the backslash: they accept it as \\?");
 *  - YAML's folding of a long single-quoted scalar (kubectl get events -o yaml: goyaml.v2 breaks lines past 80
 *    columns at a space, and doubles each quote), which a YAML reader folds back to one line with single quotes.
 * Most messages carry none of these: one test of `PASTED` decides, and only then is anything rewritten.
 */
const PASTED = /[\t\r\x1b\u00a0\u2000-\u200b\u2018-\u201f\u2032\u2033\u202f\ufeff\uff08\uff09\uff0c\uff1a\uff1b]|\\u00|\[0m|&(?:quot|apos|amp|lt|gt|nbsp|#\d{2,3}|#x[\da-f]{2});|\\"|: '(?:[^'\n]|'')*\n[ ]/i;
/** The same but a \r, for finding the next such place in a long text split in lines (block mode drops each line's \r). */
const PASTED_NEXT = new RegExp(PASTED.source.replace('\\r', ''), 'gi');

const GO_JSON_ESCAPE = /\\u00(3[ce]|26|1b)/gi;
const GO_JSON_CHAR: Record<string, string> = { '3c': '<', '3e': '>', '26': '&', '1b': '\x1b' };
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** Colour codes whose ESC was lost on the way: only removed when a reset ([0m) shows them for what they are. */
const BARE_ANSI = /\[\d{1,3}(?:;\d{1,3})*m/g;
const ENTITY = /&(quot|apos|amp|lt|gt|nbsp|#\d{2,3}|#x[\da-f]{2});/gi;
/**
 * A YAML mapping value in single quotes left open at its line's end and closed on a later, indented line (every
 * line between indented, none empty): the scalar goyaml.v2 folded. Only its line breaks (with the indent) and
 * doubled quotes are undone; a text with no such value, or a value never closed, is left as written.
 */
const YAML_FOLDED = /(: )'((?:[^'\n]|'')*(?:\n[ ]+(?! )(?:[^'\n]|'')*)+)'(?=[ ]*(?:\n|$))/g;
/** A quote escaped once or more (\", \\\", …). */
const ESCAPED_QUOTE = /\\+"/g;
const NAMED: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: ' ' };

function entity(_: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower in NAMED) return NAMED[lower];
  const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  // Only printable ASCII: an entity for anything else stays as written.
  return code >= 32 && code < 127 ? String.fromCharCode(code) : _;
}

/** Does the text carry anything a paste adds? */
export function looksPasted(text: string): boolean {
  return PASTED.test(text);
}

/** Does a line of a stream (its trailing \r already dropped) carry anything a paste adds? */
export function lineLooksPasted(line: string): boolean {
  PASTED_NEXT.lastIndex = 0;
  return PASTED_NEXT.test(line);
}

/** The mark of a quote escaped in a log line's quoted string, the paste block mode undoes on the way. */
export const ESCAPED_QUOTE_MARK = '\\"';
/** ASCII markers of a paste (block mode's text is ASCII: the rest of PASTED cannot occur in it). */
const ASCII_MARKERS = ['\t', '\x1b', '\\u00', '[0m', ESCAPED_QUOTE_MARK];
const ENTITY_AT = /&(?:quot|apos|amp|lt|gt|nbsp|#\d{2,3}|#x[\da-f]{2});/iy;

/**
 * For a long ASCII text (block mode): a function giving the first place at or after `from` that holds something a
 * paste adds (without `quotes`, something other than an escaped quote), or -1. Each marker is found with indexOf and its place kept until `from` passes it, and an ampersand
 * counts only where an entity starts, so the text is read about once per marker however often it is asked — a
 * regular expression over the whole text cost a tenth of the throughput bench.
 */
export function pastedScanner(text: string, { quotes = true }: { quotes?: boolean } = {}): (from: number) => number {
  const markers = quotes ? ASCII_MARKERS : ASCII_MARKERS.filter((m) => m !== ESCAPED_QUOTE_MARK);
  const next = markers.map(() => -2); // -2: not looked for yet
  let entity = -2;
  const nextEntity = (from: number) => {
    for (let a = text.indexOf('&', from); a !== -1; a = text.indexOf('&', a + 1)) {
      ENTITY_AT.lastIndex = a;
      if (ENTITY_AT.test(text)) return a;
    }
    return -1;
  };
  return (from) => {
    let best = -1;
    for (let i = 0; i < markers.length; i++) {
      if (next[i] !== -1 && next[i] < from) next[i] = text.indexOf(markers[i], from);
      if (next[i] !== -1 && (best === -1 || next[i] < best)) best = next[i];
    }
    if (entity !== -1 && entity < from) entity = nextEntity(from);
    if (entity !== -1 && (best === -1 || entity < best)) best = entity;
    return best;
  };
}

/**
 * undoPaste of an ASCII line whose only paste is escaped quotes (pastedScanner without quotes found nothing in
 * it): the quotes' backslashes dropped, the one rewrite undoPaste makes of such a line.
 */
export function undoEscapedQuotes(line: string): string {
  return line.replace(ESCAPED_QUOTE, '"');
}

/** Go's JSON escapes of <, > and & read as the characters (kept for its callers; undoPaste does more). */
export function unescapeJsonHtml(text: string): string {
  return text.indexOf('\\u00') === -1 ? text : text.replace(GO_JSON_ESCAPE, (_, hex: string) => GO_JSON_CHAR[hex.toLowerCase()]);
}

/** The message as the component wrote it, as far as a paste can be undone. */
export function undoPaste(text: string): string {
  if (!PASTED.test(text)) return text;
  let t = unescapeJsonHtml(text);
  if (t.indexOf('\x1b') !== -1) t = t.replace(ANSI, '');
  if (t.indexOf('[0m') !== -1) t = t.replace(BARE_ANSI, '');
  if (t.indexOf('&') !== -1) t = t.replace(ENTITY, entity);
  if (t.indexOf('\\"') !== -1) t = t.replace(ESCAPED_QUOTE, '"');
  if (t.indexOf(": '") !== -1) t = t.replace(YAML_FOLDED, (_, key: string, body: string) => `${key}'${body.replace(/\n[ ]+/g, ' ').replace(/''/g, "'")}'`);
  return t
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[\u201c-\u201f\u2033]/g, '"')
    .replace(/[\u2018-\u201b\u2032]/g, "'")
    .replace(/\uff1a ?/g, ': ')
    .replace(/\uff0c ?/g, ', ')
    .replace(/\uff1b ?/g, '; ')
    .replace(/ ?\uff08/g, ' (')
    .replace(/\uff09/g, ')');
}

/** A line break, or the escape of one (\n, \r, \t in a JSON string or Go's %q), with the spaces around it. */
const LAID_OUT = /(?:[ ]*(?:(?<!\\)\\[nrt]|\n)[ ]*)+/g;
const ESCAPED_BREAK = /(?<!\\)\\[nrt]/;

/**
 * The text on one line, or undefined when it is on one already. A paste tool hard-wraps a message at the
 * terminal's or the page's width, and a log envelope (JSON, klog's err="…", Go's %q) writes its line breaks
 * as \n: either way a signature's phrase may be cut where the component wrote a space. Read this way only when
 * the text as it came names nothing, since a break may also separate two messages.
 */
export function onOneLine(text: string): string | undefined {
  if (text.indexOf('\n') === -1 && (text.indexOf('\\') === -1 || !ESCAPED_BREAK.test(text))) return undefined;
  return text.replace(LAID_OUT, ' ');
}
