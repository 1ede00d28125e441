import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dnsMessage, ethernet, ipv4, PcapWriter, TCP, tcp, udp, vxlan } from '../parsers/pcap-write.js';
import { main } from './main.js';
import { parsePcapEvidence, runPcapEvidence } from './pcap-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-pcapev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): string {
  const w = new PcapWriter();
  const wrap = (inner: Buffer) => ethernet('52:54:00:00:00:12', '52:54:00:00:00:11', 0x0800, ipv4({ src: '192.168.56.11', dst: '192.168.56.12', proto: 17, payload: udp('192.168.56.11', '192.168.56.12', 41000, 8472, vxlan(1, ethernet('12:c6:65:89:b4:02', '12:c6:65:89:b4:01', 0x0800, inner)), 'good') }));
  w.add(1, wrap(ipv4({ src: '10.244.1.5', dst: '10.244.2.7', proto: 6, payload: tcp({ src: '10.244.1.5', dst: '10.244.2.7', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP.SYN }) })));
  w.add(2, wrap(ipv4({ src: '10.244.1.5', dst: '10.96.0.10', proto: 17, payload: udp('10.244.1.5', '10.96.0.10', 33000, 53, dnsMessage({ id: 7, name: 'x.default.svc.cluster.local' })) })));
  const f = join(dir, 'c.pcap');
  writeFileSync(f, w.bytes());
  return f;
}

async function output(fn: () => number | undefined | Promise<number | undefined>): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const code = await fn();
    return { out, err, code };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

describe('pcap --evidence on its own (dist/pcap.cjs)', () => {
  const argv = (...a: string[]) => ['node', 'flannel-doctor', ...a];

  it('takes files, --evidence and valid --vxlan-port values; leaves every other command line to the CLI', () => {
    expect(parsePcapEvidence(argv('pcap', 'a.pcap', '--evidence'))).toEqual({ files: ['a.pcap'], ports: [8472, 4789] });
    expect(parsePcapEvidence(argv('pcap', '--evidence', '-', 'b', '--vxlan-port', '4789'))).toEqual({ files: ['-', 'b'], ports: [4789] });
    for (const a of [
      ['pcap', 'a.pcap'],
      ['pcap', '--evidence'],
      ['pcap', 'a', '--evidence', '-o', 'json'],
      ['pcap', 'a', '--evidence', '--vxlan-port=4789'],
      ['pcap', 'a', '--evidence', '--vxlan-port', '0'],
      ['pcap', 'a', '--evidence', '--vxlan-port'],
      ['pcap', 'a', '--evidence', '--bundle', 'b.tgz'],
      ['pcap', 'a', '--evidence', '--help'],
      ['pcap', '-', '-', '--evidence'],
      ['pcap', '--', 'a', '--evidence'],
      ['diagnose', 'a', '--evidence'],
    ])
      expect(parsePcapEvidence(argv(...a)), a.join(' ')).toBeUndefined();
  });

  it('prints what the CLI prints, errors and exit codes included', async () => {
    const f = capture();
    for (const a of [['pcap', f, '--evidence'], ['pcap', f, f, '--evidence', '--vxlan-port', '8472'], ['pcap', join(dir, 'none.pcap'), '--evidence'], ['pcap', dir, '--evidence']]) {
      const lean = await output(() => runPcapEvidence(argv(...a)));
      const cli = await output(() => main(argv(...a)));
      expect(lean.code, a.join(' ')).not.toBeUndefined();
      expect(lean, a.join(' ')).toEqual(cli);
    }
  });
});
