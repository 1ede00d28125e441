import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runPreflight } from './preflight-run.js';

/** A node file tree before flannel: kernel settings, modules on disk, the standard CNI plugins. */
function hostRoot(opts: { plugins: string[]; confs?: Record<string, unknown> }): string {
  const root = mkdtempSync(join(tmpdir(), 'fd-preflight-'));
  const w = (p: string, t: string) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), t);
  };
  w('etc/hostname', 'pf-n1\n');
  w('proc/sys/kernel/osrelease', '6.1.0-test\n');
  w('proc/sys/net/ipv4/ip_forward', '1\n');
  w('proc/sys/net/bridge/bridge-nf-call-iptables', '1\n');
  w('lib/modules/6.1.0-test/modules.dep', 'kernel/drivers/net/vxlan/vxlan.ko.xz: kernel/net/ipv4/udp_tunnel.ko.xz\nkernel/net/bridge/br_netfilter.ko.xz: kernel/net/bridge/bridge.ko.xz\n');
  mkdirSync(join(root, 'etc/cni/net.d'), { recursive: true });
  for (const [f, c] of Object.entries(opts.confs ?? {})) w(`etc/cni/net.d/${f}`, JSON.stringify(c));
  for (const p of opts.plugins) {
    w(`opt/cni/bin/${p}`, '#!/bin/sh\n');
    chmodSync(join(root, `opt/cni/bin/${p}`), 0o755);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

async function run(root: string): Promise<{ code: number; out: { ready: boolean; report: { findings: { cause: string; nodes: string[] }[] } } }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  try {
    const code = await runPreflight({ hostRoot: root, node: true, output: 'json' });
    return { code, out: JSON.parse(out) };
  } finally {
    spy.mockRestore();
  }
}

describe('flannel-doctor preflight', () => {
  it('a prepared node is ready: exit 0, nothing said', async () => {
    const { code, out } = await run(hostRoot({ plugins: ['bridge', 'host-local', 'loopback', 'portmap'] }));
    expect(out.report.findings).toEqual([]);
    expect(out.ready).toBe(true);
    expect(code).toBe(0);
  });

  it('missing plugins and a leftover bridge config: not ready, exit 1, each failure with its cause', async () => {
    const { code, out } = await run(hostRoot({ plugins: ['loopback'], confs: { '10-containerd-net.conflist': { cniVersion: '1.0.0', name: 'containerd-net', plugins: [{ type: 'bridge' }, { type: 'portmap' }] } } }));
    expect(code).toBe(1);
    expect(out.ready).toBe(false);
    expect(out.report.findings.map((f) => [f.cause, f.nodes]).sort()).toEqual([
      ['cni.config-invalid', ['pf-n1']],
      ['cni.plugin-missing', ['pf-n1']],
    ]);
  });
});
