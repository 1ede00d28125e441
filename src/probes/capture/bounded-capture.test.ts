/**
 * Bounded tcpdump captures on a real 2-node VXLAN testbed in our own namespaces (fdbw-*): the pcap
 * comes back whole, the capture stops at its time or its size, and the pcap analysis reads it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcapWriter } from '../../parsers/pcap-write.js';
import { readCaptureEvidence } from '../../sources/capture.js';
import { buildTestbed, type Testbed } from '../mesh/testbed.js';
import { completeRecords } from './pcap-records.js';
import { captureProblem, capturePackets } from './bounded-capture.js';
import { pickCaptureTool } from './capture-tool.js';
import { pingWhile } from './ping-while.js';

let tb: Testbed;
let dir: string;
const n1 = () => tb.targets[0]!.netns!;
const pod1 = () => tb.targets[0]!.pod!.netns!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdbw-cap-'));
  tb = await buildTestbed(`fdbw-k${process.pid % 100000}`, 2);
}, 60_000);

afterAll(async () => {
  await tb?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pingPods = (count: number, interval = '0.05', size = 56) => tb.sh(tb.targets[0]!.pod!.netns!, `ping -c ${count} -i ${interval} -s ${size} -W 1 10.244.2.2 >/dev/null || true`);

describe.each(['tcpdump', 'dumpcap'] as const)('capturePackets with %s', (tool) => {
  it('captures the VXLAN of pod pings on n1 for its seconds; the pcap analysis sees the node pair', async () => {
    const t0 = Date.now();
    const cap = await pingWhile(pod1(), '10.244.2.2', capturePackets({ seconds: 2, netns: n1(), iface: 'eth0', tool }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(cap.stoppedBy).toBe('time');
    expect(cap.packets).toBeGreaterThanOrEqual(10);
    const file = join(dir, `time-${tool}.pcap`);
    writeFileSync(file, cap.pcap);
    const ev = readCaptureEvidence(file, { vxlanPorts: [8472] });
    expect(ev.truncated).toBeUndefined();
    expect(ev.packets).toBe(cap.packets);
    expect(ev.pairs.map((p) => `${p.src}>${p.dst}`).sort()).toEqual(['10.250.0.11>10.250.0.12', '10.250.0.12>10.250.0.11']);
  }, 30_000);

  it('stops at its size, early, and ends at a whole packet', async () => {
    const t0 = Date.now();
    const [cap] = await Promise.all([capturePackets({ seconds: 20, netns: n1(), iface: 'eth0', maxBytes: 8192, filter: 'all', tool }), new Promise((r) => setTimeout(r, 300)).then(() => pingPods(200, '0.01', 1000))]);
    expect(cap.stoppedBy).toBe('size');
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(cap.pcap.length).toBeLessThanOrEqual(8192);
    expect(completeRecords(cap.pcap)!.bytes.length).toBe(cap.pcap.length);
    const file = join(dir, `size-${tool}.pcap`);
    writeFileSync(file, cap.pcap);
    expect(readCaptureEvidence(file).truncated).toBeUndefined();
  }, 30_000);

  it('a missing interface or program is one clear error', async () => {
    await expect(capturePackets({ seconds: 1, netns: n1(), iface: 'nosuch0', tool })).rejects.toThrow(new RegExp(`^${tool} failed: .*nosuch0`));
    await expect(capturePackets({ seconds: 1, netns: n1(), tool, program: '/nonexistent/x' })).rejects.toThrow(new RegExp(`^${tool} failed: .*\\(Debian: apt-get install (tcpdump|tshark)\\)$`));
  }, 30_000);
});

describe('in a root process without CAP_SETUID/CAP_SETGID (the agent container)', () => {
  const dropped = (tool: string) => {
    const f = join(dir, `dropped-${tool}`);
    writeFileSync(f, `#!/bin/sh\nexec setpriv --bounding-set -setuid,-setgid -- ${tool} "$@"\n`, { mode: 0o755 });
    return f;
  };
  it('tcpdump cannot switch users and fails; dumpcap captures', async () => {
    await expect(capturePackets({ seconds: 1, netns: n1(), tool: 'tcpdump', program: dropped('tcpdump') })).rejects.toThrow(/^tcpdump failed: .*Operation not permitted/);
    const cap = await pingWhile(pod1(), '10.244.2.2', capturePackets({ seconds: 2, netns: n1(), iface: 'eth0', tool: 'dumpcap', program: dropped('dumpcap') }));
    expect(cap.packets).toBeGreaterThanOrEqual(10);
  }, 30_000);
});

describe('limits and the tool', () => {
  it('requests past the limits are refused before anything runs', () => {
    expect(captureProblem({ seconds: 61 })).toBe('seconds must be a whole number 1-60');
    expect(captureProblem({ seconds: 5, iface: 'eth0; rm -rf /' })).toBe('iface must be an interface name or "any"');
    expect(captureProblem({ seconds: 5, filter: 'port 22' as never })).toBe('filter must be one of vxlan, all');
  });

  it('tcpdump where it can switch users, dumpcap in a root container without CAP_SETUID/CAP_SETGID', () => {
    expect(pickCaptureTool('CapEff:\t000001ffffffffff\n', 0)).toBe('tcpdump');
    // the agent's container: NET_ADMIN (12) and NET_RAW (13) only
    expect(pickCaptureTool('CapEff:\t0000000000003000\n', 0)).toBe('dumpcap');
    expect(pickCaptureTool('CapEff:\t0000000000000000\n', 1000)).toBe('tcpdump');
  });
});

describe('completeRecords', () => {
  it('cuts a pcap at the last whole record and refuses what is not pcap', () => {
    const file = new PcapWriter().add(1, Buffer.alloc(100, 1)).add(2, Buffer.alloc(100, 2)).add(3, Buffer.alloc(100, 3)).bytes();
    expect(completeRecords(file)).toEqual({ bytes: file, packets: 3 });
    expect(completeRecords(file, file.length - 1)!.packets).toBe(2);
    expect(completeRecords(file, 24 + 116 + 10)!.bytes.length).toBe(24 + 116);
    expect(completeRecords(Buffer.from('not a capture file at all'))).toBeUndefined();
  });
});
