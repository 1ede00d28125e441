import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// The README's example outputs are what the built CLI prints now (the test command builds first).
it('the README examples are what their commands print now', () => {
  const r = spawnSync('node', ['scripts/gen-readme-examples.mjs', '--check'], { encoding: 'utf8' });
  expect(r.stderr.trim()).toBe('README examples current');
  expect(r.status).toBe(0);
}, 60_000);
