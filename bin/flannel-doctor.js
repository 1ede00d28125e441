#!/usr/bin/env node
// Runs the bundled CLI (npm run build writes dist/). Kept tiny: start-up time matters.
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flannel-doctor: not built yet; run `npm run build` in the package folder\n');
  process.exit(2);
}
await import(entry.href);
