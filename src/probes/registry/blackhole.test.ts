/**
 * A black hole: inside a network namespace of our own, iptables drops every SYN to one port, so a
 * TCP connect neither succeeds nor fails. The probe runs inside that namespace (a child process) and
 * must end within its timeout + 10% with registry.connect-timeout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanup, tempDir } from './testkit.js';

const NS = `fdpbh${process.pid}`;
const PORT = 5999;
const TIMEOUT = 1500;
let dir: string;

beforeAll(() => {
  dir = tempDir('fd-probe-bh-');
  execFileSync('ip', ['netns', 'add', NS]);
  execFileSync('ip', ['-n', NS, 'link', 'set', 'lo', 'up']);
  execFileSync('ip', ['netns', 'exec', NS, 'iptables', '-A', 'OUTPUT', '-p', 'tcp', '--dport', String(PORT), '--syn', '-j', 'DROP']);
  mkdirSync(join(dir, 'root/etc'), { recursive: true });
  writeFileSync(join(dir, 'root/etc/hosts'), '127.0.0.1 localhost blackhole.test\n');
  writeFileSync(join(dir, 'root/etc/resolv.conf'), 'nameserver 127.0.0.1\n');
});

afterAll(() => {
  // the namespace takes its iptables rules with it
  spawnSync('ip', ['netns', 'del', NS]);
  if (dir) cleanup(dir);
});

it('a dropped SYN ends as registry.connect-timeout within the timeout + 10%', () => {
  const script = join(dir, 'run.mts');
  const lib = resolve(import.meta.dirname, 'probe-registry.ts');
  // the result as the rules judge it (the probe records the timed-out dial; the verdict names the cause)
  const verdict = resolve(import.meta.dirname, '../../rules/_registry-verdict.ts');
  writeFileSync(
    script,
    `import { probeRegistry } from ${JSON.stringify(lib)};\nimport { judgeRegistry } from ${JSON.stringify(verdict)};\nconst t0 = performance.now();\nconst [measured] = await probeRegistry(['blackhole.test:${PORT}/app/ok:1'], { hostRoot: ${JSON.stringify(join(dir, 'root'))}, timeoutMs: ${TIMEOUT} });\nconst elapsed = performance.now() - t0;\nconsole.log(JSON.stringify({ r: judgeRegistry(measured), elapsed }));\n`,
  );
  const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
  const out = execFileSync('ip', ['netns', 'exec', NS, tsx, script], { encoding: 'utf8', timeout: 20_000 });
  const { r, elapsed } = JSON.parse(out.trim().split('\n').pop()!);
  expect([r.cause, r.failedPhase]).toEqual(['registry.connect-timeout', 'tcp']);
  expect(r.phases.find((p: { name: string }) => p.name === 'tcp').error).toContain(`dial tcp 127.0.0.1:${PORT}: i/o timeout`);
  expect(elapsed).toBeLessThanOrEqual(TIMEOUT * 1.1);
  expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT * 0.9);
});
