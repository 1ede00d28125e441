/** File-level helpers for bundles: walking a tree, opening .tar.gz, turning byte offsets into lines. */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { extractBounded, type ExtractLimits } from './extract.js';

/** Every regular file under dir (relative paths, sorted). */
export async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * A bundle path as a directory: a directory as is, a .tar.gz/.tgz/.tar extracted to a temp dir
 * (removed by `cleanup`) by the bounded extractor, which writes only regular files and directories
 * at relative paths.
 */
export async function openBundle(path: string, limits?: ExtractLimits): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, 'no such file or directory');
  }
  if (st.isDirectory()) return { dir: path, cleanup: async () => {} };
  if (!/\.(tar\.gz|tgz|tar)$/i.test(path)) throw new InputError(path, 'a bundle is a directory or a .tar.gz/.tgz/.tar archive');
  if (!st.isFile()) throw new InputError(path, 'not a regular file (a FIFO or device is not read)');
  // Streamed with limits on size, ratio and entries; no temp dir is left on failure (./extract.ts).
  return extractBounded(path, limits);
}

/** 1-based line of a byte offset (read only when a problem needs it). */
export async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of createReadStream(file, { end: Math.max(0, offset - 1) })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) line++;
    seen += b.length;
  }
  return seen >= 0 ? line : 1;
}
