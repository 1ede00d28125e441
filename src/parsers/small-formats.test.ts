import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerDaemon } from './docker-daemon.js';
import { parseEthtoolFeatures } from './ethtool-features.js';
import { parseProcModules } from './proc-modules.js';
import { parseProcNetSnmp } from './proc-net-snmp.js';
import { parseResolvConf } from './resolv-conf.js';

const fx = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');

describe('resolv.conf', () => {
  it('reads nameservers, the last search/domain and options', () => {
    const r = parseResolvConf('# systemd-resolved stub\nnameserver 127.0.0.53\nsearch a.local b.local\noptions edns0 trust-ad\nnameserver fe80::1%eth0\n', '/etc/resolv.conf');
    expect(r).toMatchObject({ nameservers: ['127.0.0.53', 'fe80::1%eth0'], search: ['a.local', 'b.local'], options: ['edns0', 'trust-ad'], problems: [] });
  });
  it('locates bad lines', () => {
    const r = parseResolvConf('nameserver\nnameserver dns.local\n', '/etc/resolv.conf');
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[1, 'nameserver'], [2, 'nameserver']]);
  });
});

describe('docker daemon.json', () => {
  it('reads mirrors and insecure registries', () => {
    const d = parseDockerDaemon('{"registry-mirrors":["https://mirror.gcr.io"],"insecure-registries":["reg.local:5000","10.0.0.0/8"]}', '/etc/docker/daemon.json');
    expect(d).toMatchObject({ registryMirrors: ['https://mirror.gcr.io'], insecureRegistries: ['reg.local:5000', '10.0.0.0/8'], problems: [] });
  });
  it('names bad fields', () => {
    const d = parseDockerDaemon('{"registry-mirrors":["mirror.local/x", 3],"insecure-registries":"reg"}', 'd.json');
    expect(d.problems.map((p) => p.field)).toEqual(['registry-mirrors[1]', 'insecure-registries', 'registry-mirrors[0]']);
  });
});

describe('kernel text formats (real samples)', () => {
  it('/proc/net/snmp', () => {
    const s = parseProcNetSnmp(fx('proc-net-snmp.txt'), '/proc/net/snmp');
    expect(s.problems).toEqual([]);
    expect(s.values.Udp).toMatchObject({ InErrors: 0, InCsumErrors: 0 });
    expect(s.values.Ip.Forwarding).toBe(2);
    expect(parseProcNetSnmp('Udp: A B\nUdp: 1\n', 'f').problems[0]).toMatchObject({ line: 2, field: 'Udp' });
  });
  it('ethtool -k', () => {
    const e = parseEthtoolFeatures(fx('ethtool-k-flannel.1.txt'), 'ethtool -k flannel.1');
    expect(e.problems).toEqual([]);
    expect(e.iface).toBe('flannel.1');
    expect(e.features['tx-checksum-ip-generic']).toBe('on');
    expect(e.features['tx-checksum-ipv4']).toBe('off');
  });
  it('/proc/modules', () => {
    expect(parseProcModules('vxlan 98304 0 - Live 0x0000000000000000\nbr_netfilter 32768 0 - Live 0x0\n')).toEqual(['vxlan', 'br_netfilter']);
  });
});
