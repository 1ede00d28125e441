import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCapture } from './pcap-engine.js';
import { ethernet, ipv4, PcapWriter, TCP, tcp, udp, vxlan } from './pcap-write.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fd-pcapwasm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the WebAssembly core', () => {
  it('embedded in src/parsers/pcap-core-wasm.ts is what src/parsers/assembly/pcap-core.ts compiles to', () => {
    let out = '';
    try {
      execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stderr?: Buffer }).stderr ?? e);
    }
    expect(out).toBe('');
  }, 60_000);

  it('where WebAssembly cannot run (node --jitless), the JavaScript decoder gives the same evidence', () => {
    const w = new PcapWriter();
    for (let i = 0; i < 30; i++) {
      const inner = ipv4({ src: '10.244.1.5', dst: '10.244.2.7', proto: 6, payload: tcp({ src: '10.244.1.5', dst: '10.244.2.7', sport: 40000 + i, dport: 80, seq: 1, ack: 0, flags: TCP.SYN }) });
      w.add(1 + i, ethernet('52:54:00:00:00:12', '52:54:00:00:00:11', 0x0800, ipv4({ src: '192.168.56.11', dst: '192.168.56.12', proto: 17, payload: udp('192.168.56.11', '192.168.56.12', 41000, 8472, vxlan(1, ethernet('12:c6:65:89:b4:02', '12:c6:65:89:b4:01', 0x0800, inner)), 'good') })));
    }
    const f = join(dir, 'syns.pcap');
    writeFileSync(f, w.bytes());
    const script = `import { analyzeCapture } from './src/parsers/pcap-engine.ts'; import { pcapCoreUnavailable } from './src/parsers/pcap-wasm.ts';
      process.stdout.write(JSON.stringify({ why: pcapCoreUnavailable(), ev: analyzeCapture(${JSON.stringify(f)}) }));`;
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const { why, ev } = JSON.parse(out);
    expect(why).toMatch(/WebAssembly/);
    const wasm = analyzeCapture(f, { engine: 'wasm' });
    expect(wasm.flows.oneWayTotal).toBe(30);
    expect(ev).toEqual(wasm);
  }, 60_000);
});
