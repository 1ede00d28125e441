import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeAddresses, parseBridgeFdb, parseIpLinks, parseIpNeigh, parseIpRoutes } from './iproute-json.js';

// Real iproute2 6.1 output captured in a throwaway namespace: flannel.1 (vxlan VNI 1, port 8472,
// local 192.168.50.11 on eth0), cni0 bridge with veth1, one remote node's neigh/fdb/route entries.
const fx = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');

describe('iproute2 JSON (real output)', () => {
  it('reads links with vxlan details, master and counters', () => {
    const { items, problems } = parseIpLinks(fx('ip-link-stats.json'), 'ip -j -s -d link');
    expect(problems).toEqual([]);
    const f = items.find((l) => l.name === 'flannel.1')!;
    expect(f).toMatchObject({ kind: 'vxlan', mtu: 1450, up: true, vxlan: { id: 1, port: 8472, local: '192.168.50.11', learning: false, dev: 'eth0' } });
    expect(items.find((l) => l.name === 'veth1')).toMatchObject({ kind: 'veth', master: 'cni0' });
    expect(items.find((l) => l.name === 'eth0')?.stats?.rxPackets).toBeGreaterThan(0);
  });
  it('reads addresses and merges them into links', () => {
    const addrs = parseIpLinks(fx('ip-addr.json'), 'ip -j addr');
    expect(addrs.problems).toEqual([]);
    const links = parseIpLinks(fx('ip-link-stats.json'), 'ip -j link').items;
    mergeAddresses(links, addrs.items);
    expect(links.find((l) => l.name === 'cni0')?.addresses).toContainEqual({ family: 'inet', local: '10.244.1.1', prefixlen: 24 });
    expect(links.find((l) => l.name === 'flannel.1')?.addresses).toContainEqual({ family: 'inet', local: '10.244.1.0', prefixlen: 32 });
  });
  it('reads routes, keeps onlink and drops the local table', () => {
    const { items, problems } = parseIpRoutes(fx('ip-route.json'), 'ip -j route show table all');
    expect(problems).toEqual([]);
    expect(items).toContainEqual(expect.objectContaining({ dst: '10.244.2.0/24', gateway: '10.244.2.0', dev: 'flannel.1', onlink: true, table: 'main' }));
    expect(items.find((r) => r.dst === 'default')).toMatchObject({ gateway: '192.168.50.1', dev: 'eth0' });
    expect(items.some((r) => r.table === 'local')).toBe(false);
    expect(parseIpRoutes(fx('ip-route-main.json'), 'x').items.length).toBe(4);
  });
  it('reads neighbours and the FDB', () => {
    expect(parseIpNeigh(fx('ip-neigh.json'), 'n').items).toContainEqual({ dst: '10.244.2.0', dev: 'flannel.1', lladdr: '5a:11:22:33:44:55', state: ['PERMANENT'] });
    const fdb = parseBridgeFdb(fx('ip-fdb.json'), 'f').items;
    expect(fdb).toContainEqual({ mac: '5a:11:22:33:44:55', dev: 'flannel.1', dst: '192.168.50.12', flags: ['self'], state: 'permanent' });
    expect(fdb.find((e) => e.dev === 'veth1')?.master).toBe('cni0');
  });
  it('drops bad elements with a located problem and survives garbage', () => {
    const r = parseIpLinks('[{"ifname":"a","flags":["UP"]},{"mtu":3},7]', 'ip -j link');
    expect(r.items.map((l) => l.name)).toEqual(['a']);
    expect(r.problems.map((p) => p.field)).toEqual(['[1].ifname', '[2].ifname']);
    expect(parseIpRoutes('{"dst":1}', 'r').problems[0]).toMatchObject({ file: 'r', field: '$' });
    expect(parseIpNeigh('[{', 'n').problems[0]).toMatchObject({ file: 'n', line: 1 });
    expect(parseBridgeFdb('', 'f')).toEqual({ items: [], problems: [] });
  });
});
