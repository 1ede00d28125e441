/**
 * The default mesh runner: `nsenter --net=<ns> argv…` (or argv directly); never throws on exit codes.
 * nsenter only switches the network namespace; `ip netns exec` also remounts /sys in a new mount
 * namespace, which serialises in the kernel and made a 20-node mesh several times slower.
 * A netns given as a path (/proc/<pid>/ns/net, /var/run/netns/cni-…) is used as is.
 */
import { spawn } from 'node:child_process';
import type { MeshExecResult, MeshRunner } from './types.js';

export const netnsRunner: MeshRunner = {
  exec(netns, argv, opts) {
    const full = netns ? ['nsenter', `--net=${netns.startsWith('/') ? netns : `/var/run/netns/${netns}`}`, '--', ...argv] : argv;
    return new Promise<MeshExecResult>((resolve) => {
      // No input: stdin is /dev/null, one pipe fewer per process (40 start at once in a 20-node mesh).
      const input = opts?.input;
      const child = spawn(full[0]!, full.slice(1), { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => resolve({ stdout: '', stderr: e.message, code: 127 }));
      child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 128 }));
      if (child.stdin) {
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
      }
    });
  },
};
