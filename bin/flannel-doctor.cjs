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
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');
// A closed pipe (`… | head`) ends the program quietly instead of with an EPIPE stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const cjs = join(__dirname, '..', 'dist', 'cli.cjs');
const fast = process.features.require_module ? compiledCli() : undefined;
if (fast) {
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
  // No code cache for this Node.js (or a Node.js 20 before 20.19, which cannot require() the ES-module-only
  // @kubernetes/client-node): the ES modules, which compile only the chunks a command loads.
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
 * dist/cli.cjs (one function expression ending in its build id) with its code cache, when the cache's
 * first line names this build, this Node.js and this architecture (scripts/code-cache.mjs). A command
 * run often at start-up has a cache of its own, trained on it alone (`dist/cli.cjs.explain.cache`):
 * V8 reads a whole cache before running anything, and one trained on every command costs the others
 * the reading of code they never run. Any other first word takes the cache of all of them.
 */
function compiledCli() {
  let source, cache;
  try {
    source = readFileSync(cjs, 'latin1');
  } catch {
    return undefined;
  }
  const command = process.argv[2];
  if (command && /^[a-z][a-z-]*$/.test(command)) cache = readOrUndefined(`${cjs}.${command}.cache`);
  cache ??= readOrUndefined(`${cjs}.cache`);
  if (!cache) return undefined;
  const id = /\/\/# fd-build ([0-9a-f]{16})\s*$/.exec(source.slice(-64))?.[1];
  const key = `${id} ${process.version} ${process.arch}\n`;
  if (!id || cache.toString('latin1', 0, key.length) !== key) return undefined;
  return { script: new vm.Script(source, { filename: cjs, cachedData: cache.subarray(key.length) }) };
}

function readOrUndefined(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
