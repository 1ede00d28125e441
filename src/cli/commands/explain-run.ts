import { createInterface } from 'node:readline';
import { classify } from '../../catalog/classify.js';
import { getCause } from '../../catalog/index.js';
import type { Classification } from '../../catalog/types.js';
import { UsageError } from '../../errors.js';
import { styleFor, type Style } from '../../report/style.js';

/** Longest line judged; longer input is cut (errors sit near the start and the end of wrapped lines). */
const MAX_LINE = 64 * 1024;

export async function runExplain(words: string[], opts: { stdin?: boolean; output: string }): Promise<number> {
  if (opts.stdin) {
    if (opts.output === 'text') opts.output = 'jsonl';
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const out: string[] = [];
    for await (const line of rl) {
      out.push(JSON.stringify(toJson(classify(clip(line)))));
      if (out.length >= 512) {
        if (!process.stdout.write(out.join('\n') + '\n')) await new Promise((r) => process.stdout.once('drain', r));
        out.length = 0;
      }
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    return 0;
  }
  const message = words.join(' ');
  if (!message.trim()) throw new UsageError('give a message to explain, e.g. flannel-doctor explain "…no such host", or use --stdin');
  const c = classify(clip(message));
  if (opts.output === 'json' || opts.output === 'jsonl') process.stdout.write(JSON.stringify(toJson(c), null, opts.output === 'json' ? 2 : 0) + '\n');
  else process.stdout.write(renderExplanation(c, styleFor(process.stdout)));
  return 0;
}

function clip(s: string): string {
  return s.length > MAX_LINE ? s.slice(0, MAX_LINE / 2) + ' … ' + s.slice(-MAX_LINE / 2) : s;
}

export function toJson(c: Classification) {
  const cause = c.cause === 'unknown' ? undefined : getCause(c.cause);
  return {
    message: c.message,
    cause: c.cause,
    confidence: c.confidence,
    tier: cause?.tier ?? null,
    title: cause?.title ?? null,
    signature: c.signature ?? null,
    matched: c.matched ?? null,
    alternatives: c.alternatives.map((a) => a.cause),
  };
}

export function renderExplanation(c: Classification, style: Style): string {
  if (c.cause === 'unknown') {
    return `${style.bold('cause:')} unknown\nNo signature fits this message. Run \`flannel-doctor diagnose\` for evidence-based checks.\n`;
  }
  const cause = getCause(c.cause);
  const out = [
    `${style.bold('cause:')} ${style.bold(c.cause)}  (${cause?.tier ?? '?'} tier, confidence ${c.confidence.toFixed(2)})`,
    `${style.bold('what:')}  ${cause?.title ?? ''}`,
  ];
  if (c.matched) out.push(`${style.bold('seen:')}  ${c.matched}`);
  if (cause?.explanation && cause.explanation !== cause.title) out.push('', cause.explanation);
  if (cause?.fix.length) {
    out.push('', style.bold('fix:'));
    cause.fix.forEach((s, i) => out.push(`  ${i + 1}. ${s}`));
  }
  if (cause?.verify?.length) {
    out.push('', style.bold('confirm:'));
    for (const v of cause.verify) out.push(`  $ ${v}`);
  }
  if (c.alternatives.length) out.push('', `${style.bold('also possible:')} ${c.alternatives.map((a) => a.cause).join(', ')}`);
  return out.join('\n') + '\n';
}
