import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { testTempDir } from '../src/test-temp-dir.js';

it('ends what a lab started but never recorded, and only that very process', async () => {
  const base = testTempDir('fd-ledger-');
  vi.stubEnv('FLANNEL_DOCTOR_LAB_DIR', base);
  vi.resetModules();
  const { startDetached } = await import('./processes.js');
  const { stillRunning, stopStarted, labDirOf, startTimeOf } = await import('./spawn-ledger.js');
  const dir = join(base, 'fdt');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  expect(labDirOf(join(dir, 'logs', 'x.log'))).toBe(dir);
  expect(labDirOf('/var/log/x.log')).toBeUndefined();

  const pid = startDetached(undefined, ['sleep', '60'], join(dir, 'logs', 'sleep.log'));
  try {
    // a line for a PID that is running but was started at another time (a recycled PID) is not ours
    appendFileSync(join(dir, 'spawned.pids'), `${process.pid} 1\n`);
    expect(stillRunning(dir)).toEqual([pid]);
    await stopStarted(pid);
    expect(startTimeOf(pid)).toBeUndefined();
    expect(stillRunning(dir)).toEqual([]);
    expect(startTimeOf(process.pid)).toBeDefined(); // the test itself was left alone
  } finally {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* ended */
    }
    vi.unstubAllEnvs();
  }
});
