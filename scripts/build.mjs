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
  packages: 'external',
  sourcemap: false,
  legalComments: 'none',
  define: { __FD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
