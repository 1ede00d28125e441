/** Plain-text layout for the terminal report: word wrapping and shortening to a width. */

/** Text shortened to at most `max` characters, the cut in the middle: the head names what, the tail says why. */
export function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 1) return '…'.slice(0, max);
  const head = Math.ceil((max - 1) * 0.4);
  const tail = max - 1 - head;
  return `${s.slice(0, head).trimEnd()}…${s.slice(s.length - tail).trimStart()}`;
}

/**
 * Word-wraps `text` to `width` columns: the first line starts with `first`, the others with `rest`
 * (same length, usually spaces). Words longer than a line are cut. Width 0 means no wrapping.
 */
export function wrap(text: string, width: number, first: string, rest = ' '.repeat(first.length)): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  if (!width) return [first + words.join(' ')];
  const room = Math.max(20, width - first.length);
  const lines: string[] = [];
  let cur = '';
  for (let w of words) {
    while (w.length > room) {
      if (cur) {
        lines.push(cur);
        cur = '';
      }
      lines.push(w.slice(0, room));
      w = w.slice(room);
    }
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= room) cur += ' ' + w;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur || !lines.length) lines.push(cur);
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}

/** Wrapped, then cut to `maxLines` lines with the cut made in the middle of the text. */
export function wrapFit(text: string, width: number, first: string, rest: string, maxLines: number): string[] {
  if (!width) return wrap(text, 0, first, rest);
  const lines = wrap(text, width, first, rest);
  if (lines.length <= maxLines) return lines;
  // Aim a little under the room of maxLines lines: word wrapping wastes the ends of lines.
  let budget = Math.floor((width - first.length) * maxLines * 0.92);
  for (;;) {
    const cut = wrap(fit(text, budget), width, first, rest);
    if (cut.length <= maxLines || budget < 20) return cut.slice(0, maxLines);
    budget = Math.floor(budget * 0.9);
  }
}

/** Columns of text, padded; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}
