#!/usr/bin/env node
// Runs the bundled CLI (npm run build writes dist/). Kept tiny: start-up time matters.
// CommonJS: Node.js loads it with one synchronous read, where an ES module entry costs the module loader
// and an asynchronous read that waits for a thread on a busy machine.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

// `--version` alone answers without loading the CLI (the same version the build bakes into dist/), nor
// node:module, node:url and node:vm.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version + '\n');
  process.exit(0);
}
// A closed pipe (`… | head`) ends the program quietly instead of with an EPIPE stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
// Lean bundles of their own, without the CLI's 1.7 MB and its code cache to read: `pcap FILE... --evidence`
// (capture evidence, nothing judged; src/cli/pcap-evidence.ts) and `explain "<message>"` (one message in
// text, JSON or JSON lines; src/cli/explain-fast.ts). A command line they do not take exactly goes on to
// the CLI below, which parses it.
const LEAN = { pcap: ['pcap.cjs', 'runPcapEvidence'], explain: ['explain.cjs', 'runExplainFast'] };
if (Object.hasOwn(LEAN, process.argv[2]) && (process.argv[2] !== 'pcap' || process.argv.includes('--evidence')) && (process.argv[2] !== 'explain' || plainExplain(process.argv))) {
  const code = lean(...LEAN[process.argv[2]]);
  if (code !== undefined) {
    process.exitCode = code;
    return;
  }
}
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const cjs = join(__dirname, '..', 'dist', 'cli.cjs');
const fast = process.features.require_module ? compiledCli() : undefined;
if (fast) {
  // A cache of the user's own is written when the process ends, from every function this run compiled.
  if (fast.save) process.once('exit', fast.save);
  const module = { exports: {} };
  fast.script.runInThisContext()(module.exports, createRequire(cjs), module, cjs, dirname(cjs));
  module.exports.main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`flannel-doctor: ${String(err)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  // A Node.js 20 before 20.19, which cannot require() the ES-module-only @kubernetes/client-node, or no
  // cache directory to keep a code cache in: the ES modules, which compile only the chunks a command loads.
  const entry = join(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(entry)) {
    process.stderr.write('flannel-doctor: not built yet; run `npm run build` in the package folder\n');
    process.exit(2);
  }
  import(pathToFileURL(entry).href).catch((err) => {
    process.stderr.write(`flannel-doctor: ${String(err)}\n`);
    process.exitCode = 2;
  });
}

/**
 * Whether an explain command line holds only words and -o/--output forms: the lean entry refuses any
 * other flag (src/cli/explain-fast.ts parseExplainFast decides), so `explain --stdin` goes straight to
 * the CLI instead of loading the lean bundle first for nothing.
 */
function plainExplain(argv) {
  for (let i = 3; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') i++;
    else if (a.startsWith('-') && !a.startsWith('--output=') && !(a.startsWith('-o') && a.length > 2)) return false;
  }
  return true;
}

/**
 * A lean bundle's answer (an exit code), or undefined when it does not take this command line or is
 * missing. Like dist/cli.cjs, one function expression ending in its build id, run with the code cache
 * the build made (dist/<name>.cache, trained on its command) when its key names this build, this
 * Node.js and this architecture; else compiled (they are small: no cache of the user's own).
 */
function lean(name, run) {
  const file = join(__dirname, '..', 'dist', name);
  let source;
  try {
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  const id = /\/\/# fd-build ([0-9a-f]{16})\s*$/.exec(source.slice(-64))?.[1];
  if (!id) return undefined;
  const key = `${id} ${process.version} ${process.arch}\n`;
  const cache = readOrUndefined(`${file}.cache`);
  const vm = require('node:vm');
  const script = new vm.Script(source, cache && hasKey(cache, key) ? { filename: file, cachedData: cache.subarray(key.length) } : { filename: file });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  return module.exports[run](process.argv);
}

/**
 * dist/cli.cjs (one function expression ending in its build id) with a code cache whose first line names
 * this build, this Node.js and this architecture (scripts/code-cache.mjs).
 *
 * The build ships them in dist/. A command run often at start-up has one of its own, trained on it alone
 * (`dist/cli.cjs.explain.cache`): V8 reads a whole cache before running anything, and one trained on
 * every command costs the others the reading of code they never run. Any other first word takes the
 * cache of all of them.
 *
 * A package built by another Node.js (or architecture) ships caches this one cannot use: then the user's
 * own, under their cache directory, named by build, Node.js and architecture. The first run without one
 * compiles the bundle and writes one when it ends (`save`); a cache V8 refuses (corrupt, truncated) is
 * written again. Nothing it reads or writes changes what the command prints.
 */
function compiledCli() {
  let source;
  try {
    source = readFileSync(cjs, 'latin1');
  } catch {
    return undefined;
  }
  const id = /\/\/# fd-build ([0-9a-f]{16})\s*$/.exec(source.slice(-64))?.[1];
  if (!id) return undefined;
  const key = `${id} ${process.version} ${process.arch}\n`;
  const word = process.argv[2];
  const own = word && /^[a-z][a-z-]*$/.test(word) ? readOrUndefined(`${cjs}.${word}.cache`) : undefined;
  const shipped = own ?? readOrUndefined(`${cjs}.cache`);
  if (shipped && hasKey(shipped, key)) return { script: new vm.Script(source, { filename: cjs, cachedData: shipped.subarray(key.length) }) };
  const dir = userCacheDir();
  if (!dir) return undefined;
  const file = join(dir, `${id}-${process.version}-${process.arch}${own ? `-${word}` : ''}.cache`);
  const mine = readOrUndefined(file);
  const usable = mine !== undefined && hasKey(mine, key);
  const script = new vm.Script(source, usable ? { filename: cjs, cachedData: mine.subarray(key.length) } : { filename: cjs });
  return { script, save: usable && !script.cachedDataRejected ? undefined : () => saveCache(script, dir, file, key, id) };
}

function hasKey(cache, key) {
  return cache.toString('latin1', 0, key.length) === key;
}

function readOrUndefined(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** $XDG_CACHE_HOME/flannel-doctor/code-cache (~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows). */
function userCacheDir() {
  const env = process.env;
  let base = env.XDG_CACHE_HOME;
  if (!base && process.platform === 'win32') base = env.LOCALAPPDATA;
  if (!base) {
    let home;
    try {
      home = require('node:os').homedir();
    } catch {
      return undefined;
    }
    if (!home) return undefined;
    base = process.platform === 'darwin' ? join(home, 'Library', 'Caches') : join(home, '.cache');
  }
  return join(base, 'flannel-doctor', 'code-cache');
}

/**
 * Writes the code of every function compiled so far as `file`, atomically: a temporary file beside it,
 * renamed over it (a reader sees the old cache or the new one, never half of one). Caches of other builds
 * (another installed version may still use its own) go after a week, a temporary file left by a process
 * that died while writing after an hour. Any failure (read-only home, full disk) leaves no file and no
 * message: the next run compiles again.
 */
function saveCache(script, dir, file, key, id) {
  const { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, Buffer.concat([Buffer.from(key, 'latin1'), data]), { mode: 0o600 });
    renameSync(tmp, file);
    const now = Date.now();
    for (const f of readdirSync(dir)) {
      const isTmp = f.endsWith('.tmp');
      if (!isTmp && f.startsWith(`${id}-`)) continue;
      const p = join(dir, f);
      if (now - statSync(p).mtimeMs > (isTmp ? 3600e3 : 7 * 86400e3)) rmSync(p, { force: true });
    }
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}
