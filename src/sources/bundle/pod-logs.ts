/**
 * Container logs inside a troubleshoot.sh bundle, in the two places it writes them:
 *   cluster-resources/pods/logs/<namespace>/<pod>/<container>[-previous].log   (clusterResources
 *     collector: logs of unhealthy pods; `<container>-logs-errors.log` when a log could not be read)
 *   <collector name>/<pod>/<container>[-previous].log                          (logs collector, e.g.
 *     `all-logs/`: no namespace in the path, so the pod name is looked up among the pods read)
 * Each log is kept as a bounded, redacted tail (raw lines, judged later by the engine).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { PodLogExcerpt } from '../../evidence/cluster.js';
import type { ClusterBuilder } from '../objects/from-kube.js';
import { redact } from './redact.js';

/** The last this-many lines of each log are kept; older lines are counted, not kept. */
export const MAX_LOG_LINES = 200;
/** At most this many bytes are read from the end of a log. */
const MAX_LOG_BYTES = 256 * 1024;
/** A longer line is cut. */
const MAX_LINE = 1000;

const CLUSTER_RESOURCES_LOG = /(?:^|\/)cluster-resources\/pods\/logs\/([^/]+)\/([^/]+)\/([^/]+)\.log$/;
const COLLECTOR_LOG = /^(?:.*\/)?([^/]+)\/([^/]+)\/([^/]+)\.log$/;

export interface LogFile {
  rel: string;
  namespace?: string;
  pod: string;
  /** file name without .log */
  name: string;
}

/** Which files are container logs, and of which pod; other .log files (host collectors) are not. */
export function logFileOf(rel: string, podNames: ReadonlySet<string>): LogFile | undefined {
  const cr = CLUSTER_RESOURCES_LOG.exec(rel);
  if (cr) return { rel, namespace: cr[1], pod: cr[2], name: cr[3] };
  if (/(^|\/)cluster-resources\//.test(rel)) return undefined;
  const m = COLLECTOR_LOG.exec(rel);
  if (m && podNames.has(m[2])) return { rel, pod: m[2], name: m[3] };
  return undefined;
}

/** Reads every container log of the bundle into the builder (after the pods were read). */
export async function readPodLogs(b: ClusterBuilder, dir: string, files: readonly string[]): Promise<void> {
  const byName = b.podNamespaces();
  const names = new Set(byName.keys());
  // cluster-resources first: it names the namespace; the collector's copy of the same log is then skipped.
  const logs = files
    .map((f) => logFileOf(f, names))
    .filter((l): l is LogFile => !!l)
    .sort((a, b) => (a.namespace ? 0 : 1) - (b.namespace ? 0 : 1));
  for (const l of logs) {
    const file = join(dir, l.rel);
    if (l.name.endsWith('-logs-errors')) {
      // only its first line is shown: read the head, never the whole file
      const text = (await readHead(file, 4096)).trim();
      const container = l.name.replace(/-logs-errors$/, '');
      b.unreadable({ what: `logs of pod ${l.namespace ?? '?'}/${l.pod} container ${container}`, reason: redact(text.split('\n')[0]?.slice(0, 300) || 'the collector could not read them') });
      continue;
    }
    let namespace = l.namespace;
    if (!namespace) {
      const nss = byName.get(l.pod) ?? [];
      if (nss.length !== 1) {
        b.unreadable({ what: l.rel, reason: `a log of pod ${l.pod}, whose name is in ${nss.length} namespaces (${nss.join(', ')}): not attributed` });
        continue;
      }
      namespace = nss[0];
    }
    const previous = l.name.endsWith('-previous');
    const tail = await readTail(file);
    if (!tail) {
      b.unreadable({ what: l.rel, reason: 'cannot be read' });
      continue;
    }
    const log: PodLogExcerpt = {
      namespace,
      pod: l.pod,
      container: previous ? l.name.slice(0, -'-previous'.length) : l.name,
      previous,
      source: l.rel,
      lines: tail.lines,
      droppedLines: tail.dropped,
    };
    b.addPodLog(log);
  }
}

/** The last MAX_LOG_LINES lines of a file, redacted and cut; `dropped` counts lines not kept (at least). */
export async function readTail(file: string): Promise<{ lines: string[]; dropped: number } | undefined> {
  let fh;
  try {
    fh = await open(file, 'r');
    const { size } = await fh.stat();
    const start = Math.max(0, size - MAX_LOG_BYTES);
    const buf = Buffer.alloc(size - start);
    await fh.read(buf, 0, buf.length, start);
    let all = buf.toString('utf8').split(/\r?\n/);
    if (start > 0) all = all.slice(1); // the first line is cut in the middle
    if (all.length && all[all.length - 1] === '') all.pop();
    const kept = all.slice(-MAX_LOG_LINES);
    const dropped = all.length - kept.length + (start > 0 ? 1 : 0);
    return { lines: kept.map((l) => redact(l.length > MAX_LINE ? l.slice(0, MAX_LINE) + '…' : l)), dropped };
  } catch {
    return undefined;
  } finally {
    await fh?.close();
  }
}

/** The first `max` bytes of a file as text ('' when unreadable). */
async function readHead(file: string, max: number): Promise<string> {
  const fh = await open(file, 'r').catch(() => undefined);
  if (!fh) return '';
  try {
    const buf = Buffer.alloc(max);
    const { bytesRead } = await fh.read(buf, 0, max, 0);
    return buf.toString('utf8', 0, bytesRead);
  } catch {
    return '';
  } finally {
    await fh.close();
  }
}
