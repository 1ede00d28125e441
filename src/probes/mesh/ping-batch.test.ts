import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingBatch } from './ping-batch.js';
import type { MeshExecResult, MeshRunner } from './types.js';

/** A runner that records each argv and answers from `answer`. */
function fakeRunner(answer: (argv: string[]) => MeshExecResult) {
  const calls: string[][] = [];
  const runner: MeshRunner = {
    async exec(_ns, argv) {
      calls.push(argv);
      return answer(argv);
    },
  };
  return { runner, calls };
}

describe('pingBatch', () => {
  it('without node state runs fping directly, one call per packet size, and reads its per-target lines', async () => {
    const { runner, calls } = fakeRunner((argv) => ({
      stdout: '',
      stderr: argv.includes('1422') ? '10.0.0.2 : 0.05\n10.0.0.3 : -\n' : '10.0.0.2 : 0.04\n',
      code: argv.includes('1422') ? 1 : 0,
    }));
    const r = await pingBatch(runner, 'ns1', [
      { id: 1, to: '10.0.0.2', size: 1422, df: true },
      { id: 2, to: '10.0.0.3', size: 1422, df: true },
      { id: 3, to: '10.0.0.2' },
    ], 1000);
    expect(calls.every((a) => a[0] === 'fping')).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual(expect.arrayContaining(['-M', '-b', '1422']));
    expect(r.outcomes.get(1)).toEqual({ ok: true, ms: 0.05, lossPct: 0 });
    expect(r.outcomes.get(2)).toMatchObject({ ok: false, lossPct: 100 });
    expect(r.outcomes.get(3)).toMatchObject({ ok: true, ms: 0.04 });
  });

  it('a burst (count 3) is one fping with -C 3 -p 200: any reply makes it ok, the lost ones are its loss', async () => {
    const { runner, calls } = fakeRunner(() => ({ stdout: '', stderr: '10.0.0.2 : - 0.31 -\n10.0.0.3 : - - -\n', code: 1 }));
    const r = await pingBatch(runner, 'ns1', [{ id: 1, to: '10.0.0.2', count: 3 }, { id: 2, to: '10.0.0.3', count: 3 }], 1000);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.slice(0, 4)).toEqual(['fping', '-C', '3', '-p']);
    expect(r.outcomes.get(1)).toEqual({ ok: true, ms: 0.31, lossPct: 67 });
    expect(r.outcomes.get(2)).toMatchObject({ ok: false, lossPct: 100 });
  });

  it('falls back to the shell when fping cannot be started there', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv[0] === 'fping' ? { stdout: '', stderr: 'nsenter: failed to execute fping: No such file or directory', code: 127 } : { stdout: '@@pings\n/tmp/x/p0:rtt min/avg/max/mdev = 0.1/0.2/0.3/0.0 ms\n@rc 0 0\n', stderr: '', code: 0 },
    );
    const r = await pingBatch(runner, 'ns1', [{ id: 0, to: '10.0.0.2' }], 1000);
    expect(calls.map((a) => a[0])).toEqual(['fping', 'sh']);
    expect(r.outcomes.get(0)).toMatchObject({ ok: true, ms: 0.2 });
  });

  it('in the shell, an fping that cannot start (exit 4, silent: no /etc/protocols in an image) gives way to ping', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'fd-pingbin-'));
    try {
      writeFileSync(join(bin, 'fping'), '#!/bin/sh\nexit 4\n');
      writeFileSync(join(bin, 'ping'), '#!/bin/sh\necho "1 packets transmitted, 1 received, 0% packet loss, time 0ms"\necho "rtt min/avg/max/mdev = 0.1/0.25/0.3/0.0 ms"\n');
      chmodSync(join(bin, 'fping'), 0o755);
      chmodSync(join(bin, 'ping'), 0o755);
      const env = { ...process.env, PATH: `${bin}:/usr/bin:/bin` };
      const runner: MeshRunner = {
        exec: (_ns, argv) =>
          new Promise((resolve) => execFile(argv[0]!, argv.slice(1), { env }, (e, stdout, stderr) => resolve({ stdout, stderr, code: e ? ((e as any).code ?? 1) : 0 }))),
      };
      const r = await pingBatch(runner, undefined, [{ id: 0, to: '10.0.0.2' }, { id: 1, to: '10.0.0.3', size: 1422, df: true }], 500, { node: 'n1', full: false });
      expect(r.outcomes.get(0)).toMatchObject({ ok: true, ms: 0.25 });
      expect(r.outcomes.get(1)).toMatchObject({ ok: true, ms: 0.25 });
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
