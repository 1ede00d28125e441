import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { execed, isRunning, stopProcess } from './lab-process.js';

describe('execed', () => {
  it('waits until a spawned process runs its program: before that /proc shows another command line', async () => {
    // the shell's command line does not start with tail, nor contain "tail -f" (the name arrives as $0)
    const child = spawn('sh', ['-c', 'sleep 0.3; exec "$0" -f /dev/null', 'tail'], { stdio: 'ignore' });
    const pid = child.pid!;
    try {
      expect(isRunning(pid, 'tail -f')).toBe(false);
      const t0 = Date.now();
      await execed(pid, 'tail');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
      expect(isRunning(pid, 'tail -f')).toBe(true);
    } finally {
      await stopProcess(pid, 'tail', 1000);
    }
  });

  it('returns at once for a process that has exited', async () => {
    const child = spawn('true', [], { stdio: 'ignore' });
    await new Promise((r) => child.on('exit', r));
    const t0 = Date.now();
    await execed(child.pid!, 'never-this', 3000);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
