// A single-file executable (Node's single executable applications, Node 20+): the CLI and every
// dependency in one CommonJS bundle, injected into a copy of this node binary.
//
//   node scripts/build-sea.mjs [--out release/flannel-doctor-linux-x64]
//
// Uses postject through npx (a release-time tool, not a dependency). The lab is left out: it runs
// from a source checkout.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(new URL('..', import.meta.url).pathname);
const i = process.argv.indexOf('--out');
const out = resolve(i > 0 ? process.argv[i + 1] : join(root, 'release', `flannel-doctor-${process.platform}-${process.arch}`));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'fd-sea-'));
try {
  await build({
    entryPoints: [join(root, 'src/cli/entry.ts')],
    outfile: join(stage, 'cli.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Lab-only packages stay out; the lab says it needs a source checkout.
    external: ['@grpc/*'],
    minifyWhitespace: true,
    legalComments: 'none',
    // import.meta.url has no CommonJS meaning: the executable's own path stands in.
    define: { __FD_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__fdMetaUrl' },
    // The embedded require() loads built-ins only (and warns on anything else): a real one takes its place.
    banner: { js: "var require = require('node:module').createRequire(__filename); const __fdMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  writeFileSync(join(stage, 'sea-config.json'), JSON.stringify({ main: join(stage, 'cli.cjs'), output: join(stage, 'sea.blob'), disableExperimentalSEAWarning: true }));
  execFileSync(process.execPath, ['--experimental-sea-config', join(stage, 'sea-config.json')], { stdio: 'inherit' });
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(process.execPath, out);
  execFileSync('npx', ['--yes', 'postject@1.0.0-alpha.6', out, 'NODE_SEA_BLOB', join(stage, 'sea.blob'), '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: 'inherit' });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
