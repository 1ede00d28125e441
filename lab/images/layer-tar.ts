/**
 * A reproducible tar writer for image layers: entries sorted by path, owner 0:0, mtime 0, explicit
 * modes, directories, symlinks and file capabilities (PAX `SCHILY.xattr.security.capability`, the
 * record containerd and umoci apply when they unpack a layer). Same entries → same bytes.
 */
import fs from 'node:fs';

export interface TarDir {
  type: 'dir';
  mode?: number;
}
export interface TarFile {
  type: 'file';
  mode?: number;
  /** content, or `source` (a host file read when the tar is written) */
  data?: Buffer | string;
  source?: string;
  xattrs?: Record<string, Buffer>;
}
export interface TarSymlink {
  type: 'symlink';
  target: string;
}
export type TarEntry = TarDir | TarFile | TarSymlink;

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a name into ustar prefix (≤155) + name (≤100); throws one line when it cannot. */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  throw new Error(`layer entry ${JSON.stringify(name)}: path too long for a ustar header`);
}

function header(name: string, typeflag: string, size: number, mode: number, linkname = ''): Buffer {
  if (Buffer.byteLength(linkname) > 100) throw new Error(`layer entry ${JSON.stringify(name)}: symlink target longer than 100 bytes`);
  const h = Buffer.alloc(BLOCK);
  const n = splitName(name);
  h.write(n.name, 0, 100, 'utf8');
  h.write(octal(mode & 0o7777, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(typeflag, 156, 'ascii');
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('root', 297, 'ascii');
  h.write(n.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

function pad(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** One PAX record "<len> <key>=<value>\n" where <len> counts the whole record. */
function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')]);
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return Buffer.concat([Buffer.from(String(len)), body]);
}

/** Normalises an image path ("/usr/bin/x", "usr/bin/x/") to the layer form "usr/bin/x". */
export function layerPath(p: string): string {
  const clean = p.split('/').filter((s) => s && s !== '.');
  if (clean.some((s) => s === '..')) throw new Error(`layer entry ${JSON.stringify(p)}: ".." is not allowed`);
  return clean.join('/');
}

/**
 * Writes the tar of `entries` (image path → entry). Parent directories that are not listed are
 * added with mode 0755, so every extractor creates them the same way.
 */
export function writeLayerTar(entries: Map<string, TarEntry>): Buffer {
  const all = new Map<string, TarEntry>();
  for (const [p, e] of entries) {
    const lp = layerPath(p);
    if (!lp) continue;
    all.set(lp, e);
    const parts = lp.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!all.has(dir)) all.set(dir, { type: 'dir', mode: 0o755 });
    }
  }
  const chunks: Buffer[] = [];
  for (const name of [...all.keys()].sort()) {
    const e = all.get(name)!;
    if (e.type === 'dir') {
      chunks.push(header(name + '/', '5', 0, e.mode ?? 0o755));
    } else if (e.type === 'symlink') {
      chunks.push(header(name, '2', 0, 0o777, e.target));
    } else {
      const data = e.source !== undefined ? fs.readFileSync(e.source) : Buffer.from(e.data ?? '');
      const xattrs = Object.entries(e.xattrs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
      if (xattrs.length) {
        const pax = Buffer.concat(xattrs.map(([k, v]) => paxRecord(`SCHILY.xattr.${k}`, v)));
        chunks.push(header(`PaxHeaders/${name}`, 'x', pax.length, 0o644), pax, pad(pax.length));
      }
      chunks.push(header(name, '0', data.length, e.mode ?? 0o644), data, pad(data.length));
    }
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

/** security.capability value (VFS_CAP_REVISION_2, effective) granting the capability numbers given. */
export function fileCapability(caps: number[]): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt32LE(0x02000001, 0);
  let lo = 0;
  let hi = 0;
  for (const c of caps) {
    if (c < 32) lo |= 1 << c;
    else hi |= 1 << (c - 32);
  }
  b.writeUInt32LE(lo >>> 0, 4);
  b.writeUInt32LE(hi >>> 0, 12);
  return b;
}

/** CAP_NET_BIND_SERVICE (linux/capability.h) */
export const CAP_NET_BIND_SERVICE = 10;
