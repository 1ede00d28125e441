import { lstat, open, readdir, readlink, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';

/**
 * File access under a host root. Paths are node paths (`/etc/cni/net.d`); symlinks are resolved
 * inside the root, so an absolute link such as /etc/resolv.conf -> /run/systemd/resolve/stub-resolv.conf
 * is followed within --host-root, not on the machine running the tool.
 */
export class HostFiles {
  constructor(readonly root: string) {}

  /** The real path on this machine for a node path, following symlinks inside the root. */
  async resolve(nodePath: string, hops = 0): Promise<string> {
    const parts = posix.normalize(nodePath).split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = posix.join(cur, parts[i]);
      let st;
      try {
        st = await lstat(join(this.root, next));
      } catch {
        return join(this.root, posix.join(next, ...parts.slice(i + 1)));
      }
      if (st.isSymbolicLink() && hops < 16) {
        const target = await readlink(join(this.root, next));
        const abs = target.startsWith('/') ? target : posix.join(cur, target);
        return this.resolve(posix.join(abs, ...parts.slice(i + 1)), hops + 1);
      }
      cur = next;
    }
    return join(this.root, cur);
  }

  /** File text, or undefined when it does not exist; other errors are returned as `error`. */
  async read(nodePath: string, maxBytes = 8 * 1024 * 1024): Promise<{ text?: string; error?: string }> {
    try {
      const real = await this.resolve(nodePath);
      // stat first: opening a FIFO or device someone left at a config path would block or never end.
      const pre = await stat(real);
      if (pre.isDirectory()) return { error: 'is a directory' };
      if (!pre.isFile()) return { error: 'not a regular file' };
      const fh = await open(real, 'r');
      try {
        const st = await fh.stat();
        if (st.isDirectory()) return { error: 'is a directory' };
        // /proc and /sys files report size 0 (as do empty files): read those in one go.
        if (st.size === 0) return { text: (await fh.readFile('utf8')).slice(0, maxBytes) };
        const size = Math.min(st.size, maxBytes);
        const buf = Buffer.alloc(size);
        const { bytesRead } = await fh.read(buf, 0, size, 0);
        return { text: buf.toString('utf8', 0, bytesRead) };
      } finally {
        await fh.close();
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return {};
      return { error: (err as Error).message.replace(this.root, '') };
    }
  }

  /** The last `maxBytes` of a file (whole lines only), with the byte offset where they start. */
  async tail(nodePath: string, maxBytes: number): Promise<{ data?: Buffer; offset: number; size: number }> {
    try {
      const real = await this.resolve(nodePath);
      if (!(await stat(real)).isFile()) return { offset: 0, size: 0 };
      const fh = await open(real, 'r');
      try {
        const st = await fh.stat();
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
        await fh.close();
      }
    } catch {
      return { offset: 0, size: 0 };
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

  async exists(nodePath: string): Promise<boolean> {
    try {
      await stat(await this.resolve(nodePath));
      return true;
    } catch {
      return false;
    }
  }

  async isExecutableFile(nodePath: string): Promise<boolean> {
    try {
      const st = await stat(await this.resolve(nodePath));
      return st.isFile() && (st.mode & 0o111) !== 0;
    } catch {
      return false;
    }
  }

  async isDir(nodePath: string): Promise<boolean> {
    try {
      return (await stat(await this.resolve(nodePath))).isDirectory();
    } catch {
      return false;
    }
  }
}
