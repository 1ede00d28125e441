/**
 * No import cycle between folders: the top-level folders of src/ form a layered graph (evidence and
 * parsers below, rules and the engine above them, the CLI on top), and so do the sibling folders
 * inside each (rules/flannel and rules/node, say). A folder importing its own parent or child (the
 * rule index and its rules) is composition, not a cycle. Test files and test support are left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
const TEST_SUPPORT = /(\.test|\.test-helper|^rule-tester|^testkit|^testbed|fixture|^_fixtures)\.?[\w-]*\.ts$/;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !TEST_SUPPORT.test(n) ? [p] : [];
  });
}

/** Relative imports and re-exports of a file, static and dynamic, resolved to .ts paths. */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

/** A file's folder as `depth` path segments under src/ (a file at the top of src/ stands alone). */
function folderOf(file: string, depth: number): string {
  const rel = relative(SRC, file);
  const parts = dirname(rel) === '.' ? [rel] : dirname(rel).split('/');
  return parts.slice(0, depth).join('/');
}

const isAncestor = (a: string, b: string) => b.startsWith(a + '/');

/** Cycles (as strongly connected components of two or more folders) with one import per edge as proof. */
export function folderCycles(edges: [from: string, to: string, why: string][]): string[][] {
  const out = new Map<string, Map<string, string>>();
  for (const [a, b, why] of edges) if (a !== b && !isAncestor(a, b) && !isAncestor(b, a)) (out.get(a) ?? out.set(a, new Map()).get(a)!).set(b, why);
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of out.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      scc.push(w);
      if (w === v) break;
    }
    if (scc.length > 1) cycles.push(scc.sort().map((a) => `${a} (${[...(out.get(a) ?? [])].filter(([b]) => scc.includes(b)).map(([, why]) => why).join('; ')})`));
  };
  for (const v of out.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import cycles between folders', () => {
  const files = sourceFiles().filter((f) => relative(SRC, f) !== 'index.ts'); // the library surface imports everything
  const imports = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')).filter((t) => t.startsWith(SRC) && !TEST_SUPPORT.test(t.split('/').pop()!)).map((t) => [f, t] as const));

  it('reads the imports (the check below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(imports.length).toBeGreaterThan(800);
  });

  it('finds a cycle when there is one', () => {
    expect(folderCycles([['a', 'b', 'a/x -> b/y'], ['b', 'c', ''], ['c', 'a', ''], ['a', 'a/sub', ''], ['a/sub', 'a', '']]).map((c) => c.map((x) => x.split(' ')[0]))).toEqual([['a', 'b', 'c']]);
  });

  it('no cycle among the files of src/cli (a command module and its -run half import one way)', () => {
    const cli = join(SRC, 'cli');
    const edges = imports.filter(([f, t]) => f.startsWith(cli + '/') && t.startsWith(cli + '/')).map(([f, t]) => [relative(SRC, f), relative(SRC, t), `${relative(SRC, f)} → ${relative(SRC, t)}`] as [string, string, string]);
    expect(edges.length, 'the CLI files import each other (the check is not vacuous)').toBeGreaterThan(20);
    expect(folderCycles(edges)).toEqual([]);
  });

  for (const depth of [1, 2]) {
    it(`no cycle among the folders ${depth === 1 ? 'of src/' : 'inside each folder'}`, () => {
      const edges = imports.map(([f, t]) => [folderOf(f, depth), folderOf(t, depth), `${relative(SRC, f)} → ${relative(SRC, t)}`] as [string, string, string]);
      expect(folderCycles(edges)).toEqual([]);
    });
  }
});
