import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCapture } from '../../src/parsers/pcap-engine.js';
import { ourVxlanPairs, tsharkVxlanPairs } from '../suites/pcap-scan.js';
import { generatePcap } from './pcap.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-pcapgen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('capture generator', () => {
  const file = join(dir, 'g.pcap');
  const gen = generatePcap(file, { bytes: 2 << 20, seed: 3 });

  it('is deterministic for a seed', () => {
    const again = join(dir, 'g2.pcap');
    generatePcap(again, { bytes: 2 << 20, seed: 3 });
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });

  it('writes what the analysis reads: every VXLAN packet, every pair both ways, nothing undecoded, healthy', () => {
    const ev = analyzeCapture(file);
    expect(ev.packets).toBe(gen.packets);
    expect(ev.vxlan.packets).toBe(gen.vxlanPackets);
    expect(ev.undecoded).toBe(0);
    expect(ev.pairs).toHaveLength(20); // 5 nodes: 20 directions
    expect(ev.pairs.every((p) => !p.reverseSilent)).toBe(true);
    expect(ev.checksums.bad).toBe(0);
    expect(ev.tcp.stalled).toEqual([]);
    expect(ev.dns.responses).toBeGreaterThan(0);
  });

  // tshark is the peer of the bench (Debian package tshark); without it this cross-check cannot run.
  it.skipIf(!hasTshark())('counts the same VXLAN packets per node pair as tshark', () => {
    const conv = execFileSync('tshark', ['-r', file, '-d', 'udp.port==8472,vxlan', '-q', '-z', 'conv,udp'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    const theirs = tsharkVxlanPairs(conv);
    expect(theirs.size).toBe(10);
    expect(Object.fromEntries(ourVxlanPairs(analyzeCapture(file)))).toEqual(Object.fromEntries(theirs));
  });
});

describe('the WebAssembly core and the JavaScript decoder on generated captures', () => {
  it('give the same evidence on generated overlay captures with every fault, pcap and pcapng', () => {
    for (const [format, seed] of [['pcap', 21], ['pcapng', 22]] as const) {
      const f = join(dir, `faults-${format}.pcap`);
      generatePcap(f, { bytes: 3 << 20, seed, format, oneWay: [0, 1], badChecksumFrom: 2, fragNeededMtu: 1400 });
      const wasm = analyzeCapture(f, { engine: 'wasm' });
      expect(wasm.packets).toBeGreaterThan(3000);
      expect(wasm.dns.queries).toBeGreaterThan(0);
      expect(wasm.checksums.bad).toBeGreaterThan(0);
      expect(wasm.flows.oneWayTotal).toBeGreaterThan(0);
      expect(wasm.mtu.fragNeeded.length).toBeGreaterThan(0);
      expect(JSON.stringify(wasm)).toBe(JSON.stringify(analyzeCapture(f, { engine: 'js' })));
      for (const maxFlows of [3, 40]) expect(analyzeCapture(f, { engine: 'wasm', maxFlows })).toEqual(analyzeCapture(f, { engine: 'js', maxFlows }));
    }
  });
});
