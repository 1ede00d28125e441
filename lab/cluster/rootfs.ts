/**
 * The file tree of one image layer, assembled from host files the way Debian installed them:
 * `host(path)` copies a file and every symlink on the way to it (so /bin → usr/bin, the
 * alternatives links of iptables, lib*.so.N → lib*.so.N.M stay what they are on the host), and
 * `withLibraries()` adds the shared libraries every ELF file in the tree needs (ldd).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { layerPath, type TarEntry, type TarFile } from '../images/layer-tar.js';

export class RootFs {
  readonly entries = new Map<string, TarEntry>();

  /** `p` with every symlinked directory already in the tree replaced by its target. */
  resolve(p: string, depth = 0): string {
    if (depth > 20) throw new Error(`image path ${p}: too many levels of symbolic links`);
    const parts = layerPath(p).split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      const prefix = parts.slice(0, i + 1).join('/');
      const e = this.entries.get(prefix);
      if (e?.type === 'symlink') {
        const base = path.posix.resolve('/' + parts.slice(0, i).join('/'), e.target);
        return this.resolve(path.posix.join(base, ...parts.slice(i + 1)), depth + 1);
      }
    }
    return parts.join('/');
  }

  dir(p: string, mode = 0o755): this {
    this.entries.set(this.resolve(p), { type: 'dir', mode });
    return this;
  }

  file(p: string, f: Omit<TarFile, 'type'>): this {
    this.entries.set(this.resolve(p), { type: 'file', ...f });
    return this;
  }

  symlink(p: string, target: string): this {
    this.entries.set(this.resolve(p), { type: 'symlink', target });
    return this;
  }

  has(p: string): boolean {
    return this.entries.has(this.resolve(p));
  }

  /** Copies host path `p` (a file, a symlink chain, or an empty directory) into the same path. */
  host(p: string, depth = 0): this {
    if (depth > 20) throw new Error(`host path ${p}: too many levels of symbolic links`);
    const parts = layerPath(p).split('/');
    for (let i = 0; i < parts.length; i++) {
      const here = '/' + parts.slice(0, i + 1).join('/');
      let st: fs.Stats;
      try {
        st = fs.lstatSync(here);
      } catch {
        throw new Error(`host path ${p}: ${here} does not exist (is its Debian package installed?)`);
      }
      if (st.isSymbolicLink()) {
        const target = fs.readlinkSync(here);
        this.entries.set(here.slice(1), { type: 'symlink', target });
        const resolved = path.posix.resolve(path.posix.dirname(here), target);
        return this.host(path.posix.join(resolved, ...parts.slice(i + 1)), depth + 1);
      }
      if (i === parts.length - 1) {
        if (st.isDirectory()) this.entries.set(here.slice(1), { type: 'dir', mode: st.mode & 0o7777 });
        else if (st.isFile()) this.entries.set(here.slice(1), { type: 'file', mode: st.mode & 0o7777, source: here });
        else throw new Error(`host path ${p}: ${here} is neither a file, a directory nor a symlink`);
      }
    }
    return this;
  }

  /** Every regular host file whose content starts with the ELF magic. */
  elfSources(): string[] {
    const out: string[] = [];
    for (const e of this.entries.values()) {
      if (e.type !== 'file' || !e.source) continue;
      const fd = fs.openSync(e.source, 'r');
      const magic = Buffer.alloc(4);
      fs.readSync(fd, magic, 0, 4, 0);
      fs.closeSync(fd);
      if (magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) out.push(e.source);
    }
    return out.sort();
  }

  /** Adds the shared libraries (and the dynamic loader) that the ELF files in the tree load. */
  withLibraries(): this {
    for (const lib of sharedLibraries(this.elfSources())) if (!this.has(lib)) this.host(lib);
    return this;
  }
}

/** Whether an ELF64 file names shared libraries it needs (a DT_NEEDED entry in its PT_DYNAMIC). */
export function needsLibraries(file: string): boolean {
  const b = fs.readFileSync(file);
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) return false; // ELF64 little-endian only
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (b.readUInt32LE(ph) !== 2) continue; // PT_DYNAMIC
    const off = Number(b.readBigUInt64LE(ph + 8));
    const size = Number(b.readBigUInt64LE(ph + 0x20));
    for (let d = off; d + 16 <= off + size && d + 16 <= b.length; d += 16) {
      const tag = b.readBigUInt64LE(d);
      if (tag === 0n) break; // DT_NULL
      if (tag === 1n) return true; // DT_NEEDED
    }
  }
  return false;
}

/** The dynamic loader of the image's platform (linux/amd64), which resolves libraries like ldd. */
export const DYNAMIC_LOADER = '/lib64/ld-linux-x86-64.so.2';

/**
 * Absolute paths of the libraries the dynamic loader resolves for `files` (what ldd prints; the
 * loader is run directly, once per file in one shell: ldd itself is a slow script), sorted. Files
 * that need no library are skipped; a library the loader cannot find throws one line.
 */
export function sharedLibraries(files: string[]): string[] {
  const dynamic = files.filter(needsLibraries);
  if (!dynamic.length) return [];
  const script = `for f; do echo "== $f"; ${DYNAMIC_LOADER} --list "$f" || echo "== failed $f"; done`;
  const out = execFileSync('sh', ['-c', script, 'sh', ...dynamic], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 << 20 });
  const libs = new Set<string>([DYNAMIC_LOADER]);
  let current = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('== failed ')) throw new Error(`${DYNAMIC_LOADER} --list ${line.slice(10)} failed`);
    if (line.startsWith('== ')) {
      current = line.slice(3);
      continue;
    }
    if (/=> not found/.test(line)) throw new Error(`${current} needs ${line.trim().split(' ')[0]}, which the dynamic loader cannot find`);
    const m = line.match(/=>\s+(\/\S+)/) ?? line.match(/^\s*(\/\S+)\s+\(/);
    if (m) libs.add(m[1]);
  }
  return [...libs].sort();
}

/** Files of installed Debian packages (dpkg -L), without documentation; directories left out. */
export function debianFiles(pkgs: string[]): string[] {
  const out = execFileSync('dpkg', ['-L', ...pkgs], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((p) => p.startsWith('/') && !/^\/usr\/share\/(doc|man|lintian|bug)\//.test(p))
    .filter((p) => {
      try {
        return !fs.lstatSync(p).isDirectory();
      } catch {
        return false; // listed by dpkg but diverted or removed: not part of what runs
      }
    })
    .sort();
}
