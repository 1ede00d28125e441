// Runs two builds of `flannel-doctor pcap` on the same captures in every output format (and
// --evidence) and says where their outputs differ: the check that a new decoder reports byte for byte
// what the old one did (issue #16: the WebAssembly core against the JavaScript decoder of main).
//
//   node scripts/pcap-identity.mjs --base /path/to/main/bin/flannel-doctor [--ours bin/flannel-doctor] \
//        [--jobs 2] CAPTURE|DIR...
//
// Identical captures (by content) are run once. The report's time of generation is the one thing
// allowed to differ: an ISO time of today is replaced by <now> in both outputs (capture times are
// numbers or other days). Exit status 1 when any output differs.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FORMATS = ['text', 'json', 'yaml', 'markdown', 'junit', 'sarif', 'html', '--evidence'];
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const base = opt('--base');
const ours = opt('--ours', new URL('../bin/flannel-doctor', import.meta.url).pathname);
const jobs = Number(opt('--jobs', '2'));
if (!base || !args.length) {
  console.error('usage: node scripts/pcap-identity.mjs --base MAIN_BIN [--ours BIN] [--jobs N] CAPTURE|DIR...');
  process.exit(2);
}

const files = args.flatMap((a) => (statSync(a).isDirectory() ? readdirSync(a).sort().map((n) => join(a, n)) : [a])).map((f) => resolve(f));
const seen = new Set();
const captures = files.filter((f) => {
  const h = createHash('sha256').update(readFileSync(f)).digest('hex');
  if (seen.has(h)) return false;
  seen.add(h);
  return true;
});

const today = new Date().toISOString().slice(0, 10);
const nowRe = new RegExp(`${today}T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z?`, 'g');
const run = (bin, file, format) =>
  new Promise((res) => {
    const a = format === '--evidence' ? ['pcap', file, '--evidence'] : ['pcap', file, '-o', format];
    execFile(bin, a, { maxBuffer: 1 << 28 }, (err, stdout, stderr) => res(`exit ${err ? (err.code ?? 'signal') : 0}\n${stdout.replace(nowRe, '<now>')}\n--stderr--\n${stderr}`));
  });

const tasks = captures.flatMap((f) => FORMATS.map((format) => ({ f, format })));
let compared = 0;
const differ = [];
let next = 0;
async function worker() {
  while (next < tasks.length) {
    const { f, format } = tasks[next++];
    const [a, b] = await Promise.all([run(base, f, format), run(ours, f, format)]);
    compared++;
    if (a !== b) differ.push(`${f} ${format}`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
console.log(`${captures.length} captures (${files.length} files), ${FORMATS.length} outputs each: ${compared} outputs compared, ${differ.length} differ`);
for (const d of differ.slice(0, 50)) console.log(`  DIFFERS ${d}`);
process.exit(differ.length ? 1 : 0);
