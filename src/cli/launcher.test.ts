import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/flannel-doctor.cjs runs dist/cli.cjs with its code cache only when the cache was made from that
// very file by this Node.js; otherwise the ES modules (dist/cli.js). A stand-in dist says which ran.
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

const run = (...args: string[]) => spawnSync(process.execPath, [join(pkg, 'bin', 'flannel-doctor.cjs'), ...args], { encoding: 'utf8' });

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

  it('takes the ES modules when the cache names another Node.js', () => {
    const file = join(pkg, 'dist', 'cli.cjs.cache');
    const cache = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from(`0123456789abcdef v19.0.0 ${process.arch}\n`), cache.subarray(cache.indexOf(10) + 1)]));
    const r = run('explain', 'x');
    expect(r.stdout).toBe('esm explain x');
    expect(r.status).toBe(4);
  });

  it('takes the ES modules when the cache belongs to another build, or is missing', () => {
    stage('0123456789abcdef');
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), join(pkg, 'dist', 'cli.cjs')]);
    stage('fedcba9876543210'); // rebuilt: same length, other id
    expect(run('a').stdout).toBe('esm a');
    rmSync(join(pkg, 'dist', 'cli.cjs.cache'));
    expect(run('b').stdout).toBe('esm b');
  });

  it("takes a command's own cache when the first word names one, the shared cache otherwise", () => {
    stage('0123456789abcdef');
    const cjs = join(pkg, 'dist', 'cli.cjs');
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), cjs, 'explain']);
    rmSync(`${cjs}.cache`, { force: true });
    // Only explain's cache: explain runs the bundle, anything else the ES modules.
    expect(run('explain', 'x').stdout).toBe('cjs explain x');
    expect(run('diagnose').stdout).toBe('esm diagnose');
    expect(run('--context', 'explain').stdout).toBe('esm --context explain');
    // A cache whose key is right but whose code is not V8's: V8 refuses it and compiles; the same answer.
    const key = readFileSync(`${cjs}.explain.cache`).toString('latin1').split('\n')[0];
    writeFileSync(`${cjs}.explain.cache`, `${key}\nnot a code cache`);
    expect(run('explain', 'y').stdout).toBe('cjs explain y');
    // explain's cache from another build: never used.
    writeFileSync(`${cjs}.explain.cache`, `fedcba9876543210 ${process.version} ${process.arch}\n`);
    expect(run('explain', 'z').stdout).toBe('esm explain z');
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
