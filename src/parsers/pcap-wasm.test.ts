import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
});
