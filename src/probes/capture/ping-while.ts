/**
 * Test helper (not library): pings from a namespace until the given work ends, so a capture that
 * starts late on a loaded machine (a CLI process taking seconds to start) still sees traffic.
 */
import { spawn } from 'node:child_process';

export async function pingWhile<T>(netns: string, ip: string, work: Promise<T>): Promise<T> {
  const ping = spawn('ip', ['netns', 'exec', netns, 'ping', '-q', '-i', '0.1', '-W', '1', ip], { stdio: 'ignore' });
  try {
    return await work;
  } finally {
    ping.kill('SIGTERM');
  }
}
