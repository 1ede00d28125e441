/**
 * `explain "<message>"` on its own (dist/explain.cjs, which bin/flannel-doctor.cjs runs before the CLI
 * bundle): one message, answered in text, JSON or JSON lines. explain is the command users start most
 * often, and the CLI bundle around it (commander, every other command, their code cache) was most of
 * what it spent before it ran; this entry holds the catalog, the classifier and the rendering alone.
 *
 * Like dist/pcap.cjs it takes only the command lines it parses exactly as the CLI does: `explain`
 * followed by words that do not start with "-", and at most one `-o`/`--output` of text, json or jsonl
 * in any place. Anything else (--stdin, -o yaml, --help, a word starting with "-", no message, a global
 * flag before the command) answers undefined and the launcher runs the CLI, which parses, refuses or
 * runs it: output, errors and exit codes are the CLI's in every case.
 */
import { SIGNATURES } from '../catalog/signatures.js';
import { createClassifier } from '../engine/classifier/index.js';
import { escapeControls } from '../report/sanitize.js';
import { styleFor } from '../report/style.js';
import { renderExplanation, toJson } from './commands/explain-render.js';

const FORMATS = new Set(['text', 'json', 'jsonl']);

/** The message and output format of a command line this entry runs, or undefined. */
export function parseExplainFast(argv: readonly string[]): { message: string; output: string } | undefined {
  if (argv[2] !== 'explain') return undefined;
  const words: string[] = [];
  let output: string | undefined;
  for (let i = 3; i < argv.length; i++) {
    const a = argv[i];
    let value: string | undefined;
    if (a === '-o' || a === '--output') value = argv[++i];
    else if (a.startsWith('--output=')) value = a.slice('--output='.length);
    else if (a.startsWith('-o') && a.length > 2) value = a.slice(2);
    else if (a.startsWith('-')) return undefined;
    else {
      words.push(a);
      continue;
    }
    // A second -o, a missing or unknown value: the CLI's to take or refuse.
    if (output !== undefined || value === undefined || !FORMATS.has(value)) return undefined;
    output = value;
  }
  const message = words.join(' ');
  if (!message.trim()) return undefined;
  return { message, output: output ?? 'text' };
}

/** Runs the command line if it is one this entry takes (see above): its exit code, else undefined. */
export function runExplainFast(argv: readonly string[]): number | undefined {
  const args = parseExplainFast(argv);
  if (!args) return undefined;
  // As runExplain() answers one message (src/cli/commands/explain-run.ts).
  const c = createClassifier(SIGNATURES, { prefilter: 'substring' }).classify(escapeControls(args.message));
  if (args.output === 'json') process.stdout.write(JSON.stringify(toJson(c, true), null, 2) + '\n');
  else if (args.output === 'jsonl') process.stdout.write(JSON.stringify(toJson(c, false)) + '\n');
  else process.stdout.write(renderExplanation(c, styleFor(process.stdout)));
  return 0;
}
