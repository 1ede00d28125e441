// Builds dist/ with esbuild:
//  - dist/cli.cjs: the whole CLI in one CommonJS file, plus dist/cli.cjs.cache, V8's compiled code for it
//    (scripts/code-cache.mjs). bin/flannel-doctor.cjs runs it: one synchronous read and no parsing, where
//    ES modules cost an asynchronous read per chunk and a full compile on every start.
//  - dist/pcap.cjs and dist/explain.cjs: `pcap FILE... --evidence` and `explain "<message>"` on their own
//    (src/cli/pcap-evidence.ts, src/cli/explain-fast.ts), run by the launcher before the CLI,
//    each with a code cache of its own (scripts/code-cache.mjs).
//  - dist/cli.js and dist/index.js: ES modules with lazily loaded chunks; index.js is the library, and
//    cli.js is the CLI on a Node.js 20 older than 20.19 (which cannot require() @kubernetes/client-node).
// Dependencies stay in node_modules, except commander, which every command loads.
// The WebAssembly core of `pcap` (scripts/build-wasm.mjs) is bytes inside the bundles: no file to ship beside them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { BUILD_ID_LENGTH, CJS_PARAMS, TRAININGS } from './code-cache.mjs';
import { withoutSamples } from './strip-samples.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Lab-only packages (@grpc/*) are devDependencies: the lab runs from a source checkout.
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d !== 'commander');
// commander's command.js requires node:child_process at load for executable subcommands, which we do
// not use: loading it (with node:net and node:dgram behind it) was a tenth of explain's start-up. Its
// uses are all childProcess.spawn(…), so the module is required when one is made.
const LAZY_CHILD_PROCESS = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
const lazyCommanderChildProcess = {
  name: 'lazy-commander-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      const uses = text.match(/\bchildProcess\b[^\n]{0,7}/g) ?? [];
      // A commander that loads it otherwise, or uses more of it, must be looked at again: fail the build.
      if (!text.includes(eager) || uses.some((u) => !u.startsWith('childProcess = ') && !u.startsWith('childProcess.spawn('))) {
        throw new Error(`${args.path}: not the childProcess uses the lazy-commander-child-process plugin knows`);
      }
      return { contents: text.replace(eager, LAZY_CHILD_PROCESS), loader: 'js' };
    });
  },
};

// A signature's samples and counter-samples are for the catalog's tests and docs, never read by the CLI: about 300 KB
// of the 2 MB bundle, which every start would read, decode and deserialize. The bundles carry them empty
// (scripts/strip-samples.mjs; a token it does not know fails the build).
const catalogWithoutSamples = {
  name: 'catalog-without-samples',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]catalog[\\/]signatures[\\/].*\.ts$/ }, (args) => {
      return { contents: withoutSamples(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' };
    });
  },
};

// The catalog as one JSON text that the bundles parse (src/catalog/signatures.ts replaced): written as modules,
// its 1,200 RegExp literals were each parsed by V8 when the module ran, and its objects were bytecode to read
// from the code cache and run; a JSON text is one string, and JSON.parse is V8's fastest way to make objects.
// The signatures are evaluated here, once, from the same sources (samples and sources stripped), so the data is the same.
async function signaturesAsJson() {
  const out = await build({ entryPoints: ['src/catalog/signatures.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, plugins: [catalogWithoutSamples], logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  // A signature's `source` (where its text comes from) is for the docs and reviewers, never read by a command.
  const signatures = module.exports.SIGNATURES.map(({ source: _source, ...rest }) => rest);
  const json = JSON.stringify(signatures);
  // Only data may cross: a RegExp, function or undefined left in a signature would not survive JSON.
  if (!isDeepStrictEqual(JSON.parse(json), signatures)) throw new Error('src/catalog/signatures.ts: a signature holds something JSON cannot carry');
  // ASCII: the bundle's string is then one byte a character, which JSON.parse reads fastest.
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const signaturesJson = await signaturesAsJson();
const catalogAsData = {
  name: 'catalog-as-data',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]catalog[\\/]signatures\.ts$/ }, () => ({ contents: `export const SIGNATURES = JSON.parse(${JSON.stringify(signaturesJson)});`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  plugins: [lazyCommanderChildProcess, catalogAsData, catalogWithoutSamples],
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: false,
  // Less to read and parse at start-up; identifiers kept so an internal error's stack stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  define: { __FD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  // ASCII only: the loader reads dist/cli.cjs as latin1, a one-byte string with no UTF-8 decoding.
  charset: 'ascii',
};

// The capture analysis' WebAssembly core, compiled from its AssemblyScript into the TypeScript module
// that embeds it (committed, so a checkout runs without this step; a test keeps the two in step).
const wasm = await import('./build-wasm.mjs');
writeFileSync(wasm.TARGET, wasm.pcapCoreModuleText(await wasm.compilePcapCore()));

// Stale chunks from earlier builds would pile up in dist/, and a stale code cache must never survive.
rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli/entry.ts', index: 'src/index.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  // Bundled CommonJS (commander) calls require() for node built-ins.
  banner: { js: "import { createRequire as __fdCreateRequire } from 'node:module'; const require = __fdCreateRequire(import.meta.url);" },
});

// The CommonJS file is one function expression (the loader calls it with CommonJS's arguments) and ends
// with a build id that its code cache repeats: a cache from another build is never used.
const buildId = randomBytes(BUILD_ID_LENGTH / 2).toString('hex');
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  // import('tar') and the like become require(): the script gets no dynamic import() (see below).
  supported: { 'dynamic-import': false },
  // import.meta.url on first use: computing it at start made a URL, which cost more than most commands use.
  define: { ...common.define, 'import.meta.url': '__fdMeta.url' },
  banner: { js: `(function (${CJS_PARAMS.join(', ')}) {const __fdMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };` },
  footer: { js: `})\n//# fd-build ${buildId}` },
});
// Every dependency must load through require(): the loader gives the script no dynamic import().
// esbuild leaves non-ASCII in regular expression literals; \uXXXX means the same character there.
const cjs = readFileSync('dist/cli.cjs', 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync('dist/cli.cjs', cjs);
if (/\bimport\(/.test(cjs)) throw new Error('dist/cli.cjs: a dynamic import() survived the CommonJS build');
// Lean entries, which the launcher runs before the CLI when they take the command line: `pcap FILE...
// --evidence` (src/cli/pcap-evidence.ts: the capture analysis, 70 KB to compile, where the CLI's code
// cache is 1.1 MB to read) and `explain "<message>"` (src/cli/explain-fast.ts: the catalog, classifier
// and rendering without commander and the other commands, a third of the CLI's bytes). Each is one
// function expression with the build id too, a code cache of its own, and no dependency to require.
for (const [entry, out] of [
  ['src/cli/pcap-evidence.ts', 'dist/pcap.cjs'],
  ['src/cli/explain-fast.ts', 'dist/explain.cjs'],
]) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile: out,
    format: 'cjs',
    banner: { js: `(function (${CJS_PARAMS.join(', ')}) {` },
    footer: { js: `})\n//# fd-build ${buildId}` },
  });
  const text = readFileSync(out, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(out, text);
  if (/\brequire\((?!"node:)/.test(text)) throw new Error(`${out}: requires a dependency; it must stand alone`);
}
// Compiled by running the commands a new user runs first (a child process each: a clean heap and flags).
for (const name of Object.keys(TRAININGS)) {
  execFileSync(process.execPath, [new URL('./code-cache.mjs', import.meta.url).pathname, 'dist/cli.cjs', name], { stdio: ['ignore', 'ignore', 'inherit'] });
}
for (const lean of ['dist/pcap.cjs', 'dist/explain.cjs']) {
  execFileSync(process.execPath, [new URL('./code-cache.mjs', import.meta.url).pathname, lean], { stdio: ['ignore', 'ignore', 'inherit'] });
}
