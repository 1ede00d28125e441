import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { SIGNATURES } from '../../catalog/signatures.js';
import { redactSecrets } from '../../parsers/redact.js';
import { NODE_KEYS } from '../../evidence/node.js';
import { gatherNode, netnsRunner } from './index.js';
import { SHARED } from '../../../test/shared-dir.js';

/**
 * End to end on a real throwaway namespace: a flannel-style node (flannel.1 VXLAN, cni0 bridge with a
 * port, a remote node's neighbour/FDB/route entries, flannel's iptables rules) and a fake host-root tree.
 */
const isRoot = process.getuid?.() === 0;
const NS = `fdg${process.pid}n1`;
const UNDER = `fdg${process.pid}u`;
const sh = (...argv: string[]) => execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const inNs = (...argv: string[]) => sh('ip', 'netns', 'exec', NS, ...argv);

let root = '';
// A flannel line that redaction leaves as it is (a sample naming credentials would be redacted, rightly), so the
// test does not hang on which signature the catalog lists first.
const signature = SIGNATURES.find(
  (s) => s.cause.startsWith('flannel.') && s.samples.length > 0 && !s.samples[0].includes('\n') && redactSecrets(s.samples[0]) === s.samples[0],
);

function write(rel: string, text: string, mode?: number) {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  if (mode) chmodSync(p, mode);
}

function conflist(): string {
  const docs = readFileSync(`${SHARED}/data/flannel/kube-flannel-v0.28.9.yml`, 'utf8').split(/^---$/m).map((d) => parse(d));
  return docs.find((d) => d?.kind === 'ConfigMap').data['cni-conf.json'];
}

describe.skipIf(!isRoot)('gatherNode on a real namespace', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fdn-host-'));
    sh('ip', 'netns', 'add', NS);
    sh('ip', 'netns', 'add', UNDER);
    sh('ip', '-n', NS, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'up0', 'netns', UNDER);
    sh('ip', '-n', NS, 'addr', 'add', '192.168.77.11/24', 'dev', 'eth0');
    sh('ip', '-n', NS, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', NS, 'link', 'set', 'lo', 'up');
    sh('ip', '-n', NS, 'link', 'add', 'flannel.1', 'type', 'vxlan', 'id', '1', 'local', '192.168.77.11', 'dev', 'eth0', 'dstport', '8472', 'nolearning');
    sh('ip', '-n', NS, 'link', 'set', 'flannel.1', 'mtu', '1450', 'up');
    sh('ip', '-n', NS, 'addr', 'add', '10.244.1.0/32', 'dev', 'flannel.1');
    sh('ip', '-n', NS, 'link', 'add', 'cni0', 'type', 'bridge');
    sh('ip', '-n', NS, 'addr', 'add', '10.244.1.1/24', 'dev', 'cni0');
    sh('ip', '-n', NS, 'link', 'set', 'cni0', 'up');
    sh('ip', '-n', NS, 'link', 'add', 'veth0pod', 'type', 'veth', 'peer', 'name', 'podside');
    sh('ip', '-n', NS, 'link', 'set', 'veth0pod', 'master', 'cni0', 'up');
    sh('ip', '-n', NS, 'neigh', 'add', '10.244.2.0', 'lladdr', '5a:11:22:33:44:55', 'dev', 'flannel.1', 'nud', 'permanent');
    inNs('bridge', 'fdb', 'add', '5a:11:22:33:44:55', 'dev', 'flannel.1', 'dst', '192.168.77.12', 'self', 'permanent');
    sh('ip', '-n', NS, 'route', 'add', '10.244.2.0/24', 'via', '10.244.2.0', 'dev', 'flannel.1', 'onlink');
    inNs('sysctl', '-qw', 'net.ipv4.ip_forward=1');
    inNs('iptables', '-P', 'FORWARD', 'DROP');
    inNs('iptables', '-N', 'FLANNEL-FWD');
    inNs('iptables', '-A', 'FORWARD', '-m', 'comment', '--comment', 'flanneld forward', '-j', 'FLANNEL-FWD');
    inNs('iptables', '-A', 'FLANNEL-FWD', '-s', '10.244.0.0/16', '-m', 'comment', '--comment', 'flanneld forward', '-j', 'ACCEPT');

    write('etc/hostname', 'lab-n1\n');
    write('etc/cni/net.d/10-flannel.conflist', conflist());
    for (const b of ['flannel', 'bridge', 'host-local', 'portmap']) write(`opt/cni/bin/${b}`, '#!/bin/sh\n', 0o755);
    write('run/flannel/subnet.env', 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
    write('etc/kube-flannel/net-conf.json', '{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}');
    write('var/lib/cni/networks/cbr0/10.244.1.2', 'aaaabbbbccccdddd\r\neth0');
    write('var/lib/cni/networks/cbr0/last_reserved_ip.0', '10.244.1.2');
    write('run/containerd/io.containerd.runtime.v2.task/k8s.io/eeeeffff/config.json', '{}');
    write('etc/containerd/config.toml', 'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/etc/containerd/certs.d"\n');
    write('etc/containerd/certs.d/docker.io/hosts.toml', 'server = "https://registry-1.docker.io"\n[host."http://127.0.0.1:5000"]\n  capabilities = ["pull"]\n');
    write('run/systemd/resolve/stub-resolv.conf', 'nameserver 127.0.0.53\noptions edns0\n');
    mkdirSync(join(root, 'etc'), { recursive: true });
    // An absolute symlink, as systemd-resolved makes it: must be followed inside the host root.
    execFileSync('ln', ['-s', '/run/systemd/resolve/stub-resolv.conf', join(root, 'etc/resolv.conf')]);
    if (signature) {
      const line = signature.samples[0];
      write('var/log/flanneld.log', `I1127 10:00:00.000000 1 main.go:1] starting\n${line}\n${line}\nI1127 10:00:01.000000 1 main.go:2] ok\n`);
      write('var/log/pods/kube-flannel_kube-flannel-ds-abc_uid/kube-flannel/0.log', `2026-11-27T10:00:00.000000000Z stderr F ${line}\n`);
    }
  });

  afterAll(() => {
    for (const ns of [NS, UNDER]) {
      try {
        sh('ip', 'netns', 'del', ns);
      } catch {
        /* already gone */
      }
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('gathers every key with the namespace state and the host-root files', async () => {
    const n = await gatherNode({ hostRoot: root, run: netnsRunner(NS), kernelViaRunner: true });
    expect(n.name).toBe('lab-n1');
    // Every node key but preflight's own: a key no source gathers would leave its rules never run.
    expect(n.gathered).toEqual(NODE_KEYS.filter((k) => k !== 'modulesAvailable'));
    expect(n.cniConfigs.map((c) => [c.file, c.valid])).toEqual([['/etc/cni/net.d/10-flannel.conflist', true]]);
    expect(n.cniBinaries).toEqual(['bridge', 'flannel', 'host-local', 'portmap']);
    expect(n.subnetEnv).toMatchObject({ subnet: '10.244.1.1/24', mtu: 1450, ipmasq: true });
    expect(n.ipam).toEqual([{ network: 'cbr0', allocated: 1, rangeSize: 253, leaked: 1 }]);
    expect(n.netConf).toEqual({ file: '/etc/kube-flannel/net-conf.json', raw: { Network: '10.244.0.0/16', Backend: { Type: 'vxlan' } }, problems: [] });
    expect(n.containerd?.configPath).toBe('/etc/containerd/certs.d');
    expect(n.registryHosts[0]).toMatchObject({ namespace: 'docker.io', inConfigPath: true, hosts: [{ url: 'http://127.0.0.1:5000', capabilities: ['pull'] }] });
    expect(n.resolvConf?.nameservers).toEqual(['127.0.0.53']);

    const vx = n.links.find((l) => l.name === 'flannel.1');
    expect(vx).toMatchObject({ kind: 'vxlan', mtu: 1450, up: true, vxlan: { id: 1, port: 8472, local: '192.168.77.11', dev: 'eth0' } });
    expect(vx?.addresses.filter((a) => a.family === 'inet')).toEqual([{ family: 'inet', local: '10.244.1.0', prefixlen: 32 }]);
    expect(n.links.find((l) => l.name === 'cni0')?.addresses).toContainEqual({ family: 'inet', local: '10.244.1.1', prefixlen: 24 });
    expect(n.links.find((l) => l.name === 'veth0pod')?.master).toBe('cni0');
    expect(n.routes).toContainEqual(expect.objectContaining({ dst: '10.244.2.0/24', gateway: '10.244.2.0', dev: 'flannel.1', onlink: true }));
    expect(n.neighbours).toContainEqual({ dst: '10.244.2.0', dev: 'flannel.1', lladdr: '5a:11:22:33:44:55', state: ['PERMANENT'] });
    expect(n.fdb).toContainEqual(expect.objectContaining({ mac: '5a:11:22:33:44:55', dev: 'flannel.1', dst: '192.168.77.12' }));

    // Read inside the namespace: the root namespace may say otherwise.
    expect(n.sysctls['net.ipv4.ip_forward']).toBe('1');
    expect(n.iptables?.policies.filter.FORWARD).toBe('DROP');
    expect(n.iptables?.rules.some((r) => r.chain === 'FLANNEL-FWD' && r.target === 'ACCEPT')).toBe(true);
    expect(n.offloads?.['flannel.1']?.['tx-checksum-ip-generic']).toMatch(/^(on|off)$/);
    expect(n.snmp?.Udp).toHaveProperty('InErrors');
    expect(n.modules).toContain('vxlan');

    expect(signature, 'a flannel signature with a one-line sample').toBeDefined();
    if (signature) {
      // Same message three times (two plain, one CRI-wrapped): one entry counted 3 times.
      const hit = n.logs.find((l) => l.text === signature.samples[0]);
      expect(hit).toBeDefined();
      expect(hit?.count).toBe(3);
      expect(hit?.file).toBe('/var/log/flanneld.log');
      expect(hit?.line).toBe(2);
      expect(hit?.component).toBe('flanneld');
    }
  });

  it('records an absent subnet.env as looked-at-and-missing', async () => {
    unlinkSync(join(root, 'run/flannel/subnet.env'));
    const n = await gatherNode({ hostRoot: root, run: netnsRunner(NS), kernelViaRunner: true, skipLogs: true });
    expect(n.subnetEnv).toBeUndefined();
    expect(n.gathered).toContain('subnetEnv');
    expect(n.gathered).not.toContain('logs');
  });
});
