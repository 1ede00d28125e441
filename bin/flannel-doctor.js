#!/usr/bin/env node
// Runs the bundled CLI (npm run build writes dist/). Kept tiny: start-up time matters.
import { existsSync, readFileSync } from 'node:fs';
// `--version` alone answers without loading the CLI (the same version the build bakes into dist/).
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
  process.exit(0);
}
// A closed pipe (`… | head`) ends the program quietly instead of with an EPIPE stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flannel-doctor: not built yet; run `npm run build` in the package folder\n');
  process.exit(2);
}
await import(entry.href);
