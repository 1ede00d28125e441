import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fromErrno, openRegular, readBounded, ReadRefused, withDeadline } from '../bounded-read.js';

/** Symlinks followed while resolving one path, as Linux allows (MAXSYMLINKS); past it the read is refused. */
export const MAX_SYMLINK_HOPS = 40;

/**
 * File access confined to a host root. Paths are node paths (`/etc/cni/net.d`). Every component is
 * resolved here, not by the OS: a symlink (absolute or relative, however many hops) is followed inside
 * the root, `..` stops at the root, and past MAX_SYMLINK_HOPS the path is refused, never handed to the
 * OS with a link left in it. The last component is opened with O_NOFOLLOW, so a link swapped in after
 * resolution is refused too, and where the opened file really is gets checked on its handle
 * (/proc/self/fd), which also catches a directory swapped for a link mid-way. FIFOs, sockets and
 * devices are refused without being opened for reading;
 * sizes are capped; every read has a deadline.
 */
export class HostFiles {
  private realRoot?: Promise<string>;

  constructor(
    readonly root: string,
    /** Deadline of one read (ms). */
    readonly timeoutMs = 5000,
  ) {}

  /** The root's real path, to check where an opened file really is. */
  private within(): Promise<string> {
    return (this.realRoot ??= realpath(this.root).catch(() => this.root));
  }

  /**
   * The real path on this machine for a node path, with every symlink resolved inside the root.
   * Throws (a ReadRefused with an errno-like code) when a component does not exist, is not a
   * directory, or the links go on past MAX_SYMLINK_HOPS.
   */
  async resolve(nodePath: string): Promise<string> {
    const pending = nodePath.split('/').filter((p) => p && p !== '.');
    let cur = '/';
    let hops = 0;
    while (pending.length) {
      const name = pending.shift()!;
      if (name === '..') {
        cur = posix.dirname(cur);
        continue;
      }
      const next = posix.join(cur, name);
      let st;
      try {
        st = await lstat(join(this.root, next));
      } catch (e) {
        throw fromErrno(e);
      }
      if (st.isSymbolicLink()) {
        if (++hops > MAX_SYMLINK_HOPS) throw new ReadRefused(`more than ${MAX_SYMLINK_HOPS} symbolic links to follow: not read`, 'ELOOP');
        const target = await readlink(join(this.root, next)).catch((e) => {
          throw fromErrno(e);
        });
        if (target.startsWith('/')) cur = '/';
        pending.unshift(...target.split('/').filter((p) => p && p !== '.'));
        continue;
      }
      if (pending.length && !st.isDirectory()) throw new ReadRefused('a part of the path is not a directory', 'ENOTDIR');
      cur = next;
    }
    return join(this.root, cur);
  }

  /**
   * File text, or undefined when it does not exist; anything else (not a regular file, larger than
   * maxBytes, a link loop, too slow, permission) is returned as a one-line `error`. Files that report
   * size 0 (/proc, /sys) are read up to maxBytes.
   */
  async read(nodePath: string, maxBytes = 8 * 1024 * 1024): Promise<{ text?: string; error?: string }> {
    try {
      const real = await this.resolve(nodePath);
      return { text: (await readBounded(real, { maxBytes, timeoutMs: this.timeoutMs, within: await this.within() })).toString('utf8') };
    } catch (err) {
      const r = fromErrno(err);
      if (r.code === 'ENOENT' || r.code === 'ENOTDIR') return {};
      return { error: r.message };
    }
  }

  /**
   * The last `maxBytes` of a regular file (whole lines only), with the byte offset where they start;
   * no data when absent, and a one-line `error` when it is there but refused (a FIFO, a link loop …).
   */
  async tail(nodePath: string, maxBytes: number): Promise<{ data?: Buffer; offset: number; size: number; error?: string }> {
    try {
      const real = await this.resolve(nodePath);
      const within = await this.within();
      return await withDeadline(this.timeoutMs, async (onAbandon) => {
        const { fh, st } = await openRegular(real, false, within);
        onAbandon(() => void fh.close().catch(() => {}));
        try {
          const start = Math.max(0, st.size - maxBytes);
          const buf = Buffer.alloc(st.size - start);
          const { bytesRead } = await fh.read(buf, 0, buf.length, start);
          let data = buf.subarray(0, bytesRead);
          let offset = start;
          if (start > 0) {
            const nl = data.indexOf(10);
            data = nl === -1 ? Buffer.alloc(0) : data.subarray(nl + 1);
            offset = start + (nl + 1);
          }
          return { data, offset, size: st.size };
        } finally {
          await fh.close().catch(() => {});
        }
      });
    } catch (err) {
      const r = fromErrno(err);
      return r.code === 'ENOENT' || r.code === 'ENOTDIR' ? { offset: 0, size: 0 } : { offset: 0, size: 0, error: r.message };
    }
  }

  /** Directory entry names (sorted), or undefined when the directory does not exist. */
  async list(nodePath: string): Promise<string[] | undefined> {
    try {
      return (await readdir(await this.resolve(nodePath))).sort();
    } catch {
      return undefined;
    }
  }

  private async lstatResolved(nodePath: string) {
    try {
      return await lstat(await this.resolve(nodePath));
    } catch {
      return undefined;
    }
  }

  async exists(nodePath: string): Promise<boolean> {
    return (await this.lstatResolved(nodePath)) !== undefined;
  }

  async isExecutableFile(nodePath: string): Promise<boolean> {
    const st = await this.lstatResolved(nodePath);
    return !!st && st.isFile() && (st.mode & 0o111) !== 0;
  }

  async isDir(nodePath: string): Promise<boolean> {
    return !!(await this.lstatResolved(nodePath))?.isDirectory();
  }
}
