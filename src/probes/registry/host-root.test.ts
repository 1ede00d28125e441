import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRegistryHosts } from './hosts-config.js';
import { readNodeHosts, readNodeResolvConf } from './node-resolver.js';
import { readRuntimeProxy } from './runtime-proxy.js';

/**
 * The probes read the node's files as the node sees them: absolute links and `ca = "/…"` paths are
 * paths on the node, so they resolve inside the host root. Each case puts a decoy at the same path on
 * the machine running the probe (what the old code read) and the node's own file inside the root.
 */
const base = mkdtempSync(join(tmpdir(), 'fd-probe-root-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const root = join(base, 'host');
/** An absolute path that exists on this machine (the decoy) and, inside the root, holds the node's file. */
const elsewhere = join(base, 'run/systemd/resolve');
const put = (p: string, text: string) => {
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
};

describe('probes: files inside the host root', () => {
  it('resolv.conf linked the systemd-resolved way is the node\'s, not this machine\'s', async () => {
    put(join(elsewhere, 'stub-resolv.conf'), 'nameserver 9.9.9.9\n');
    put(join(root, elsewhere, 'stub-resolv.conf'), 'nameserver 10.0.0.10\nsearch cluster.local\n');
    mkdirSync(join(root, 'etc'), { recursive: true });
    symlinkSync(join(elsewhere, 'stub-resolv.conf'), join(root, 'etc/resolv.conf'));
    const conf = await readNodeResolvConf(root);
    expect(conf.nameservers).toEqual(['10.0.0.10']);
    expect(conf.search).toEqual(['cluster.local']);
  });

  it('/etc/hosts linked outside the root is read inside it', async () => {
    put(join(base, 'decoy-hosts'), '6.6.6.6 reg.example\n');
    symlinkSync(join(base, 'decoy-hosts'), join(root, 'etc/hosts'));
    expect((await readNodeHosts(root)).get('reg.example')).toBeUndefined();
  });

  it('ca = "/…" in hosts.toml is a path on the node; a CA only on this machine is not trusted', async () => {
    const ca = join(base, 'pki/ca.crt');
    put(ca, 'DECOY CA\n');
    put(join(root, 'etc/containerd/certs.d/reg.example/hosts.toml'), `server = "https://reg.example"\nca = "${ca}"\n`);
    let r = await resolveRegistryHosts(root, 'reg.example');
    expect(r.hosts[0].ca).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(/^ca file .*pki\/ca\.crt cannot be read$/)]);
    put(join(root, ca), 'NODE CA\n');
    r = await resolveRegistryHosts(root, 'reg.example');
    expect(r.hosts[0].ca).toEqual(['NODE CA\n']);
    expect(r.hosts[0].caFiles).toEqual([join(root, ca)]);
  });

  it('a hosts.toml or CA linked out of the root is followed inside it', async () => {
    put(join(base, 'decoy/hosts.toml'), 'server = "https://evil.example"\n');
    mkdirSync(join(root, 'etc/containerd/certs.d/other.example'), { recursive: true });
    symlinkSync(join(base, 'decoy/hosts.toml'), join(root, 'etc/containerd/certs.d/other.example/hosts.toml'));
    const r = await resolveRegistryHosts(root, 'other.example');
    expect(r.hosts.map((h) => h.url)).toEqual(['https://other.example']);
  });

  it('a containerd unit linked out of the root gives no proxy of this machine', async () => {
    put(join(base, 'decoy/containerd.service'), '[Service]\nEnvironment="HTTPS_PROXY=http://decoy:3128"\n');
    mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
    symlinkSync(join(base, 'decoy/containerd.service'), join(root, 'etc/systemd/system/containerd.service'));
    expect(await readRuntimeProxy(root)).toBeUndefined();
  });
});
