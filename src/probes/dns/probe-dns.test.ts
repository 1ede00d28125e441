import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, freePort, tempDir } from '../registry/testkit.js';
import { queryDns } from './client.js';
import { probeDns, type DnsProbeOptions } from './probe-dns.js';
import { silentUdp, startDnsmasq, type Dnsmasq } from './testkit.js';
import { judgeDns } from '../../rules/probe/_dns-verdict.js';
import { TYPE } from './wire.js';

const CLUSTER = 'kubernetes.default.svc.cluster.local';
const EXTERNAL = 'example.test';
let dir: string;
let upstream: Dnsmasq; // the "internet": answers example.test
let coredns: Dnsmasq; // a CoreDNS pod: cluster.local locally, the rest upstream
let serviceVip: Dnsmasq; // stands where the Service IP DNATs to
let noUpstream: Dnsmasq; // a CoreDNS whose upstream is dead
let slowSearch: Dnsmasq; // a CoreDNS whose node search domain forwards into a black hole
let hole: { server: string; close(): Promise<void> };
let dead: string; // a port nothing listens on
const procs: Dnsmasq[] = [];

const corednsArgs = (up: string) => ['--local=/cluster.local/', `--host-record=${CLUSTER},10.96.0.1`, `--server=${up.replace(':', '#')}`];

beforeAll(async () => {
  dir = tempDir('fd-probe-dns-');
  hole = await silentUdp();
  dead = `127.0.0.1:${await freePort()}`;
  const start = async (args: string[]) => {
    const d = await startDnsmasq(args);
    procs.push(d); // tracked at once, so a later failure in this hook still stops it
    return d;
  };
  upstream = await start([`--address=/${EXTERNAL}/192.0.2.10`, '--local=/test/', `--txt-record=big.test,"${'x'.repeat(250)}","${'y'.repeat(250)}","${'z'.repeat(250)}"`]);
  coredns = await start(corednsArgs(upstream.server));
  serviceVip = await start(corednsArgs(upstream.server));
  noUpstream = await start(corednsArgs(hole.server));
  slowSearch = await start([...corednsArgs(upstream.server), `--server=/corp.slow/${hole.server.replace(':', '#')}`]);
  mkdirSync(join(dir, 'etc'), { recursive: true });
  writeFileSync(join(dir, 'etc/resolv.conf'), 'nameserver 127.0.0.1\nsearch corp.slow\n');
}, 30_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await hole?.close();
  if (dir) cleanup(dir);
});

const base = (o: Partial<DnsProbeOptions>): DnsProbeOptions => ({ hostRoot: dir, node: 'n1', clusterName: CLUSTER, externalName: EXTERNAL, timeoutMs: 600, nodeResolvers: [upstream.server], upstream: [upstream.server], searchExpansion: false, ...o });

describe('DNS client against dnsmasq', () => {
  it('tells an answer, NXDOMAIN, REFUSED, a timeout and connection refused apart', async () => {
    expect((await queryDns(coredns.server, CLUSTER, TYPE.A, 1000)).answers).toEqual(['10.96.0.1']);
    expect((await queryDns(coredns.server, 'nope.default.svc.cluster.local', TYPE.A, 1000)).outcome).toBe('nxdomain');
    expect((await queryDns(upstream.server, 'elsewhere.invalid', TYPE.A, 1000)).outcome).toBe('refused');
    const t = await queryDns(hole.server, EXTERNAL, TYPE.A, 300);
    expect(t.outcome).toBe('timeout');
    expect(t.ms).toBeLessThan(300 * 1.1 + 20);
    expect((await queryDns(dead, EXTERNAL, TYPE.A, 1000)).outcome).toBe('error');
  });

  it('a truncated UDP answer is fetched again over TCP', async () => {
    const r = await queryDns(upstream.server, 'big.test', TYPE.TXT, 1000);
    expect(r.outcome).toBe('ok');
    expect(r.tcp).toBe(true);
    expect(r.answers[0]!.length).toBeGreaterThan(700);
  });
});

describe('probeDns verdicts', () => {
  it('a healthy chain says nothing', async () => {
    const r = await probeDns(base({ serviceIp: serviceVip.server, coredns: [coredns.server], searchExpansion: true }));
    expect(r.filter((x) => x.outcome !== 'ok' && x.purpose === 'direct')).toEqual([]);
    expect(judgeDns(r)).toEqual([]);
    const walk = r.find((x) => x.purpose === 'search-expansion')!;
    expect(walk.steps!.map((s) => s.name)).toEqual([`${EXTERNAL}.default.svc.cluster.local`, `${EXTERNAL}.svc.cluster.local`, `${EXTERNAL}.cluster.local`, `${EXTERNAL}.corp.slow`, EXTERNAL].slice(0, walk.steps!.length));
  });

  it('CoreDNS pods answer but the Service IP does not: dns.service-unreachable', async () => {
    const v = judgeDns(await probeDns(base({ serviceIp: hole.server, coredns: [coredns.server] })));
    expect(v.map((x) => [x.cause, x.node])).toEqual([['dns.service-unreachable', 'n1']]);
  });

  it('cluster names resolve, external ones do not: dns.upstream', async () => {
    const v = judgeDns(await probeDns(base({ serviceIp: noUpstream.server, coredns: [noUpstream.server], upstream: [hole.server] })));
    expect(v.map((x) => x.cause)).toEqual(['dns.upstream']);
  });

  it('an external answer still in CoreDNS\'s cache hides a dead upstream; the uncached name shows it: dns.upstream', async () => {
    // a CoreDNS that holds example.test (as its cache would) while its upstream is gone
    const cached = await startDnsmasq([...corednsArgs(hole.server), `--host-record=${EXTERNAL},192.0.2.10`]);
    procs.push(cached);
    const r = await probeDns(base({ serviceIp: cached.server, coredns: [cached.server], upstream: [hole.server] }));
    expect(r.filter((x) => x.purpose === 'direct' && x.name === EXTERNAL && (x.target.kind === 'service' || x.target.kind === 'coredns-pod')).map((x) => x.outcome)).toEqual(['ok', 'ok']);
    const fresh = r.filter((x) => x.purpose === 'forward-check');
    expect(fresh.map((x) => [x.target.kind, x.outcome])).toEqual([['service', 'timeout'], ['coredns-pod', 'timeout']]);
    const v = judgeDns(r);
    expect(v.map((x) => [x.cause, x.node])).toEqual([['dns.upstream', 'n1']]);
    expect(v[0]!.detail).toMatch(/only from its cache/);
  });

  it('nothing answers: dns.coredns-down', async () => {
    const v = judgeDns(await probeDns(base({ serviceIp: hole.server, coredns: [dead] })));
    expect(v.map((x) => x.cause)).toEqual(['dns.coredns-down']);
  });

  it("the node's own resolver (read from <host-root>/etc/resolv.conf) fails: dns.node-resolver", async () => {
    const r = await probeDns(base({ serviceIp: serviceVip.server, coredns: [coredns.server], nodeResolvers: undefined }));
    const nodeRes = r.filter((x) => x.target.kind === 'node-resolver');
    expect(nodeRes.map((x) => x.target.server)).toEqual(['127.0.0.1']);
    expect(judgeDns(r).map((x) => x.cause)).toEqual(['dns.node-resolver']);
  });

  it('search-list expansion through a slow node search domain: dns.search-ndots', async () => {
    const r = await probeDns(base({ serviceIp: slowSearch.server, coredns: [slowSearch.server], searchExpansion: true }));
    const v = judgeDns(r);
    expect(v.map((x) => x.cause)).toEqual(['dns.search-ndots']);
    expect(v[0]!.detail).toContain('ndots');
  });
});
