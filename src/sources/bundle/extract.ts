/**
 * Bounded extraction of a bundle archive (.tar.gz/.tgz/.tar). Everything is streamed: the archive is
 * inflated chunk by chunk, and each limit is checked before the bytes reach memory or disk —
 *  - total size once inflated, counted as it is inflated (a 10 MB archive of 10 GB of zeros stops at
 *    the limit, not after);
 *  - inflation ratio (inflated / compressed so far), once past a small floor;
 *  - number of entries, and each entry's declared size against what is left.
 * Only regular files and directories are written, at normalised relative paths, created exclusively
 * (no overwrite, never through a link); links, devices and FIFOs in the archive are skipped. On any
 * failure the temp dir is removed only after every write has stopped, so nothing is left behind.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.js';

export interface ExtractLimits {
  /** Total bytes once inflated. */
  maxTotalBytes: number;
  /** Entries in the archive (files, directories, skipped links). */
  maxEntries: number;
  /** Inflated / compressed, checked once `ratioFloorBytes` have been inflated. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntries: 100_000,
  // kubectl JSON compresses 10-30×; a bomb of zeros ~1000×.
  maxRatio: 200,
  ratioFloorBytes: 64 * 1024 * 1024,
};

const gib = (n: number) => (n >= 1024 ** 3 ? `${Math.round((n / 1024 ** 3) * 10) / 10} GB` : `${Math.round((n / 1024 ** 2) * 10) / 10} MB`);

class LimitError extends Error {}

/** Counts inflated bytes as they pass and stops the stream at the total and ratio limits. */
class Meter extends Transform {
  inflated = 0;
  constructor(
    private readonly limits: ExtractLimits,
    private readonly compressed: () => number,
    private readonly gzip: boolean,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.inflated += chunk.length;
    if (this.inflated > this.limits.maxTotalBytes) return done(new LimitError(`it holds more than ${gib(this.limits.maxTotalBytes)} once unpacked: not extracted (unpack it yourself and pass the directory)`));
    const ratio = this.inflated / Math.max(1, this.compressed());
    if (this.gzip && this.inflated > this.limits.ratioFloorBytes && ratio > this.limits.maxRatio) {
      return done(new LimitError(`it inflates more than ${this.limits.maxRatio}× (${gib(this.inflated)} from ${gib(this.compressed())} so far): refused as an archive bomb`));
    }
    done(null, chunk);
  }
}

/** A relative path inside the extraction dir, or undefined for absolute, `..` or empty names. */
export function safeEntryPath(name: string): string | undefined {
  const norm = posix.normalize(name.replace(/\\/g, '/'));
  if (!norm || norm === '.' || norm === './' || posix.isAbsolute(norm) || norm === '..' || norm.startsWith('../')) return undefined;
  return norm.replace(/\/+$/, '');
}

/**
 * Extracts `file` into a new temp dir and returns it with its cleanup; throws an InputError naming the
 * archive (and the limit) on any failure, after removing the temp dir.
 */
export async function extractBounded(file: string, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const { Parser } = await import('tar');
  const dir = await mkdtemp(join(tmpdir(), 'fd-bundle-'));
  const cleanup = () => rm(dir, { recursive: true, force: true, maxRetries: 5 });
  const gzip = !/\.tar$/i.test(file);
  const source = createReadStream(file);
  let compressed = 0;
  source.on('data', (c) => (compressed += c.length));
  const meter = new Meter(limits, () => compressed, gzip);
  let entries = 0;
  let declared = 0;
  let failure: Error | undefined;
  const writes: Promise<void>[] = [];
  const open = new Set<WriteStream>();
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      if (failure) return entry.resume();
      entries++;
      if (entries > limits.maxEntries) {
        failure = new LimitError(`it holds more than ${limits.maxEntries} entries: not extracted`);
        entry.resume();
        meter.destroy(failure);
        return;
      }
      const rel = safeEntryPath(entry.path);
      const isFile = entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile';
      if (!rel || (!isFile && entry.type !== 'Directory')) return entry.resume(); // links, devices, FIFOs, odd names
      if (entry.type === 'Directory') {
        writes.push(mkdir(join(dir, rel), { recursive: true }).then(() => undefined));
        entry.resume();
        return;
      }
      declared += entry.size ?? 0;
      if (declared > limits.maxTotalBytes) {
        failure = new LimitError(`it declares more than ${gib(limits.maxTotalBytes)} of files: not extracted`);
        entry.resume();
        meter.destroy(failure);
        return;
      }
      const target = join(dir, rel);
      entry.pause();
      writes.push(
        mkdir(dirname(target), { recursive: true })
          .then(() => {
            if (failure) throw failure;
            const ws = createWriteStream(target, { flags: 'wx', mode: 0o600 });
            open.add(ws);
            return pipeline(entry, ws).finally(() => open.delete(ws));
          })
          .catch((e) => {
            failure ??= e as Error;
            entry.resume();
          }),
      );
    },
  });
  try {
    const sink = parser as unknown as NodeJS.WritableStream;
    if (gzip) await pipeline(source, createGunzip(), meter, sink);
    else await pipeline(source, meter, sink);
    await Promise.all(writes);
    if (failure) throw failure;
  } catch (e) {
    // Every write must stop before the dir goes (removing it under a running write gave ENOTEMPTY).
    failure ??= e as Error;
    source.destroy();
    const closed = [...open].map((ws) => (ws.closed ? undefined : new Promise<void>((r) => ws.once('close', () => r()))));
    for (const ws of open) ws.destroy(failure);
    await Promise.allSettled([...writes, ...closed]);
    await cleanup().catch(() => {});
    const err = failure;
    const msg = err instanceof LimitError ? err.message : `cannot extract the archive: ${describe(err)}`;
    throw new InputError(file, msg);
  }
  return { dir, cleanup };
}

function describe(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) return 'it ends early (truncated)';
  if (code === 'Z_DATA_ERROR') return 'not gzip data (corrupt or not a .tar.gz)';
  if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID') return `not a tar archive (${e.message.split('\n')[0]})`;
  if (code === 'EEXIST') return 'it holds the same file twice';
  return e.message.split('\n')[0];
}
