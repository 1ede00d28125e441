// Writes dist/cli.cjs.cache (and dist/cli.cjs.explain.cache): V8's compiled code for dist/cli.cjs,
// produced by running the commands a new user runs first in this process (V8 keeps the code of every
// function that ran). Its first line names the bundle's build id, the Node.js version and the
// architecture; bin/flannel-doctor.cjs uses a cache only when all three match (V8 would refuse another
// version's cache and compile the whole file). With none that matches, the launcher keeps a cache of the
// user's own under their cache directory, written by the first run.
//
//   node scripts/code-cache.mjs dist/cli.cjs [explain]     (npm run build writes both)
//
// And dist/pcap.cjs.cache, for `pcap FILE... --evidence` (dist/pcap.cjs), trained on a small capture, and
// dist/explain.cjs.cache, for `explain "<message>"` (dist/explain.cjs), trained on the explain training.
//   node scripts/code-cache.mjs dist/pcap.cjs | dist/explain.cjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUILD_ID_LENGTH = 16;
/** The cache's first line: what it was made from. */
export const cacheKey = (id) => `${id} ${process.version} ${process.arch}\n`;
/** The build id at the end of dist/cli.cjs (undefined if it has none). */
export const buildIdOf = (source) => /\/\/# fd-build ([0-9a-f]+)\s*$/.exec(source.slice(-64))?.[1];
/** The parameters dist/cli.cjs's function takes, as CommonJS passes them. */
export const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

/**
 * The commands run to fill each cache. Each function that runs adds its code to the cache, and all of it
 * is read back at every start, so --help and the other formats (which would add a tenth for little use)
 * compile when used.
 *  - '' (dist/cli.cjs.cache), for every command: diagnose, explain and a usage error;
 *  - explain (dist/cli.cjs.explain.cache), which the launcher takes when the first word is `explain`:
 *    trained on explain alone, it is a third smaller than the shared one, and reading it is most of what
 *    explain spends before it runs.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIAGNOSE = ['diagnose', '--bundle', resolve(root, 'examples/broken-cluster')];
const EXPLAIN = ['explain', 'Failed to pull image "reg.local/a/b:1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host'];
export const TRAININGS = {
  '': [DIAGNOSE, EXPLAIN, ['diagnose', '--no-such-flag']],
  explain: [EXPLAIN],
};

/**
 * A small capture of the shapes `pcap --evidence` meets most (VXLAN carrying TCP and DNS between two
 * nodes, plain TCP, ARP), to train dist/pcap.cjs's cache on: the functions a capture runs through.
 */
export function trainingCapture() {
  const be16 = (n) => Buffer.from([n >> 8, n & 255]);
  const be32 = (n) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  const addr = (s) => Buffer.from(s.split('.').map(Number));
  const eth = (dst, src, type, p) => Buffer.concat([Buffer.from([0x52, 0x54, 0, 0, 0, dst]), Buffer.from([0x52, 0x54, 0, 0, 0, src]), be16(type), p]);
  const ipv4 = (src, dst, proto, p) => Buffer.concat([Buffer.from([0x45, 0]), be16(20 + p.length), Buffer.from([0, 1, 0x40, 0, 64, proto, 0, 0]), addr(src), addr(dst), p]);
  const udp = (sport, dport, p) => Buffer.concat([be16(sport), be16(dport), be16(8 + p.length), be16(0), p]);
  const tcp = (sport, dport, seq, ack, flags, len = 0) => Buffer.concat([be16(sport), be16(dport), be32(seq), be32(ack), Buffer.from([0x50, flags]), be16(65535), be16(0), be16(0), Buffer.alloc(len, 0x61)]);
  const vxlan = (a, b, inner) => eth(b, a, 0x0800, ipv4(`192.168.56.${a}`, `192.168.56.${b}`, 17, udp(40000, 8472, Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 1, 0]), eth(b + 16, a + 16, 0x0800, inner)]))));
  const dns = (id, rcode) => Buffer.concat([be16(id), Buffer.from(rcode === undefined ? [1, 0] : [0x81, 0x80 | rcode]), be16(1), be16(0), be16(0), be16(0), Buffer.from([3, 0x78, 0x79, 0x7a, 0]), be16(1), be16(1)]);
  const [a, b, dnsIp] = ['10.244.1.5', '10.244.2.7', '10.244.2.3'];
  const frames = [
    vxlan(11, 12, ipv4(a, b, 6, tcp(40000, 80, 1, 0, 2))),
    vxlan(12, 11, ipv4(b, a, 6, tcp(80, 40000, 9, 2, 18))),
    vxlan(11, 12, ipv4(a, b, 6, tcp(40000, 80, 2, 10, 24, 100))),
    vxlan(12, 11, ipv4(b, a, 6, tcp(80, 40000, 10, 102, 16, 1000))),
    vxlan(11, 12, ipv4(a, dnsIp, 17, udp(33000, 53, dns(7)))),
    vxlan(12, 11, ipv4(dnsIp, a, 17, udp(53, 33000, dns(7, 3)))),
    vxlan(11, 12, ipv4(a, b, 6, tcp(40000, 80, 102, 1010, 17))),
    vxlan(12, 11, ipv4(b, a, 6, tcp(80, 40000, 1010, 103, 17))),
    vxlan(11, 12, ipv4(a, b, 6, tcp(40000, 80, 103, 1011, 16))),
    eth(12, 11, 0x0800, ipv4('192.168.56.11', '192.168.56.12', 6, tcp(51000, 6443, 5, 0, 2))),
    eth(255, 11, 0x0806, Buffer.from([0, 1, 8, 0, 6, 4, 0, 1, 0x52, 0x54, 0, 0, 0, 11, 192, 168, 56, 11, 0, 0, 0, 0, 0, 0, 192, 168, 56, 12])),
  ];
  const header = Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]);
  const records = frames.map((f, i) => {
    const h = Buffer.alloc(16);
    h.writeUInt32LE(1780000000, 0);
    h.writeUInt32LE(1000 * i, 4);
    h.writeUInt32LE(f.length, 8);
    h.writeUInt32LE(f.length, 12);
    return Buffer.concat([h, f]);
  });
  return Buffer.concat([header, ...records]);
}

/**
 * Writes the code cache of a lean entry (dist/pcap.cjs, dist/explain.cjs: one function expression with
 * the build id, exporting the runner the launcher calls), compiled by `train` running it once with its
 * output silenced; its first line the key as for the CLI's caches.
 */
function writeLeanCodeCache(file, train) {
  const source = readFileSync(file, 'latin1');
  const id = buildIdOf(source);
  if (id?.length !== BUILD_ID_LENGTH) throw new Error(`${file}: no build id at its end`);
  const script = new vm.Script(source, { filename: file });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    if (train(module.exports) !== 0) throw new Error(`${file}: the training did not run`);
  } finally {
    process.stdout.write = write;
  }
  writeFileSync(cacheFile(file, ''), Buffer.concat([Buffer.from(cacheKey(id), 'latin1'), script.createCachedData()]));
}

/** Writes dist/pcap.cjs.cache: dist/pcap.cjs compiled by running `pcap FILE --evidence` on trainingCapture(). */
export function writePcapCodeCache(file) {
  const dir = mkdtempSync(join(tmpdir(), 'fd-pcap-training-'));
  try {
    const capture = join(dir, 'training.pcap');
    writeFileSync(capture, trainingCapture());
    writeLeanCodeCache(file, (entry) => entry.runPcapEvidence([process.execPath, 'flannel-doctor', 'pcap', capture, '--evidence']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes dist/explain.cjs.cache: dist/explain.cjs compiled by running the explain training on it. */
export function writeExplainCodeCache(file) {
  writeLeanCodeCache(file, (entry) => entry.runExplainFast([process.execPath, 'flannel-doctor', ...EXPLAIN]));
}

/** Where the cache trained as `name` is written (see bin/flannel-doctor.cjs). */
export const cacheFile = (file, name) => (name ? `${file}.${name}.cache` : `${file}.cache`);

/**
 * Compiles `file` by running TRAININGS[name] through its exported main(), and writes its cache. One
 * training per process: the cache holds every function the process compiled.
 */
export async function writeCodeCache(file, name = '') {
  const training = TRAININGS[name];
  if (!training) throw new Error(`no code cache training named ${JSON.stringify(name)}`);
  const source = readFileSync(file, 'latin1');
  const id = buildIdOf(source);
  if (id?.length !== BUILD_ID_LENGTH) throw new Error(`${file}: no build id at its end`);
  const script = new vm.Script(source, { filename: file });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = process.stderr.write = () => true;
  try {
    for (const args of training) await module.exports.main([process.execPath, 'flannel-doctor', ...args]);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = 0;
  }
  writeFileSync(cacheFile(file, name), Buffer.concat([Buffer.from(cacheKey(id), 'latin1'), script.createCachedData()]));
}

//   node scripts/code-cache.mjs dist/cli.cjs [training]
//   node scripts/code-cache.mjs dist/pcap.cjs | dist/explain.cjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? 'dist/cli.cjs');
  if (basename(file) === 'pcap.cjs') writePcapCodeCache(file);
  else if (basename(file) === 'explain.cjs') writeExplainCodeCache(file);
  else await writeCodeCache(file, process.argv[3] ?? '');
}
