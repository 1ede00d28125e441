import { classify } from '../../catalog/classify.js';
import { UsageError } from '../../errors.js';
import { styleFor } from '../../report/style.js';
import { renderExplanation, toJson } from './explain-render.js';
import { explainStream } from './explain-stream.js';

export { renderExplanation, toJson } from './explain-render.js';

export async function runExplain(words: string[], opts: { stdin?: boolean; output: string }): Promise<number> {
  if (opts.stdin) {
    if (words.length) throw new UsageError('give either a message or --stdin, not both');
    const format = opts.output === 'text' ? 'text' : 'jsonl';
    if (opts.output === 'json') throw new UsageError('with --stdin use -o jsonl (one JSON object per line) or -o text');
    const { lines, counts } = await explainStream(process.stdin, process.stdout, format);
    if (format === 'text' && lines > 1) {
      const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ×${n}`);
      process.stderr.write(`${lines} lines: ${summary.join(', ')}\n`);
    }
    return 0;
  }
  const message = words.join(' ');
  if (!message.trim()) throw new UsageError('give a message to explain, e.g. flannel-doctor explain "…no such host", or use --stdin');
  const c = classify(message);
  if (opts.output === 'json') process.stdout.write(JSON.stringify(toJson(c, true), null, 2) + '\n');
  else if (opts.output === 'jsonl') process.stdout.write(JSON.stringify(toJson(c, false)) + '\n');
  else process.stdout.write(renderExplanation(c, styleFor(process.stdout)));
  return 0;
}
