/**
 * The mesh probe on a real 3-node VXLAN topology in our own namespaces. Each fault is injected,
 * probed and reverted; a healthy mesh must stay silent before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMesh } from './probe-mesh.js';
import { buildTestbed, type Testbed } from './testbed.js';
import { judgePairs } from '../../rules/probe/_mesh-pair.js';
import { judgeMesh } from '../../rules/probe/_mesh-verdict.js';

let tb: Testbed;

beforeAll(async () => {
  tb = await buildTestbed(`fdpm${process.pid % 100000}`, 3);
}, 60_000);

afterAll(async () => {
  await tb?.destroy();
});

/** What the rules see: the measured results and the nodes the probe read. */
const judged = (r: Awaited<ReturnType<typeof probeMesh>>) => [r.results, r.nodes] as const;

const ns = (node: string) => tb.targets.find((t) => t.name === node)!.netns!;

async function withFault(inject: string[], revert: string[], where: string[]) {
  for (let i = 0; i < inject.length; i++) await tb.sh(where[i]!, inject[i]!);
  try {
    return await probeMesh(tb.targets, { timeoutMs: 500 });
  } finally {
    for (let i = 0; i < revert.length; i++) await tb.sh(where[i]!, revert[i]!);
  }
}

describe('probeMesh on a real VXLAN mesh', () => {
  it('healthy: every pair passes, nothing is judged', async () => {
    const r = await probeMesh(tb.targets, { timeoutMs: 500 });
    expect(r.plan).toEqual({ nodes: 3, pairs: 6, mode: 'full' });
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
    expect(judgeMesh(r.results, r.nodes)).toEqual([]);
    for (const path of ['underlay', 'vxlan-udp', 'mtu-pod', 'mtu-flannel']) expect(r.results.filter((x) => x.path === path).length).toBe(6);
  });

  it('exhaustive mode probes every path explicitly', async () => {
    const r = await probeMesh(tb.targets, { timeoutMs: 500, exhaustive: true });
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
    expect(r.results.filter((x) => x.kind === 'pod-pod' && x.path === 'overlay').length).toBe(6);
    expect(r.results.filter((x) => x.path === 'underlay' && x.ms !== undefined).length).toBe(6);
  });

  it('without fping, one ping per probe gives the same answers', async () => {
    const r = await probeMesh(tb.targets, { timeoutMs: 500, tool: 'ping' });
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
    const f = await withFault(['ip route del 10.244.2.0/24'], ['ip route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink'], [ns('n1')]);
    expect(judgeMesh(f.results, f.nodes).map((x) => x.cause)).toEqual(['flannel.route-missing']);
    const p = await probeMesh(tb.targets, { timeoutMs: 500, tool: 'ping', exhaustive: true });
    expect(p.results.filter((x) => x.path === 'underlay').every((x) => x.ok && typeof x.ms === 'number')).toBe(true);
  });

  it('UDP 8472 dropped on n2: underlay fine, overlay broken → flannel.vxlan-blocked naming n2', async () => {
    const r = await withFault(['iptables -A INPUT -p udp --dport 8472 -j DROP'], ['iptables -D INPUT -p udp --dport 8472 -j DROP'], [ns('n2')]);
    const v = judgeMesh(r.results, r.nodes);
    expect(v.map((x) => [x.cause, x.nodes])).toEqual([['flannel.vxlan-blocked', ['n2']]]);
    expect(v[0]!.pairs.map((p) => p.join('>')).sort()).toEqual(['n1>n2', 'n2>n1', 'n2>n3', 'n3>n2']);
    const under = r.results.filter((x) => x.path === 'underlay' && x.to === 'n2');
    expect(under.every((x) => x.ok)).toBe(true);
    expect(r.results.every((x) => x.cause === undefined), 'the probe measures, the rules judge').toBe(true);
    const broken = judgePairs(r.results, r.nodes).find((x) => x.from === 'n1' && x.to === 'n2' && x.path === 'vxlan-udp')!;
    expect(broken.ok).toBe(false);
    expect(Object.keys(broken.counterDeltas ?? {}).some((k) => k.startsWith('n2 '))).toBe(true);
    expect(judgeMesh(...judged(await probeMesh(tb.targets, { timeoutMs: 500 })))).toEqual([]);
  });

  it('a lower MTU on n2\'s underlay link: small packets pass, full-size DF probes vanish → flannel.mtu', async () => {
    const r = await withFault(['ip link set b2 mtu 1400'], ['ip link set b2 mtu 1500'], [tb.underlayNs]);
    const v = judgeMesh(r.results, r.nodes);
    expect(v.map((x) => [x.cause, x.nodes])).toEqual([['flannel.mtu', ['n2']]]);
    expect(r.results.filter((x) => !x.ok).every((x) => x.path === 'mtu-pod' || x.path === 'mtu-flannel')).toBe(true);
  });

  it('one full-size packet lost once (a busy node) is asked again and judged healthy, not an MTU fault', async () => {
    const drop = '-p icmp -m length --length 1000:65535 -m statistic --mode nth --every 100000 --packet 0 -j DROP';
    const r = await withFault([`iptables -I INPUT ${drop}`], [`iptables -D INPUT ${drop}`], [ns('n2')]);
    expect(judgeMesh(r.results, r.nodes)).toEqual([]);
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
  });

  it('a missing route on n1 to n2\'s pod subnet → flannel.route-missing at n1', async () => {
    const r = await withFault(['ip route del 10.244.2.0/24'], ['ip route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink'], [ns('n1')]);
    const v = judgeMesh(r.results, r.nodes);
    expect(v.map((x) => [x.cause, x.nodes])).toEqual([['flannel.route-missing', ['n1']]]);
    expect(v[0]!.pairs.map((p) => p.join('>')).sort()).toEqual(['n1>n2', 'n2>n1']);
  });

  it('an FDB entry on n1 sending n2\'s VTEP MAC to the wrong node IP → flannel.stale-fdb at n1', async () => {
    const mac = '02:fd:00:00:00:02';
    const r = await withFault([`bridge fdb replace ${mac} dev flannel.1 dst 10.250.0.13 self permanent`], [`bridge fdb replace ${mac} dev flannel.1 dst 10.250.0.12 self permanent`], [ns('n1')]);
    const v = judgeMesh(r.results, r.nodes);
    expect(v.map((x) => [x.cause, x.nodes])).toEqual([['flannel.stale-fdb', ['n1']]]);
    expect(v[0]!.detail).toContain('10.250.0.13');
  });

  it('n2 changed its flannel.1 MAC: peers hold the old MAC and n2 lost its neighbours → flannel.stale-fdb on all three', async () => {
    // the kernel flushes a device's neighbour entries when its address changes, so n2 is stale too
    const readd = 'ip neigh replace 10.244.1.0 lladdr 02:fd:00:00:00:01 dev flannel.1 nud permanent && ip neigh replace 10.244.3.0 lladdr 02:fd:00:00:00:03 dev flannel.1 nud permanent';
    const r = await withFault(['ip link set flannel.1 address 02:fd:00:00:0f:02'], [`ip link set flannel.1 address 02:fd:00:00:00:02 && ${readd}`], [ns('n2')]);
    const v = judgeMesh(r.results, r.nodes);
    expect(v.map((x) => x.cause)).toEqual(['flannel.stale-fdb']);
    expect(v[0]!.nodes.sort()).toEqual(['n1', 'n2', 'n3']);
    const details = judgePairs(r.results, r.nodes).filter((x) => !x.ok).map((x) => x.detail);
    expect(details.some((d) => d?.includes("n1's neighbour 10.244.2.0 → 02:fd:00:00:00:02, but n2's flannel.1 MAC is 02:fd:00:00:0f:02"))).toBe(true);
    expect(judgeMesh(...judged(await probeMesh(tb.targets, { timeoutMs: 500 })))).toEqual([]);
  });
});

describe('probeMesh sampled plan on 12 nodes', () => {
  let big: Testbed;
  beforeAll(async () => {
    big = await buildTestbed(`fdps${process.pid % 100000}`, 12);
  }, 60_000);
  afterAll(async () => {
    await big?.destroy();
  });

  it('probes a ring plus chords, not every pair, and still names the one broken node', async () => {
    const opts = { timeoutMs: 500, plan: { fullMeshMax: 6, chords: 2 } };
    const healthy = await probeMesh(big.targets, opts);
    expect(healthy.plan.mode).toBe('sampled');
    expect(healthy.plan.pairs).toBeLessThan(12 * 11);
    expect(judgeMesh(healthy.results, healthy.nodes)).toEqual([]);
    const n7 = big.targets.find((t) => t.name === 'n7')!.netns!;
    await big.sh(n7, 'iptables -A INPUT -p udp --dport 8472 -j DROP');
    try {
      const r = await probeMesh(big.targets, opts);
      expect(judgeMesh(r.results, r.nodes).map((v) => [v.cause, v.nodes])).toEqual([['flannel.vxlan-blocked', ['n7']]]);
    } finally {
      await big.sh(n7, 'iptables -D INPUT -p udp --dport 8472 -j DROP');
    }
  });
});
