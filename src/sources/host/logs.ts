import { Readable } from 'node:stream';
import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier } from '../../engine/classifier/index.js';
import type { ClassifiedLogLine } from '../../evidence/node.js';
import { parseJournalExport } from '../../parsers/journal-export.js';
import { aggregationKey, stripLogHeader, unwrapLogLine } from '../../parsers/log-line.js';
import { redactSecrets } from '../../parsers/redact.js';
import type { GatherContext } from './context.js';
import { scanLog } from './log-scan.js';

/** Bytes read from the end of each log file, and in total: errors that matter are recent. */
export const LOG_TAIL_BYTES = 2 * 1024 * 1024;
export const LOG_TOTAL_BYTES = 12 * 1024 * 1024;
/** At most this many distinct classified messages are kept (the most frequent). */
export const MAX_LOG_ENTRIES = 200;

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
 * short text), finds lines matching a catalog signature with the streaming scanner, classifies them
 * and counts identical messages together.
 */
export async function gatherLogs(ctx: GatherContext): Promise<void> {
  const { classify } = createClassifier(SIGNATURES);
  const agg = new Map<string, ClassifiedLogLine>();
  let budget = LOG_TOTAL_BYTES;
  const add = (file: string, line: number, message: string, component: string | undefined, offset: number) => {
    const c = classify(stripLogHeader(message));
    if (c.cause === 'unknown') return;
    const key = `${c.cause}\u0000${aggregationKey(message)}`;
    const prev = agg.get(key);
    if (prev) {
      prev.count++;
      prev.lastFile = file;
      prev.lastLine = line;
      return;
    }
    const kept = redactSecrets(message);
    const entry: ClassifiedLogLine = { file, line, text: kept.length > 2000 ? kept.slice(0, 2000) + '…' : kept, cause: c.cause, confidence: c.confidence, count: 1 };
    if (c.signature) entry.signature = c.signature;
    if (component) entry.component = component;
    if (offset > 0) entry.tailOffset = offset;
    agg.set(key, entry);
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
        add(file, e.line, e.message, componentOf(e.ident), t.offset);
      }
      continue;
    }
    await scanLog(Readable.from([t.data]), {
      onMatch: (raw, _ids, lineNo) => {
        const u = unwrapLogLine(raw);
        if (kind === 'journal-text' && u.ident && !JOURNAL_IDENTS.test(u.ident) && !/flannel/.test(u.ident)) return;
        add(file, lineNo, u.message, kind === 'journal-text' ? componentOf(u.ident) : fileComponent, t.offset);
      },
    });
  }
  await journal(ctx, budget, add);
  ctx.node.logs = [...agg.values()].sort((a, b) => b.count - a.count).slice(0, MAX_LOG_ENTRIES);
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
async function journal(ctx: GatherContext, budget: number, add: (file: string, line: number, message: string, component: string | undefined, offset: number) => void): Promise<void> {
  if (budget <= 0 || !(await ctx.files.isDir('/var/log/journal'))) return;
  const dir = await ctx.files.resolve('/var/log/journal');
  const argv = ['journalctl', '-D', dir, '--no-pager', '-o', 'short-iso', '-n', '20000', ...UNITS.flatMap((u) => ['-u', `${u}.service`])];
  const r = await ctx.run(argv, { timeoutMs: 5000 });
  if (r.code !== 0 || !r.stdout) return;
  const where = 'journal /var/log/journal';
  await scanLog(Readable.from([Buffer.from(r.stdout.slice(-budget))]), {
    onMatch: (raw, _ids, lineNo) => {
      const u = unwrapLogLine(raw);
      add(where, lineNo, u.message, componentOf(u.ident), 0);
    },
  });
}
