import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HostFiles, MAX_SYMLINK_HOPS } from './files.js';
import { gatherNode } from './index.js';

/**
 * Traps an attacker with write access to part of a node's tree can plant for the host source: every
 * read must stay inside the root, refuse what is not a regular file without waiting on it, and cap
 * sizes. A secret outside the root stands for /etc/shadow or the agent's service-account token.
 */
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SECRET = 'root:$6$NOT-FOR-YOUR-EYES';
function setup(): { root: string; secret: string } {
  const base = mkdtempSync(join(tmpdir(), 'fd-hostfiles-'));
  tmp.push(base);
  const root = join(base, 'root');
  mkdirSync(join(root, 'etc'), { recursive: true });
  const secret = join(base, 'outside', 'shadow');
  mkdirSync(dirname(secret), { recursive: true });
  writeFileSync(secret, SECRET + '\n');
  return { root, secret };
}
const put = (root: string, p: string, text: string) => {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), text);
};
const link = (root: string, p: string, target: string) => {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  symlinkSync(target, join(root, p));
};
const mkfifo = (path: string) => {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mkfifo', [path]);
};

describe('HostFiles: confined to the root', () => {
  it('a chain of more links than the old 16-hop limit, ending in an absolute link, stays inside the root', async () => {
    const { root, secret } = setup();
    const n = 20;
    for (let i = 0; i < n; i++) link(root, `/l/${i}`, i + 1 < n ? `${i + 1}` : secret);
    link(root, '/etc/hostname', '/l/0');
    const f = new HostFiles(root);
    const r = await f.read('/etc/hostname');
    expect(r.text ?? '').not.toContain('NOT-FOR-YOUR-EYES');
    // The node name (first line of /etc/hostname) was how it leaked.
    const node = await gatherNode({ hostRoot: root, run: async () => ({ stdout: '', code: 127 }), skipLogs: true });
    expect(node.name).not.toContain('NOT-FOR-YOUR-EYES');
    // Inside the root, the same path is what it reads.
    put(root, secret, 'inside-the-root\n');
    expect((await f.read('/etc/hostname')).text).toBe('inside-the-root\n');
  });

  it('past the hop limit the read is refused with one line, never handed to the OS', async () => {
    const { root, secret } = setup();
    const n = MAX_SYMLINK_HOPS + 5;
    for (let i = 0; i < n; i++) link(root, `/l/${i}`, i + 1 < n ? `/l/${i + 1}` : secret);
    const f = new HostFiles(root);
    const r = await f.read('/l/0');
    expect(r.text).toBeUndefined();
    expect(r.error).toMatch(/symbolic links/);
    expect(r.error).not.toContain('\n');
    expect(await f.exists('/l/0')).toBe(false);
    // a loop
    link(root, '/loop/a', 'b');
    link(root, '/loop/b', 'a');
    expect((await f.read('/loop/a')).error).toMatch(/symbolic links/);
  });

  it('absolute links, relative links with .. and .. in the path itself stop at the root', async () => {
    const { root, secret } = setup();
    link(root, '/etc/resolv.conf', secret);
    link(root, '/etc/cni/net.d/10-flannel.conflist', '../../../../../../../../..' + secret);
    link(root, '/etc/dir', '/');
    const f = new HostFiles(root);
    for (const p of ['/etc/resolv.conf', '/etc/cni/net.d/10-flannel.conflist', '/../../../..' + secret, '/etc/dir/../..' + secret]) {
      expect((await f.read(p)).text ?? '', p).not.toContain('NOT-FOR-YOUR-EYES');
    }
    expect((await f.tail('/etc/resolv.conf', 1024)).data?.toString() ?? '').not.toContain('NOT-FOR-YOUR-EYES');
    expect(await f.list('/etc/dir/..')).not.toContain('outside');
  });

  it('a link swapped in at the last component is not followed (O_NOFOLLOW)', async () => {
    const { root, secret } = setup();
    link(root, '/etc/x', secret);
    // resolve() is bypassed on purpose: the open itself must refuse a link.
    const f = new HostFiles(root);
    (f as unknown as { resolve: (p: string) => Promise<string> }).resolve = async (p) => join(root, p);
    const r = await f.read('/etc/x');
    expect(r.text).toBeUndefined();
    expect(r.error).toMatch(/link/);
  });

  it('a directory swapped for a link after resolution is caught on the open handle', async () => {
    const { root, secret } = setup();
    link(root, '/etc/swapped', dirname(secret));
    const f = new HostFiles(root);
    // as if /etc/swapped was a real directory when resolved and became a link just before the open
    (f as unknown as { resolve: (p: string) => Promise<string> }).resolve = async (p) => join(root, p);
    const r = await f.read('/etc/swapped/shadow');
    expect(r.text).toBeUndefined();
    expect(r.error).toMatch(/out of the host root/);
    expect((await f.tail('/etc/swapped/shadow', 100)).data).toBeUndefined();
  });
});

describe('HostFiles: no hang, bounded memory', () => {
  it('FIFOs, sockets and devices are refused without waiting', async () => {
    const { root } = setup();
    mkfifo(join(root, 'etc/resolv.conf'));
    const sock = join(root, 'run/sock');
    mkdirSync(dirname(sock), { recursive: true });
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(sock, r));
    link(root, '/etc/fifo-link', '/etc/resolv.conf');
    const f = new HostFiles(root);
    try {
      for (const p of ['/etc/resolv.conf', '/etc/fifo-link', '/run/sock']) {
        const r = await f.read(p);
        expect(r.text, p).toBeUndefined();
        expect(r.error, p).toMatch(/not a regular file/);
        expect((await f.tail(p, 100)).data).toBeUndefined();
      }
      expect((await new HostFiles('/').read('/dev/zero')).error).toMatch(/character device/);
    } finally {
      srv.close();
    }
  }, 10_000);

  it('a huge sparse file is refused by its size, not read', async () => {
    const { root } = setup();
    put(root, '/etc/containerd/config.toml', '');
    truncateSync(join(root, 'etc/containerd/config.toml'), 10 * 1024 ** 3);
    const f = new HostFiles(root);
    const before = process.memoryUsage().rss;
    const r = await f.read('/etc/containerd/config.toml', 1024 * 1024);
    expect(r.text).toBeUndefined();
    expect(r.error).toMatch(/10240 MB, larger than the 1 MB read/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    // tail reads only its window
    const t = await f.tail('/etc/containerd/config.toml', 4096);
    expect(t.size).toBe(10 * 1024 ** 3);
    expect(t.data!.length).toBeLessThanOrEqual(4096);
  });

  it('a FIFO at a sysctl neither hangs gatherNode nor is waited on; it becomes a located problem', async () => {
    const { root } = setup();
    mkdirSync(join(root, 'proc/sys/net/ipv4'), { recursive: true });
    put(root, '/proc/sys/kernel/osrelease', '6.1.0\n');
    mkfifo(join(root, 'proc/sys/net/ipv4/ip_forward'));
    const node = await gatherNode({ hostRoot: root, name: 'n', run: async () => ({ stdout: '', code: 127 }), skipLogs: true });
    expect(node.sysctls['kernel.osrelease']).toBe('6.1.0');
    expect(node.sysctls['net.ipv4.ip_forward']).toBeUndefined();
    expect(node.problems).toContainEqual({ file: '/proc/sys/net/ipv4/ip_forward', message: expect.stringMatching(/FIFO/) });
  }, 10_000);

  it('a FIFO at net-conf.json or at a log is a located problem, not a silent "absent"', async () => {
    const { root } = setup();
    mkfifo(join(root, 'etc/kube-flannel/net-conf.json'));
    mkfifo(join(root, 'var/log/flanneld.log'));
    const node = await gatherNode({ hostRoot: root, name: 'n', run: async () => ({ stdout: '', code: 127 }) });
    expect(node.problems).toContainEqual({ file: '/etc/kube-flannel/net-conf.json', message: expect.stringMatching(/FIFO/) });
    expect(node.problems).toContainEqual({ file: '/var/log/flanneld.log', message: expect.stringMatching(/FIFO/) });
  }, 10_000);

  it('a sysctl link to a file outside the root is followed inside it', async () => {
    const { root, secret } = setup();
    link(root, '/proc/sys/net/ipv4/ip_forward', secret);
    const node = await gatherNode({ hostRoot: root, name: 'n', run: async () => ({ stdout: '', code: 127 }), skipLogs: true });
    expect(JSON.stringify(node)).not.toContain('NOT-FOR-YOUR-EYES');
  });
});
