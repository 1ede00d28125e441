import { Readable } from 'node:stream';
import { SIGNATURES } from '../../catalog/signatures.js';
import type { Signature } from '../../catalog/types.js';
import type { RawLogLine } from '../../evidence/node.js';
import { parseJournalExport } from '../../parsers/journal-export.js';
import { aggregationKey, unwrapLogLine } from '../../parsers/log-line.js';
import { redactSecrets } from '../../parsers/redact.js';
import type { GatherContext } from './context.js';
import { scanLog } from './log-scan.js';

/** Bytes read from the end of each log file, and in total: errors that matter are recent. */
export const LOG_TAIL_BYTES = 2 * 1024 * 1024;
export const LOG_TOTAL_BYTES = 12 * 1024 * 1024;
/** At most this many distinct messages are kept: lines of a known text first, then the most frequent. */
export const MAX_LOG_ENTRIES = 300;
/** A kept message longer than this keeps its head and tail (wrapped errors carry the cause at the ends). */
export const MAX_LOG_TEXT = 2000;

/**
 * Which lines are kept, without judging them: any line with an error word, so a later catalog can
 * name what this one does not know; and the catalog's known texts, some of which carry no error word
 * ("Using interface with name enp0s3"). What a kept line means is decided by the engine.
 */
const ERROR_WORDS: Signature = {
  id: 'keep.error-words',
  cause: 'unknown',
  pattern: "error|fail|fatal|panic|refused|denied|forbidden|timeout|timed out|unable|cannot|can't|could not|couldn't|invalid|not found|no such|unreachable|not supported|not permitted|unauthorized|warning",
  anchors: ['error', 'fail', 'fatal', 'panic', 'refused', 'denied', 'forbidden', 'timeout', 'timed out', 'unable', 'cannot', "can't", 'could not', "couldn't", 'invalid', 'not found', 'no such', 'unreachable', 'not supported', 'not permitted', 'unauthorized', 'warning'],
  confidence: 0,
  specificity: 0,
  samples: [],
  counterSamples: [],
  source: 'src/sources/host/logs.ts',
};
const keepLists = new WeakMap<readonly Signature[], { list: Signature[]; ids: Set<string> }>();
function keepList(known: readonly Signature[]) {
  let k = keepLists.get(known);
  if (!k) keepLists.set(known, (k = { list: [...known, ERROR_WORDS], ids: new Set(known.map((s) => s.id)) }));
  return k;
}
/** The same test for messages that are not scanned (journal export entries). */
const ERROR_WORDS_RE = new RegExp(ERROR_WORDS.pattern, 'i');

function clipText(text: string): string {
  return text.length > MAX_LOG_TEXT ? `${text.slice(0, MAX_LOG_TEXT / 2)} … ${text.slice(-MAX_LOG_TEXT / 2)}` : text;
}

const COMPONENT_OF: [RegExp, string][] = [
  [/flannel/i, 'flanneld'],
  [/kubelet/i, 'kubelet'],
  [/containerd/i, 'containerd'],
];
const JOURNAL_IDENTS = /^(kubelet|containerd|flanneld|k3s|rke2|dockerd)(\.service)?$/;

/** Candidate log files under /var/log, in priority order. */
async function logFiles(ctx: GatherContext): Promise<{ file: string; kind: 'plain' | 'journal-export' | 'journal-text' }[]> {
  const f = ctx.files;
  const out: { file: string; kind: 'plain' | 'journal-export' | 'journal-text' }[] = [];
  for (const n of ['flanneld.log', 'kubelet.log', 'containerd.log']) if (await f.exists(`/var/log/${n}`)) out.push({ file: `/var/log/${n}`, kind: 'plain' });
  for (const pod of (await f.list('/var/log/pods')) ?? []) {
    if (!/flannel/.test(pod)) continue;
    for (const container of (await f.list(`/var/log/pods/${pod}`)) ?? []) {
      for (const n of (await f.list(`/var/log/pods/${pod}/${container}`)) ?? []) {
        if (/\.log(\.\d+)?$/.test(n)) out.push({ file: `/var/log/pods/${pod}/${container}/${n}`, kind: 'plain' });
      }
    }
  }
  // /var/log/containers holds symlinks to the pods files: only read them when /var/log/pods had none.
  if (!out.some((o) => o.file.startsWith('/var/log/pods/'))) {
    for (const n of (await f.list('/var/log/containers')) ?? []) if (/flannel.*\.log$/.test(n)) out.push({ file: `/var/log/containers/${n}`, kind: 'plain' });
  }
  for (const n of (await f.list('/var/log')) ?? []) {
    if (/\.export$/.test(n) || /^journal.*\.export/.test(n)) out.push({ file: `/var/log/${n}`, kind: 'journal-export' });
    else if (/^(journal.*\.(txt|log)|syslog|messages)$/.test(n)) out.push({ file: `/var/log/${n}`, kind: 'journal-text' });
  }
  return out;
}

/**
 * Reads the tail of flanneld, kubelet and containerd logs (plain, CRI, docker-json, journal export or
 * short text) and keeps the lines worth judging (an error word or a known text: see ERROR_WORDS),
 * redacted and bounded, counting identical messages together. No line is judged here.
 */
export async function gatherLogs(ctx: GatherContext, known: readonly Signature[] = SIGNATURES): Promise<void> {
  const keep = keepList(known);
  const knownRes = known.map((s) => new RegExp(s.pattern, 'i'));
  const agg = new Map<string, { entry: RawLogLine; known: boolean }>();
  let budget = LOG_TOTAL_BYTES;
  const add = (file: string, line: number, message: string, component: string | undefined, offset: number, isKnown: boolean) => {
    const key = aggregationKey(message);
    const prev = agg.get(key);
    if (prev) {
      prev.entry.count++;
      prev.entry.lastFile = file;
      prev.entry.lastLine = line;
      return;
    }
    const entry: RawLogLine = { file, line, text: clipText(redactSecrets(message)), count: 1 };
    if (component) entry.component = component;
    if (offset > 0) entry.tailOffset = offset;
    agg.set(key, { entry, known: isKnown });
  };
  for (const { file, kind } of await logFiles(ctx)) {
    if (budget <= 0) break;
    const t = await ctx.files.tail(file, Math.min(LOG_TAIL_BYTES, budget));
    if (t.error) ctx.problem({ file, message: `cannot read: ${t.error}` });
    if (!t.data) continue;
    budget -= t.data.length;
    const fileComponent = COMPONENT_OF.find(([re]) => re.test(file))?.[1];
    if (kind === 'journal-export') {
      const j = parseJournalExport(t.data, file);
      ctx.node.problems.push(...j.problems);
      for (const e of j.entries) {
        if (e.ident && !JOURNAL_IDENTS.test(e.ident) && !/flannel/.test(e.ident)) continue;
        const isKnown = knownRes.some((re) => re.test(e.message));
        if (isKnown || ERROR_WORDS_RE.test(e.message)) add(file, e.line, e.message, componentOf(e.ident), t.offset, isKnown);
      }
      continue;
    }
    await scanLog(Readable.from([t.data]), {
      signatures: keep.list,
      onMatch: (raw, ids, lineNo) => {
        const u = unwrapLogLine(raw);
        if (kind === 'journal-text' && u.ident && !JOURNAL_IDENTS.test(u.ident) && !/flannel/.test(u.ident)) return;
        add(file, lineNo, u.message, kind === 'journal-text' ? componentOf(u.ident) : fileComponent, t.offset, ids.some((id) => keep.ids.has(id)));
      },
    });
  }
  await journal(ctx, budget, add, keep);
  // Known texts first, then the most frequent: the bound drops the least telling lines.
  const kept = [...agg.values()].sort((a, b) => Number(b.known) - Number(a.known) || b.entry.count - a.entry.count);
  ctx.node.logs = kept.slice(0, MAX_LOG_ENTRIES).map((k) => k.entry);
  ctx.gathered('logs');
}

function componentOf(ident?: string): string | undefined {
  if (!ident) return undefined;
  return COMPONENT_OF.find(([re]) => re.test(ident))?.[1] ?? ident.replace(/\.service$/, '');
}

const UNITS = ['kubelet', 'containerd', 'flanneld', 'k3s', 'k3s-agent', 'rke2-agent', 'rke2-server'];

/**
 * The node's persistent journal (<root>/var/log/journal), read with journalctl when it exists: on most
 * nodes kubelet and containerd log there, not to files. Short-iso lines go through the same scanner.
 */
async function journal(
  ctx: GatherContext,
  budget: number,
  add: (file: string, line: number, message: string, component: string | undefined, offset: number, known: boolean) => void,
  keep: { list: Signature[]; ids: Set<string> },
): Promise<void> {
  if (budget <= 0 || !(await ctx.files.isDir('/var/log/journal'))) return;
  const dir = await ctx.files.resolve('/var/log/journal');
  const argv = ['journalctl', '-D', dir, '--no-pager', '-o', 'short-iso', '-n', '20000', ...UNITS.flatMap((u) => ['-u', `${u}.service`])];
  const r = await ctx.run(argv, { timeoutMs: 5000 });
  if (r.code !== 0 || !r.stdout) return;
  const where = 'journal /var/log/journal';
  await scanLog(Readable.from([Buffer.from(r.stdout.slice(-budget))]), {
    signatures: keep.list,
    onMatch: (raw, ids, lineNo) => {
      const u = unwrapLogLine(raw);
      add(where, lineNo, u.message, componentOf(u.ident), 0, ids.some((id) => keep.ids.has(id)));
    },
  });
}
