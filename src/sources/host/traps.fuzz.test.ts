import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../agent/fingerprint.js';
import { HostFiles } from './files.js';
import { gatherNode } from './index.js';

/**
 * Property: whatever traps sit at the paths the node gathering and the agent's watcher read — link
 * chains (relative, absolute, with .., loops, longer than the hop limit), FIFOs, sockets, character
 * devices, huge sparse files — gathering finishes promptly and nothing outside the root appears in
 * the evidence or the watcher's snapshot.
 */
const PATHS = ['/etc/hostname', '/etc/resolv.conf', '/etc/cni/net.d/10-flannel.conflist', '/run/flannel/subnet.env', '/etc/containerd/config.toml', '/etc/docker/daemon.json', '/etc/kube-flannel/net-conf.json', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/kernel/osrelease', '/etc/containerd/certs.d/docker.io/hosts.toml', '/var/log/flanneld.log'];
const SECRET = 'CANARY-outside-the-root-4b7e';
const isRoot = process.getuid?.() === 0;

const base = mkdtempSync(join(tmpdir(), 'fd-traps-'));
const outside = join(base, 'outside', 'shadow');
mkdirSync(dirname(outside), { recursive: true });
writeFileSync(outside, SECRET + '\n');
const servers: Server[] = [];
afterAll(() => {
  servers.forEach((s) => s.close());
  rmSync(base, { recursive: true, force: true });
});

type Trap = 'text' | 'abs-link' | 'rel-link' | 'dotdot-link' | 'chain' | 'long-chain' | 'loop' | 'fifo' | 'socket' | 'device' | 'sparse' | 'dir';
const TRAPS: Trap[] = ['text', 'abs-link', 'rel-link', 'dotdot-link', 'chain', 'long-chain', 'loop', 'fifo', 'socket', 'device', 'sparse', 'dir'];

let n = 0;
async function plant(root: string, p: string, trap: Trap): Promise<void> {
  const at = join(root, p);
  mkdirSync(dirname(at), { recursive: true });
  const chain = (len: number) => {
    const d = join(root, `chain${n++}`);
    mkdirSync(d);
    for (let i = 0; i < len; i++) symlinkSync(i + 1 < len ? `${i + 1}` : outside, join(d, `${i}`));
    symlinkSync(join('/', relative(root, d), '0'), at);
  };
  switch (trap) {
    case 'text':
      return writeFileSync(at, 'nameserver 10.0.0.10\n');
    case 'abs-link':
      return symlinkSync(outside, at);
    case 'rel-link':
      return symlinkSync(relative(dirname(at), outside), at);
    case 'dotdot-link':
      return symlinkSync('../'.repeat(20) + outside.slice(1), at);
    case 'chain':
      return chain(20);
    case 'long-chain':
      return chain(60);
    case 'loop':
      symlinkSync(`${at}.b`, at);
      return symlinkSync(at, `${at}.b`);
    case 'fifo':
      return void execFileSync('mkfifo', [at]);
    case 'socket': {
      const s = createServer();
      servers.push(s);
      await new Promise<void>((r) => s.listen(at, r));
      return;
    }
    case 'device':
      if (isRoot) return void execFileSync('mknod', [at, 'c', '1', '5']); // /dev/zero
      return symlinkSync('/dev/zero', at);
    case 'sparse':
      writeFileSync(at, '');
      return truncateSync(at, 20 * 1024 ** 3);
    case 'dir':
      mkdirSync(at, { recursive: true });
      return;
  }
}

describe('fuzz: traps in the host root', () => {
  it('nothing outside the root leaks, nothing hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...PATHS), fc.constantFrom(...TRAPS), { minKeys: 1, maxKeys: PATHS.length }), async (plan) => {
        const root = mkdtempSync(join(base, 'root-'));
        for (const [p, trap] of Object.entries(plan)) await plant(root, p, trap);
        const t = Date.now();
        const node = await gatherNode({ hostRoot: root, run: async () => ({ stdout: '', code: 127 }) });
        const snap = await snapshot(new HostFiles(root));
        expect(Date.now() - t).toBeLessThan(10_000);
        const all = JSON.stringify([node, snap]);
        expect(all).not.toContain(SECRET);
        expect(node.problems.filter((p) => p.message.startsWith('could not gather'))).toEqual([]);
        for (const p of node.problems) expect(p.message).not.toContain('\n');
      }),
      { numRuns: Number(process.env.FUZZ_TRAP_RUNS ?? 40) },
    );
  }, 120_000);
});
