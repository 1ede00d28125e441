/**
 * Generated blocks of the README, between `<!-- NAME:start -->` and `<!-- NAME:end -->`: the figures
 * inside come from committed files by a script, and a test compares each block with what its script
 * would write now.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const marks = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The block's text (trimmed), or undefined when the README has no such block. */
export function readBlock(readme: string, name: string): string | undefined {
  const [start, end] = marks(name);
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  return i >= 0 && j > i ? readme.slice(i + start.length, j).trim() : undefined;
}

/** The README with the block's text replaced; throws naming the markers when it has none. */
export function withBlock(readme: string, name: string, text: string): string {
  const [start, end] = marks(name);
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README has no ${start} … ${end} block`);
  return `${readme.slice(0, i + start.length)}\n${text}\n${readme.slice(j)}`;
}

/** Rewrites the block in the file; false when the file has no such block. */
export function writeBlock(path: string, name: string, text: string): boolean {
  const readme = readFileSync(path, 'utf8');
  if (readBlock(readme, name) === undefined) return false;
  writeFileSync(path, withBlock(readme, name, text));
  return true;
}
