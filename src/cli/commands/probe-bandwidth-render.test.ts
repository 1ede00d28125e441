import { describe, expect, it } from 'vitest';
import type { BandwidthPairResult } from '../../evidence/probes.js';
import type { BandwidthVerdict } from '../../rules/probe/_bandwidth-verdict.js';
import { PLAIN } from '../../report/style.js';
import { renderBandwidth } from './probe-bandwidth-run.js';

// The text report prints the rule's own fix (filled from the measurements) under the suspect it names, and
// fills the catalog's fix of the other suspects with the node it measured: no <placeholder> for a person.
const result = {
  from: 'n1',
  to: 'n2',
  underlay: { bitsPerSecond: 215e6, retransmits: 0, meanRttUs: 81400, fromIp: '10.90.0.11', toIp: '10.90.0.12' },
  overlay: { bitsPerSecond: 210e6, retransmits: 0, meanRttUs: 81600 },
  underlayMtu: 1500,
  overlayMtu: 1450,
} as unknown as BandwidthPairResult;
const verdict = {
  from: 'n1',
  to: 'n2',
  kind: 'delayed',
  ratio: 0.98,
  detail: 'the node-to-node round trip is 81.4 ms',
  suspects: [
    { id: 'latency', cause: 'node.underlay-latency', node: 'n2', detail: 'lowest RTT 81.4 ms' },
    { id: 'loss', cause: 'node.packet-loss', detail: 'a few resends' },
  ],
} as unknown as BandwidthVerdict;
const ratio = () => ({ ratio: 0.98, expected: 0.965 });

describe('probe bandwidth, text', () => {
  it("prints the rule's filled fix under its suspect and fills the catalog's fix of the others", () => {
    const fix = ['Measure the round trip from n2, where the probe saw 81.4 ms: ping -c 20 10.90.0.11', 'Find what holds the packets: tc qdisc show dev eth0'];
    const text = renderBandwidth([result], [verdict], 10, 2000, ratio, PLAIN, [{ cause: 'node.underlay-latency', fix }]);
    expect(text).toContain(`fix: ${fix[0]}`);
    expect(text).toContain(fix[1]);
    expect(text.slice(text.indexOf('verdict:'))).not.toMatch(/<[a-z][\w-]*>/);
  });

  it("without the rule's finding: the catalog's first step, filled with the node", () => {
    const text = renderBandwidth([result], [verdict], 10, 2000, ratio, PLAIN, []);
    expect(text).toMatch(/node\.underlay-latency\): lowest RTT 81\.4 ms\n\s+fix: .*n2/);
    expect(text.slice(text.indexOf('verdict:'))).not.toMatch(/<[a-z][\w-]*>/);
  });
});
