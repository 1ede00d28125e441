import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { ethernet, ipv4, PcapWriter, TCP, tcp, udp, vxlan } from '../../parsers/pcap-write.js';
import { runDiagnose } from './diagnose-run.js';
import { runPcap } from './pcap-run.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-pcapcmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The example bundle's nodes: node-a 192.168.50.11 (pods 10.244.0.0/24), node-b 192.168.50.12 (10.244.1.0/24).
const A = { ip: '192.168.50.11', mac: '52:54:00:00:00:11', vtep: '12:c6:65:89:b4:01', pod: '10.244.0.5' };
const B = { ip: '192.168.50.12', mac: '52:54:00:00:00:12', vtep: '12:c6:65:89:b4:02', pod: '10.244.1.7' };

function tunnelled(from: typeof A, to: typeof A, seq: number, ack: number, flags: number, sport: number, dport: number): Buffer {
  const inner = ipv4({ src: from.pod, dst: to.pod, proto: 6, payload: tcp({ src: from.pod, dst: to.pod, sport, dport, seq, ack, flags }) });
  return ethernet(to.mac, from.mac, 0x0800, ipv4({ src: from.ip, dst: to.ip, proto: 17, df: false, payload: udp(from.ip, to.ip, 41000, 8472, vxlan(1, ethernet(to.vtep, from.vtep, 0x0800, inner)), 'zero') }));
}

/** A handshake that completes (answered) or SYNs that die (one-way). */
function capture(name: string, answered: boolean): string {
  const w = new PcapWriter();
  if (answered) {
    w.add(1, tunnelled(A, B, 1, 0, TCP.SYN, 50000, 80));
    w.add(1.001, tunnelled(B, A, 9, 2, TCP.SYN | TCP.ACK, 80, 50000));
    w.add(1.002, tunnelled(A, B, 2, 10, TCP.ACK, 50000, 80));
  } else for (let i = 0; i < 4; i++) w.add(1 + i, tunnelled(A, B, 1, 0, TCP.SYN, 50000, 80));
  const f = join(dir, name);
  writeFileSync(f, w.bytes());
  return f;
}

async function stdout(fn: () => Promise<number>): Promise<{ out: string; code: number }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await fn(), out };
  } finally {
    spy.mockRestore();
  }
}

const opts = { output: 'json', failOn: 'error', vxlanPort: '8472,4789' };

describe('flannel-doctor pcap', () => {
  it('-o json is the report of diagnose: healthy capture, nothing said', async () => {
    const { out, code } = await stdout(() => runPcap([capture('ok.pcap', true)], opts));
    const r = JSON.parse(out);
    expect(code).toBe(0);
    expect(r).toMatchObject({ schemaVersion: 1, verdict: 'healthy', findings: [], unreadable: [] });
    expect(r.evidence.capturePackets).toBe(3);
    expect(r.evidence.rulesRun).toBeGreaterThan(0);
  });

  it('names the one-way pair, and the nodes when a bundle is given', async () => {
    const file = capture('oneway.pcap', false);
    const alone = await stdout(() => runPcap([file], opts));
    expect(alone.code).toBe(1);
    const r = JSON.parse(alone.out);
    expect(r.findings.map((f: { cause: string; nodes: string[] }) => [f.cause, f.nodes])).toEqual([['flannel.vxlan-blocked', [A.ip, B.ip]]]);
    const named = await stdout(() => runPcap([file], { ...opts, bundle: 'examples/broken-cluster' }));
    const f = JSON.parse(named.out).findings.find((x: { cause: string }) => x.cause === 'flannel.vxlan-blocked');
    expect(f.nodes).toEqual(['node-a', 'node-b']);
    expect(f.message).toContain('node-a (192.168.50.11)');
  });

  it('diagnose --pcap judges the capture with the rest', async () => {
    const { out } = await stdout(() => runDiagnose({ bundle: 'examples/broken-cluster', pcap: [capture('d.pcap', false)], output: 'json', failOn: 'none', timeout: '30s' }));
    const r = JSON.parse(out);
    expect(r.findings.some((f: { cause: string; nodes: string[] }) => f.cause === 'flannel.vxlan-blocked' && f.nodes.includes('node-b'))).toBe(true);
    expect(r.evidence.capturePackets).toBe(4);
  });

  it('a file that ends early is judged up to there and listed as unreadable where it ends', async () => {
    const whole = capture('cut.pcap', true);
    const bytes = (await import('node:fs')).readFileSync(whole);
    writeFileSync(whole, bytes.subarray(0, bytes.length - 10));
    const { out } = await stdout(() => runPcap([whole], opts));
    const r = JSON.parse(out);
    expect(r.evidence.capturePackets).toBe(2);
    expect(r.unreadable).toEqual([{ what: expect.stringMatching(/capture .*cut\.pcap from byte \d+ \(packet 3 on\)/), reason: expect.stringMatching(/ends inside packet record 3/) }]);
  });

  it('what is not a capture: exit 2 and one line naming the file', async () => {
    const f = join(dir, 'notes.txt');
    writeFileSync(f, 'not a capture at all\n');
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    try {
      expect(await main(['node', 'flannel-doctor', 'pcap', f])).toBe(2);
      expect(await main(['node', 'flannel-doctor', 'pcap', join(dir, 'missing.pcap')])).toBe(2);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/notes\.txt: not a pcap or pcapng file/);
    expect(lines[1]).toMatch(/missing\.pcap: no such file/);
  });
});
