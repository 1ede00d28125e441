// Writes dist/cli.cjs.cache (and dist/cli.cjs.explain.cache): V8's compiled code for dist/cli.cjs,
// produced by running the commands a new user runs first in this process (V8 keeps the code of every
// function that ran). Its first line names the bundle's build id, the Node.js version and the
// architecture; bin/flannel-doctor.cjs uses a cache only when all three match (V8 would refuse another
// version's cache and compile the whole file). With none that matches, the launcher keeps a cache of the
// user's own under their cache directory, written by the first run.
//
//   node scripts/code-cache.mjs dist/cli.cjs [explain]     (npm run build writes both)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUILD_ID_LENGTH = 16;
/** The cache's first line: what it was made from. */
export const cacheKey = (id) => `${id} ${process.version} ${process.arch}\n`;
/** The build id at the end of dist/cli.cjs (undefined if it has none). */
export const buildIdOf = (source) => /\/\/# fd-build ([0-9a-f]+)\s*$/.exec(source.slice(-64))?.[1];
/** The parameters dist/cli.cjs's function takes, as CommonJS passes them. */
export const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

/**
 * The commands run to fill each cache. Each function that runs adds its code to the cache, and all of it
 * is read back at every start, so --help and the other formats (which would add a tenth for little use)
 * compile when used.
 *  - '' (dist/cli.cjs.cache), for every command: diagnose, explain and a usage error;
 *  - explain (dist/cli.cjs.explain.cache), which the launcher takes when the first word is `explain`:
 *    trained on explain alone, it is a third smaller than the shared one, and reading it is most of what
 *    explain spends before it runs.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIAGNOSE = ['diagnose', '--bundle', resolve(root, 'examples/broken-cluster')];
const EXPLAIN = ['explain', 'Failed to pull image "reg.local/a/b:1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host'];
export const TRAININGS = {
  '': [DIAGNOSE, EXPLAIN, ['diagnose', '--no-such-flag']],
  explain: [EXPLAIN],
};

/** Where the cache trained as `name` is written (see bin/flannel-doctor.cjs). */
export const cacheFile = (file, name) => (name ? `${file}.${name}.cache` : `${file}.cache`);

/**
 * Compiles `file` by running TRAININGS[name] through its exported main(), and writes its cache. One
 * training per process: the cache holds every function the process compiled.
 */
export async function writeCodeCache(file, name = '') {
  const training = TRAININGS[name];
  if (!training) throw new Error(`no code cache training named ${JSON.stringify(name)}`);
  const source = readFileSync(file, 'latin1');
  const id = buildIdOf(source);
  if (id?.length !== BUILD_ID_LENGTH) throw new Error(`${file}: no build id at its end`);
  const script = new vm.Script(source, { filename: file });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = process.stderr.write = () => true;
  try {
    for (const args of training) await module.exports.main([process.execPath, 'flannel-doctor', ...args]);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = 0;
  }
  writeFileSync(cacheFile(file, name), Buffer.concat([Buffer.from(cacheKey(id), 'latin1'), script.createCachedData()]));
}

//   node scripts/code-cache.mjs dist/cli.cjs [training]
if (process.argv[1] === fileURLToPath(import.meta.url)) await writeCodeCache(resolve(process.argv[2] ?? 'dist/cli.cjs'), process.argv[3] ?? '');
