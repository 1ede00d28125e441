import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/flannel-doctor.cjs runs dist/cli.cjs with its code cache only when the cache was made from that
// very file by this Node.js; otherwise with the user's own cache, made by an earlier run. The ES modules
// (dist/cli.js) are for a Node.js that cannot require() them. A stand-in dist says which ran.
const root = join(import.meta.dirname, '..', '..');
const pkg = mkdtempSync(join(tmpdir(), 'fd-launcher-'));
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

function stage(buildId: string): void {
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  copyFileSync(join(root, 'bin', 'flannel-doctor.cjs'), join(pkg, 'bin', 'flannel-doctor.cjs'));
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ type: 'module', version: '9.9.9' }));
  writeFileSync(
    join(pkg, 'dist', 'cli.cjs'),
    `(function (exports, require, module, __filename, __dirname) {exports.main = async (argv) => { process.stdout.write('cjs ' + argv.slice(2).join(' ')); return 3; };})\n//# fd-build ${buildId}\n`,
  );
  writeFileSync(join(pkg, 'dist', 'cli.js'), "process.stdout.write('esm ' + process.argv.slice(2).join(' ')); process.exitCode = 4;\n");
}

// The user's cache directory, for every run here (never the real ~/.cache).
const xdg = join(pkg, 'xdg');
const userCaches = join(xdg, 'flannel-doctor', 'code-cache');
const run = (...args: string[]) => spawnSync(process.execPath, [join(pkg, 'bin', 'flannel-doctor.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: xdg } });
const userCache = (id: string, word = '') => join(userCaches, `${id}-${process.version}-${process.arch}${word ? `-${word}` : ''}.cache`);
const keyOf = (file: string) => readFileSync(file).toString('latin1').split('\n')[0];

describe('the launcher', () => {
  it('runs the CommonJS bundle with a code cache made from it by this Node.js', () => {
    stage('0123456789abcdef');
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), join(pkg, 'dist', 'cli.cjs')]);
    const cache = readFileSync(join(pkg, 'dist', 'cli.cjs.cache'));
    expect(cache.toString('latin1', 0, cache.indexOf(10))).toBe(`0123456789abcdef ${process.version} ${process.arch}`);
    const r = run('diagnose', '-q');
    expect(r.stdout).toBe('cjs diagnose -q');
    expect(r.status).toBe(3);
  });

  it("with caches made by another Node.js: compiles the bundle and keeps the user's own cache for the next run", () => {
    rmSync(xdg, { recursive: true, force: true });
    const file = join(pkg, 'dist', 'cli.cjs.cache');
    const cache = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from(`0123456789abcdef v19.0.0 ${process.arch}\n`), cache.subarray(cache.indexOf(10) + 1)]));
    const r = run('explain', 'x');
    expect([r.stdout, r.stderr, r.status]).toEqual(['cjs explain x', '', 3]);
    const mine = userCache('0123456789abcdef');
    expect(keyOf(mine)).toBe(`0123456789abcdef ${process.version} ${process.arch}`);
    expect(readdirSync(userCaches)).toEqual([basename(mine)]); // no temporary file left
    // The next run reads it and leaves it as it is.
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600e3);
    utimesSync(mine, past, past);
    expect(run('explain', 'y').stdout).toBe('cjs explain y');
    expect(Math.round(statSync(mine).mtimeMs)).toBe(past.getTime());
  });

  it("a user's cache V8 refuses (corrupt, truncated) is ignored, the output unchanged, and written again", () => {
    const mine = userCache('0123456789abcdef');
    for (const bad of [`0123456789abcdef ${process.version} ${process.arch}\nnot a code cache`, `0123456789abcdef ${process.version}`, '']) {
      writeFileSync(mine, bad);
      const r = run('diagnose', '-q');
      expect([r.stdout, r.stderr, r.status]).toEqual(['cjs diagnose -q', '', 3]);
      expect(readFileSync(mine).length).toBeGreaterThan(bad.length + 16);
      expect(keyOf(mine)).toBe(`0123456789abcdef ${process.version} ${process.arch}`);
    }
  });

  it('nowhere to write a cache: the same output and no message', () => {
    rmSync(xdg, { recursive: true, force: true });
    writeFileSync(xdg, 'a file where the cache directory would be');
    const r = run('diagnose', '-q');
    expect([r.stdout, r.stderr, r.status]).toEqual(['cjs diagnose -q', '', 3]);
    rmSync(xdg, { force: true });
  });

  it("another build's caches are never used; the user's caches of other builds go after a week", () => {
    stage('0123456789abcdef');
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), join(pkg, 'dist', 'cli.cjs')]);
    stage('fedcba9876543210'); // rebuilt: same length, other id
    mkdirSync(userCaches, { recursive: true });
    const old = new Date(Date.now() - 8 * 86400e3);
    const stale = join(userCaches, `0123456789abcdef-v18.0.0-${process.arch}.cache`);
    const recent = join(userCaches, `1111111111111111-${process.version}-${process.arch}.cache`);
    const deadTmp = join(userCaches, `fedcba9876543210-${process.version}-${process.arch}.cache.99999.tmp`);
    for (const f of [stale, recent, deadTmp]) writeFileSync(f, 'x');
    utimesSync(stale, old, old);
    utimesSync(deadTmp, old, old);
    expect(run('a').stdout).toBe('cjs a');
    expect(keyOf(userCache('fedcba9876543210'))).toBe(`fedcba9876543210 ${process.version} ${process.arch}`);
    expect(readdirSync(userCaches).sort()).toEqual([basename(recent), basename(userCache('fedcba9876543210'))].sort());
    rmSync(join(pkg, 'dist', 'cli.cjs.cache'));
    expect(run('b').stdout).toBe('cjs b');
  });

  // Each lean bundle: [its file, the runner it exports, a command line it takes, one it leaves to the CLI].
  const LEANS = [
    ['pcap.cjs', 'runPcapEvidence', ['pcap', 'a.pcap', '--evidence'], ['pcap', 'a.pcap']],
    ['explain.cjs', 'runExplainFast', ['explain', 'no such host'], ['explain', '--stdin']],
  ] as const;
  for (const [name, runner, takes, leaves] of LEANS) {
    it(`runs ${takes.join(' ')} from dist/${name}, with the code cache made from it or, when that is not usable, without one`, () => {
      stage('0123456789abcdef');
      const lean = join(pkg, 'dist', name);
      writeFileSync(
        lean,
        `(function (exports, require, module, __filename, __dirname) {exports.${runner} = (argv) => { if (argv.slice(2).join(' ') === ${JSON.stringify(leaves.join(' '))}) return undefined; process.stdout.write('lean ' + argv.slice(2).join(' ')); return 0; };})\n//# fd-build 0123456789abcdef\n`,
      );
      execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), lean]);
      const made = readFileSync(`${lean}.cache`);
      expect(keyOf(`${lean}.cache`)).toBe(`0123456789abcdef ${process.version} ${process.arch}`);
      for (const cache of [made, Buffer.from(`0123456789abcdef ${process.version} ${process.arch}\nnot a code cache`), Buffer.from(`fedcba9876543210 ${process.version} ${process.arch}\n`), undefined]) {
        if (cache) writeFileSync(`${lean}.cache`, cache);
        else rmSync(`${lean}.cache`);
        const r = run(...takes);
        expect([r.stdout, r.stderr, r.status]).toEqual([`lean ${takes.join(' ')}`, '', 0]);
      }
      // A command line it does not take goes on to the CLI.
      expect(run(...leaves).stdout).toBe(`cjs ${leaves.join(' ')}`);
      rmSync(lean);
    });
  }

  it("takes a command's own cache when the first word names one, the shared cache otherwise", () => {
    stage('0123456789abcdef');
    const cjs = join(pkg, 'dist', 'cli.cjs');
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), cjs, 'explain']);
    rmSync(`${cjs}.cache`, { force: true });
    rmSync(xdg, { recursive: true, force: true });
    // Only explain's cache: explain runs with it; anything else has no cache this Node.js made, so the
    // user's own shared one is written.
    expect(run('explain', 'x').stdout).toBe('cjs explain x');
    expect(existsSync(userCaches)).toBe(false);
    expect(run('diagnose').stdout).toBe('cjs diagnose');
    expect(run('--context', 'explain').stdout).toBe('cjs --context explain');
    expect(readdirSync(userCaches)).toEqual([basename(userCache('0123456789abcdef'))]);
    // A cache whose key is right but whose code is not V8's: V8 refuses it and compiles; the same answer.
    const key = readFileSync(`${cjs}.explain.cache`).toString('latin1').split('\n')[0];
    writeFileSync(`${cjs}.explain.cache`, `${key}\nnot a code cache`);
    expect(run('explain', 'y').stdout).toBe('cjs explain y');
    // explain's cache from another build: never used; the user's own explain cache instead.
    writeFileSync(`${cjs}.explain.cache`, `fedcba9876543210 ${process.version} ${process.arch}\n`);
    expect(run('explain', 'z').stdout).toBe('cjs explain z');
    expect(keyOf(userCache('0123456789abcdef', 'explain'))).toBe(`0123456789abcdef ${process.version} ${process.arch}`);
  });

  it('builds itself wherever npm installs from source: prepare (npm install -g ., git) and prepack (npm pack)', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.prepare).toBe('node scripts/build.mjs');
    expect(scripts.prepack).toBe('node scripts/build.mjs');
  });

  it('answers --version from package.json without loading the CLI', () => {
    expect(run('--version').stdout).toBe('9.9.9\n');
  });
});

// bin/flannel-doctor is what npm installs: a POSIX shell script that runs the .cjs launcher beside it.
describe('the installed command (bin/flannel-doctor)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-sh-launcher-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pkgDir = join(dir, 'package');
  mkdirSync(join(pkgDir, 'bin'), { recursive: true });
  mkdirSync(join(pkgDir, 'dist'), { recursive: true });
  copyFileSync(join(root, 'bin', 'flannel-doctor'), join(pkgDir, 'bin', 'flannel-doctor'));
  copyFileSync(join(root, 'bin', 'flannel-doctor.cjs'), join(pkgDir, 'bin', 'flannel-doctor.cjs'));
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ type: 'module', version: '9.9.9' }));
  // A stand-in CLI that shows what it was started with.
  writeFileSync(
    join(pkgDir, 'dist', 'cli.cjs'),
    "(function (exports, require, module, __filename, __dirname) {exports.main = async (argv) => { process.stdout.write([argv.slice(2).join(' '), process.env.NODE_EXTRA_CA_CERTS ?? '-', process.env.FLANNEL_DOCTOR_CALLED_AS ?? '-'].join('|')); return 0; };})\n//# fd-build 0123456789abcdef\n",
  );
  // A real certificate, so that Node.js reads it without a warning.
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, `${rootCertificates[0]}\n`);
  // npm's links: prefix/bin/<name> → ../lib/node_modules/<pkg>/bin/flannel-doctor (relative).
  mkdirSync(join(dir, 'prefix', 'bin'), { recursive: true });
  symlinkSync(join('..', '..', 'package', 'bin', 'flannel-doctor'), join(dir, 'prefix', 'bin', 'flannel-doctor'));
  symlinkSync(join('..', '..', 'package', 'bin', 'flannel-doctor'), join(dir, 'prefix', 'bin', 'kubectl-flannel_doctor'));
  const { FLANNEL_DOCTOR_CALLED_AS: _called, ...inherited } = process.env;
  const env = { ...inherited, NODE_EXTRA_CA_CERTS: ca, XDG_CACHE_HOME: join(dir, 'xdg') };
  const sh = (file: string, ...args: string[]) => spawnSync(file, args, { encoding: 'utf8', env });

  it('starts commands that open no TLS connection without NODE_EXTRA_CA_CERTS, and keeps it for the others', () => {
    const bin = join(pkgDir, 'bin', 'flannel-doctor');
    for (const word of ['explain', 'causes', 'rules', 'pcap', 'version', '--help']) expect(sh(bin, word, 'x').stdout).toBe(`${word} x|-|-`);
    for (const word of ['diagnose', 'probe', 'lab', 'serve', 'bundle', 'fix']) expect(sh(bin, word, 'x').stdout).toBe(`${word} x|${ca}|-`);
    expect(sh(bin, '--version').stdout).toBe('9.9.9\n');
  });

  it('runs pcap with one malloc arena, keeping any glibc tunables already set', () => {
    const bin = join(pkgDir, 'bin', 'flannel-doctor');
    writeFileSync(join(pkgDir, 'dist', 'pcap.cjs'), "(function (exports, require, module, __filename, __dirname) {exports.runPcapEvidence = () => { process.stdout.write(process.env.GLIBC_TUNABLES ?? '-'); return 0; };})\n//# fd-build 0123456789abcdef\n");
    try {
      const { GLIBC_TUNABLES: _t, ...rest }: NodeJS.ProcessEnv = env;
      expect(spawnSync(bin, ['pcap', 'a', '--evidence'], { encoding: 'utf8', env: rest }).stdout).toBe('glibc.malloc.arena_max=1');
      expect(spawnSync(bin, ['pcap', 'a', '--evidence'], { encoding: 'utf8', env: { ...rest, GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' } }).stdout).toBe('glibc.malloc.tcache_count=0:glibc.malloc.arena_max=1');
      expect(spawnSync(bin, ['explain', 'x'], { encoding: 'utf8', env: rest }).stdout).toBe('explain x|-|-');
    } finally {
      rmSync(join(pkgDir, 'dist', 'pcap.cjs'));
    }
  });

  it('finds its package through relative symlinks, and says when it runs as the kubectl plugin', () => {
    const r = sh(join(dir, 'prefix', 'bin', 'flannel-doctor'), 'diagnose', '-q');
    expect([r.stdout, r.stderr, r.status]).toEqual([`diagnose -q|${ca}|-`, '', 0]);
    expect(sh(join(dir, 'prefix', 'bin', 'kubectl-flannel_doctor'), 'explain', 'm').stdout).toBe('explain m|-|kubectl flannel-doctor');
  });

  it('is what package.json installs under both names', () => {
    const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin;
    expect(bin).toEqual({ 'flannel-doctor': 'bin/flannel-doctor', 'kubectl-flannel_doctor': 'bin/flannel-doctor' });
    expect(statSync(join(root, 'bin', 'flannel-doctor')).mode & 0o111).toBe(0o111);
  });
});
