// The catalog's source with every signature's samples and counterSamples emptied (scripts/build.mjs bundles it so).
// The arrays are found by their property name at a line's start and skipped token by token (strings, template
// literals, comments); any other token inside one throws, naming the file, rather than cutting a signature wrong.

const SAMPLES = /(^|\n)([ \t]*(?:samples|counterSamples):[ \t]*)\[/g;
function endOfSamples(text, open, path) {
  let i = open + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === ']') return i + 1;
    if (c === "'" || c === '"') {
      for (i++; text[i] !== c; i++) if (text[i] === '\\') i++; else if (text[i] === '\n' || i >= text.length) throw new Error(`${path}: unterminated string in samples`);
      i++;
    } else if (c === '`') {
      for (i++; text[i] !== '`'; i++) if (text[i] === '\\') i++; else if (text[i] === '$' && text[i + 1] === '{' || i >= text.length) throw new Error(`${path}: template substitution in samples`);
      i++;
    } else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 2;
    else if (/[\s,+]/.test(c)) i++;
    else throw new Error(`${path}: unexpected ${JSON.stringify(c)} in samples at ${text.slice(Math.max(0, i - 40), i + 10)}`);
  }
  throw new Error(`${path}: samples array not closed`);
}

/** The TypeScript source `text` (of `path`, for errors) with each `samples: [...]` / `counterSamples: [...]` as `[]`. */
export function withoutSamples(text, path) {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(SAMPLES)) {
    const open = m.index + m[0].length - 1;
    if (open < at) continue;
    out += text.slice(at, open) + '[]';
    at = endOfSamples(text, open, path);
  }
  return out + text.slice(at);
}
