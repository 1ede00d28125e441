/**
 * Reading a file someone else controls without hanging or blowing memory: the file's type is checked
 * with lstat before it is opened (a FIFO, socket or device is refused, never opened for reading), it is
 * opened non-blocking (and without following a final symlink when asked), its type is checked again on
 * the open handle (the path may have been swapped in between), its size is capped before a byte is
 * read, and the whole read has a deadline. Every failure is a `ReadRefused` with one clear line.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface BoundedReadOptions {
  /** Refuse files larger than this (bytes). */
  maxBytes: number;
  /** Give up after this long (ms); a blocked read never holds the caller. Default 5 s. */
  timeoutMs?: number;
  /** Follow a symlink at the final component (a ConfigMap mount's ..data links). Default false. */
  followSymlink?: boolean;
  /**
   * The opened file must lie under this real directory: checked on the open handle through
   * /proc/self/fd, so a directory swapped for a link after the path was resolved is caught too.
   */
  within?: string;
}

/** A read we refused or that failed; `code` is the errno-like reason (ENOENT when absent). */
export class ReadRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ReadRefused';
  }
}

/** What kind of non-regular file this is, in words. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return st.isFile() ? 'a regular file' : 'not a regular file';
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round((n / 1024) * 10) / 10} KB`);

/** The type check done before opening: throws unless `real` is a regular file. */
export async function checkRegular(real: string, followSymlink = false): Promise<Stats> {
  let st: Stats;
  try {
    st = followSymlink ? await stat(real) : await lstat(real);
  } catch (e) {
    throw fromErrno(e);
  }
  if (!st.isFile()) throw new ReadRefused(`is ${fileKind(st)}, not a regular file: not read`, st.isDirectory() ? 'EISDIR' : 'EINVAL');
  return st;
}

/** Opens a regular file non-blocking, re-checking its type (and, with `within`, its place) on the handle. */
export async function openRegular(real: string, followSymlink = false, within?: string): Promise<{ fh: FileHandle; st: Stats }> {
  await checkRegular(real, followSymlink);
  let fh: FileHandle;
  try {
    fh = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | (followSymlink ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    throw fromErrno(e);
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new ReadRefused(`is ${fileKind(st)}, not a regular file: not read`, 'EINVAL');
  }
  if (within && within !== '/') {
    const opened = await readlink(`/proc/self/fd/${fh.fd}`).catch(() => undefined);
    if (opened !== undefined && !opened.startsWith(within.replace(/\/+$/, '') + '/')) {
      await fh.close();
      throw new ReadRefused('the path led out of the host root while it was opened: not read', 'EXDEV');
    }
  }
  return { fh, st };
}

/**
 * The whole file as a Buffer, or a ReadRefused: absent (ENOENT), not regular, larger than maxBytes
 * (files such as /proc's that report size 0 are read up to maxBytes + 1 to tell), or too slow.
 */
export async function readBounded(real: string, opts: BoundedReadOptions): Promise<Buffer> {
  return withDeadline(opts.timeoutMs ?? 5000, async (onAbandon) => {
    const { fh, st } = await openRegular(real, opts.followSymlink, opts.within);
    onAbandon(() => void fh.close().catch(() => {}));
    try {
      if (st.size > opts.maxBytes) throw tooBig(st.size, opts.maxBytes);
      return await readUpTo(fh, opts.maxBytes, st.size);
    } finally {
      await fh.close().catch(() => {});
    }
  });
}

/** Reads from the start up to `max` bytes; more than that is refused. */
async function readUpTo(fh: FileHandle, max: number, sizeHint: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  const chunk = Math.min(Math.max(sizeHint, 4096), 1 << 20, max + 1);
  for (;;) {
    const want = Math.min(chunk, max + 1 - total);
    const buf = Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, total);
    if (bytesRead === 0) break;
    parts.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > max) throw tooBig(total, max, true);
  }
  return Buffer.concat(parts, total);
}

function tooBig(size: number, max: number, atLeast = false): ReadRefused {
  return new ReadRefused(`is ${atLeast ? 'more than ' : ''}${mb(size)}, larger than the ${mb(max)} read: not read`, 'EFBIG');
}

/** Runs `fn`, giving up with ETIMEDOUT after `ms`; `onAbandon` registers what to release then. */
export async function withDeadline<T>(ms: number, fn: (onAbandon: (release: () => void) => void) => Promise<T>): Promise<T> {
  let release: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      release?.();
      reject(new ReadRefused(`did not answer within ${ms} ms: not read`, 'ETIMEDOUT'));
    }, ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([fn((r) => (release = r)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** An fs error as a one-line ReadRefused (no path: callers name the file themselves). */
export function fromErrno(e: unknown): ReadRefused {
  if (e instanceof ReadRefused) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
  const words: Record<string, string> = {
    ENOENT: 'does not exist',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
    EISDIR: 'is a directory',
  };
  return new ReadRefused(words[code] ?? `cannot read (${code})`, code);
}
