import { describe, expect, it, vi } from 'vitest';
import { parseExplainFast, runExplainFast } from './explain-fast.js';
import { main } from './main.js';

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

describe('explain "<message>" on its own (dist/explain.cjs)', () => {
  const argv = (...a: string[]) => ['node', 'flannel-doctor', ...a];

  it('takes message words and one -o of text, json or jsonl anywhere; leaves every other command line to the CLI', () => {
    expect(parseExplainFast(argv('explain', 'no', 'such', 'host'))).toEqual({ message: 'no such host', output: 'text' });
    expect(parseExplainFast(argv('explain', '-o', 'json', 'x509: bad'))).toEqual({ message: 'x509: bad', output: 'json' });
    expect(parseExplainFast(argv('explain', 'a', '--output=jsonl'))).toEqual({ message: 'a', output: 'jsonl' });
    expect(parseExplainFast(argv('explain', '-otext', 'a', 'b'))).toEqual({ message: 'a b', output: 'text' });
    for (const a of [
      ['explain'],
      ['explain', ' '],
      ['explain', '--stdin'],
      ['explain', 'a', '-o', 'yaml'],
      ['explain', 'a', '-o'],
      ['explain', 'a', '-o', 'json', '-o', 'text'],
      ['explain', 'a', '--help'],
      ['explain', '-h'],
      ['explain', '--', '-x'],
      ['explain', '-x', 'a'],
      ['--no-color', 'explain', 'a'],
      ['causes', 'a'],
    ])
      expect(parseExplainFast(argv(...a)), a.join(' ')).toBeUndefined();
  });

  it('prints what the CLI prints, in every format it takes', async () => {
    const messages = [
      'Failed to pull image "reg.local/a/b:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.local/a/b:1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host',
      'x509: certificate signed by unknown authority',
      'plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory',
      'nothing this catalog knows \u001b[31m',
      'E1205 10:11:12.123456 1 main.go:1] Error registering network: failed to acquire lease: node "n1" pod cidr not assigned',
    ];
    for (const m of messages) {
      for (const o of [[], ['-o', 'json'], ['-o', 'jsonl'], ['--output=text']]) {
        const a = ['explain', m, ...o];
        const lean = await output(() => runExplainFast(argv(...a)));
        const cli = await output(() => main(argv(...a)));
        expect(lean.code, a.join(' ')).toBe(0);
        expect(lean, a.join(' ')).toEqual(cli);
        expect(lean.out.length).toBeGreaterThan(20);
      }
    }
  });
});
