/**
 * probe bandwidth on a real 2-node VXLAN testbed in our own namespaces (fdbw-*). The underlay link is
 * held to 200 Mbit/s with tbf on n1's eth0 (so the wire, not the CPU, is the bottleneck, as on a real
 * NIC); faults are injected inside the testbed and reverted. This kernel has no sch_netem
 * (CONFIG_NET_SCH_NETEM unset), so loss is made with iptables' statistic match in n1's FORWARD chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeBandwidth } from '../../rules/probe/_bandwidth-verdict.js';
import { buildTestbed, type Testbed } from '../mesh/testbed.js';
import { probeBandwidth } from './probe-bandwidth.js';

let tb: Testbed;
const ns = (n: string) => tb.targets.find((t) => t.name === n)!.netns!;
const pod = (n: string) => tb.targets.find((t) => t.name === n)!.pod!.netns!;
const measure = () => probeBandwidth(tb.targets, { seconds: 2, pairs: [['n1', 'n2']] });

beforeAll(async () => {
  tb = await buildTestbed(`fdbw-${process.pid % 100000}`, 2);
  await tb.sh(ns('n1'), 'tc qdisc add dev eth0 root tbf rate 200mbit burst 64kb latency 20ms');
}, 60_000);

afterAll(async () => {
  await tb?.destroy();
});

describe('probeBandwidth on a real VXLAN pair', () => {
  it('healthy: both paths measured, the overlay carries what VXLAN overhead leaves, no verdict', async () => {
    const { results } = await measure();
    expect(results).toHaveLength(1);
    const [r] = results;
    expect([r!.underlay.ok, r!.overlay.ok, r!.underlayMtu, r!.overlayMtu, r!.underlay.mss, r!.overlay.mss]).toEqual([true, true, 1500, 1450, 1448, 1398]);
    expect(r!.underlay.bitsPerSecond).toBeGreaterThan(100e6);
    expect(r!.underlay.bitsPerSecond).toBeLessThan(210e6);
    expect(r!.overlay.bitsPerSecond! / r!.underlay.bitsPerSecond!).toBeGreaterThan(0.85);
    expect(r!.udpCsumErrors).toBe(0);
    expect(judgeBandwidth(results)).toEqual([]);
  }, 60_000);

  it('15% of forwarded packets dropped on n1: the pair is slow and loss is named', async () => {
    // Full-size segments only: iperf3's control connection (small messages on the same port) must survive, or the
    // run fails instead of measuring a lossy path (a random drop of every packet failed one run in a few).
    const rule = 'FORWARD -m length --length 1000:65535 -m statistic --mode random --probability 0.15 -j DROP';
    await tb.sh(ns('n1'), `iptables -A ${rule}`);
    try {
      const { results } = await measure();
      const v = judgeBandwidth(results);
      expect(v.map((x) => [x.kind, x.suspects[0]?.id])).toEqual([['slow', 'loss']]);
      expect(results[0]!.overlay.retransmits).toBeGreaterThan(0);
      expect(v[0]!.suspects[0]!.detail).toMatch(/^\d+(\.\d)?% of the overlay segments were sent again \(\d+ retransmits; underlay \d+(\.\d)?%\)/);
    } finally {
      await tb.sh(ns('n1'), `iptables -D ${rule}`);
    }
  }, 60_000);

  it('pod MTU 300 on n1: the pair is slow and the MTU is named', async () => {
    await tb.sh(pod('n1'), 'ip link set eth0 mtu 300');
    try {
      const { results } = await measure();
      expect([results[0]!.overlayMtu, results[0]!.overlay.mss]).toEqual([300, 248]);
      const v = judgeBandwidth(results);
      expect(v.map((x) => [x.kind, x.suspects[0]?.id, x.suspects[0]?.cause])).toEqual([['slow', 'mtu', 'flannel.mtu']]);
    } finally {
      await tb.sh(pod('n1'), 'ip link set eth0 mtu 1450');
    }
  }, 60_000);

  it('no iperf3: each run fails with one clear line, and the probe still ends', async () => {
    const { results } = await probeBandwidth(tb.targets, { seconds: 1, pairs: [['n1', 'n2']], iperf3: '/nonexistent/iperf3' });
    expect(results[0]!.underlay).toMatchObject({ ok: false, error: '/nonexistent/iperf3 is not installed where the underlay run needs it (Debian: apt-get install iperf3)' });
    expect(judgeBandwidth(results).map((v) => v.kind)).toEqual(['failed']);
  }, 30_000);
});
