// Regenerates the README's example outputs by running the built CLI (npm run build first):
// every ```-block whose first line is `$ flannel-doctor <args>` and that follows a line
// `<!-- example: run -->` is replaced with what that command prints now. Never hand-edit those blocks.
// --check writes nothing and exits 1 when a block differs from what its command prints now.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const readme = new URL('../README.md', import.meta.url);
const cli = new URL('../bin/flannel-doctor.cjs', import.meta.url).pathname;
const text = readFileSync(readme, 'utf8');
const out = text.replace(/(<!-- example: run -->\n```\n)\$ flannel-doctor ([^\n]*)\n[\s\S]*?```/g, (_, open, args) => {
  const argv = args.match(/'[^']*'|\S+/g).map((a) => a.replace(/^'|'$/g, ''));
  const r = spawnSync('node', [cli, ...argv], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '' } });
  if (r.error || r.status === 2) throw new Error(`flannel-doctor ${args}: ${r.error?.message ?? r.stderr}`);
  return `${open}$ flannel-doctor ${args}\n${r.stdout.trimEnd()}\n\`\`\``;
});
if (process.argv.includes('--check')) {
  if (out !== text) {
    process.stderr.write('README examples differ from what their commands print now: run npm run build && npm run docs:readme\n');
    process.exit(1);
  }
  process.stderr.write('README examples current\n');
} else {
  writeFileSync(readme, out);
  process.stderr.write(out === text ? 'README examples unchanged\n' : 'README examples regenerated\n');
}
