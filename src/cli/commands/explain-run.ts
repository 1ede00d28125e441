import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier } from '../../engine/classifier/index.js';
import { fstatSync, read } from 'node:fs';
import { UsageError } from '../../errors.js';
import { escapeControls } from '../../report/sanitize.js';
import { styleFor } from '../../report/style.js';
import { isData, writeData } from '../output.js';
import { renderExplanation, toJson } from './explain-render.js';
import { explainStream } from './explain-stream.js';

export { renderExplanation, toJson } from './explain-render.js';

export async function runExplain(words: string[], opts: { stdin?: boolean; output: string }): Promise<number> {
  if (opts.stdin) {
    if (words.length) throw new UsageError('give either a message or --stdin, not both');
    const format = opts.output === 'text' ? 'text' : 'jsonl';
    if (opts.output === 'json' || opts.output === 'yaml') throw new UsageError(`with --stdin use -o jsonl (one JSON object per line) or -o text, not -o ${opts.output}`);
    const { chunks, size } = stdinSource();
    // A file known to hold many lines builds the automaton at once; a pipe (maybe a few lines) starts with the
    // substring pre-filter and builds it after a warm-up (../../engine/classifier/classifier.ts `adaptive`).
    const prefilter = size !== undefined && size >= LARGE_INPUT ? 'automaton' : 'adaptive';
    const { lines, counts } = await explainStream(chunks, process.stdout, format, createClassifier(SIGNATURES, { prefilter }));
    if (format === 'text' && lines > 1) {
      const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ×${n}`);
      process.stderr.write(`${lines} lines: ${summary.join(', ')}\n`);
    }
    return 0;
  }
  const message = words.join(' ');
  if (!message.trim()) throw new UsageError('give a message to explain, e.g. flannel-doctor explain "…no such host", or use --stdin');
  // Pasted cluster text may carry terminal escapes: they are shown, never obeyed.
  // One message: the substring pre-filter answers it without building the automaton.
  const c = createClassifier(SIGNATURES, { prefilter: 'substring' }).classify(escapeControls(message));
  if (isData(opts.output)) await writeData(opts.output, toJson(c, true));
  else if (opts.output === 'jsonl') process.stdout.write(JSON.stringify(toJson(c, false)) + '\n');
  else process.stdout.write(renderExplanation(c, styleFor(process.stdout)));
  return 0;
}

/**
 * Standard input as chunks, with its size when it is a regular file: a file (`< messages.txt`) in 1 MiB reads, where
 * process.stdin reads 64 KiB at a time (half of the reading CPU went to the per-read overhead); pipes and terminals
 * as they come.
 */
function stdinSource(): { chunks: AsyncIterable<Buffer | string>; size?: number } {
  try {
    const st = fstatSync(0);
    if (st.isFile()) return { chunks: fileChunks(0), size: st.size };
  } catch {
    // No usable descriptor 0: process.stdin reports it.
  }
  return { chunks: process.stdin };
}

/**
 * Bytes of a file on standard input from which the automaton is built before the first line: about a thousand log
 * lines, where the warm-up's substring search (200 lines, each testing every anchor) would cost more than the build.
 */
const LARGE_INPUT = 256 * 1024;

const CHUNK = 1 << 20;

/**
 * A file's bytes into two buffers in turn, the next read under way while a chunk is judged. A chunk is
 * valid until the loop asks for the next one, when its buffer is read into again (explainStream copies
 * what it keeps); a stream's new buffer per read was fresh memory each time, every page a page fault.
 */
async function* fileChunks(fd: number): AsyncIterable<Buffer> {
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  const readInto = (buf: Buffer) => new Promise<number>((resolve, reject) => read(fd, buf, 0, buf.length, null, (err, n) => (err ? reject(err) : resolve(n))));
  let k = 0;
  let next = readInto(bufs[0]);
  for (;;) {
    const n = await next;
    if (n === 0) return;
    const chunk = bufs[k].subarray(0, n);
    k ^= 1;
    next = readInto(bufs[k]);
    // A read that fails after the loop has stopped asking is nobody's error.
    next.catch(() => {});
    yield chunk;
  }
}
