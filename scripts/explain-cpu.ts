/**
 * CPU time of `explain --stdin` inside one process (process.cpuUsage, so neighbours on a busy machine
 * cost wall time, not the figure): the classification alone (classifyLines over 1 MiB blocks, as the
 * stream feeds it) and the whole JSON-lines stream written to /dev/null. A measuring aid beside the
 * explain-throughput bench suite, which times the built CLI process with GNU time.
 *
 * usage: npx tsx scripts/explain-cpu.ts [--corpus | --generated] [--messages N] [--runs N]
 *   --corpus     the messages of corpus/threads.jsonl (one a line), repeated to N (default)
 *   --generated  messages(N, 7) of bench/gen/messages.ts, the bench suite's input
 */
import { isAscii } from 'node:buffer';
import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messages } from '../bench/gen/messages.js';
import { SIGNATURES } from '../src/catalog/signatures.js';
import { explainStream } from '../src/cli/commands/explain-stream.js';
import { createClassifier } from '../src/engine/classifier/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const count = opt('--messages', 300_000);
const runs = opt('--runs', 5);
const source = args.includes('--generated') ? 'generated' : 'corpus';

function corpusLines(n: number): string {
  const rows = readFileSync(new URL('../corpus/threads.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { message: string }).message.replace(/\r?\n/g, ' '));
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) out.push(rows[i % rows.length]);
  return out.join('\n') + '\n';
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const best = (xs: number[]) => Math.min(...xs);
const rate = (s: number) => `${Math.round(count / s).toLocaleString('en-US')} msg/cpu-s`;

const dir = mkdtempSync(join(tmpdir(), 'fd-explain-cpu-'));
try {
  const file = join(dir, 'messages.txt');
  writeFileSync(file, source === 'generated' ? messages(count, 7) : corpusLines(count));
  const bytes = readFileSync(file);
  const classifier = createClassifier(SIGNATURES);

  /** As the stream does: runs of ASCII lines with their bytes (lines scanned in pairs), a line with other bytes decoded alone. */
  const judgeBlock = (block: Buffer) => {
    for (let p = 0; ; ) {
      const rest = block.subarray(p);
      if (isAscii(rest)) return classifier.classifyLines(rest.toString('latin1'), () => {}, rest);
      let bad = p;
      while (block[bad] < 0x80) bad++;
      const start = block.lastIndexOf(10, bad) + 1;
      if (start > p) {
        const run = block.subarray(p, start - 1);
        classifier.classifyLines(run.toString('latin1'), () => {}, run);
      }
      const nl = block.indexOf(10, bad);
      classifier.classifyLines(block.toString('utf8', start, nl === -1 ? block.length : nl), () => {});
      if (nl === -1) return;
      p = nl + 1;
    }
  };

  const classify: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = cpu();
    for (let p = 0; p < bytes.length; ) {
      let end = bytes.lastIndexOf(10, Math.min(bytes.length, p + (1 << 20)) - 1);
      if (end < p) end = bytes.length;
      judgeBlock(bytes.subarray(p, end));
      p = end + 1;
    }
    classify.push(cpu() - t);
  }

  const devnull = openSync('/dev/null', 'w');
  const sink = { write: (s: string | Buffer) => (typeof s === 'string' ? writeSync(devnull, s) : writeSync(devnull, s), true), once: () => undefined };
  const stream: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = cpu();
    await explainStream(createReadStream(file, { highWaterMark: 1 << 20 }), sink, 'jsonl', classifier);
    stream.push(cpu() - t);
  }

  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(
    [
      `${count.toLocaleString('en-US')} ${source} messages, ${(bytes.length / 1048576).toFixed(0)} MiB, ${SIGNATURES.length} signatures, best of ${runs}`,
      `classification (classifyLines): ${fmt(classify)} cpu-s -> ${rate(best(classify))}`,
      `explain --stdin -o jsonl stream to /dev/null: ${fmt(stream)} cpu-s -> ${rate(best(stream))}`,
    ].join('\n') + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
