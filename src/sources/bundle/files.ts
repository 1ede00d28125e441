/** File-level helpers for bundles: walking a tree, opening .tar.gz, turning byte offsets into lines. */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../errors.js';

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
 * (removed by `cleanup`). The tar package refuses absolute paths and `..` entries.
 */
export async function openBundle(path: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, 'no such file or directory');
  }
  if (st.isDirectory()) return { dir: path, cleanup: async () => {} };
  if (!/\.(tar\.gz|tgz|tar)$/i.test(path)) throw new InputError(path, 'a bundle is a directory or a .tar.gz/.tgz/.tar archive');
  const dir = await mkdtemp(join(tmpdir(), 'fd-bundle-'));
  try {
    // tar loads only for archives: a directory bundle never needs it.
    const { x: untar } = await import('tar');
    await untar({ file: path, cwd: dir, strict: true, preservePaths: false });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw new InputError(path, `cannot extract the archive: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
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
