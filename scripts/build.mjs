// Bundles the CLI with esbuild: one small entry, lazily loaded chunks, dependencies left in node_modules.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Stale chunks from earlier builds would pile up in dist/.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/entry.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules and load lazily, except commander, which every command loads:
  // bundled it skips the CommonJS loader at start-up.
  // Lab-only packages (@grpc/*) are devDependencies: the lab runs from a source checkout.
  external: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d !== 'commander'),
  sourcemap: false,
  // Less to read and parse at start-up; identifiers kept so an internal error's stack stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Bundled CommonJS (commander) calls require() for node built-ins.
  banner: { js: "import { createRequire as __fdCreateRequire } from 'node:module'; const require = __fdCreateRequire(import.meta.url);" },
  define: { __FD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
