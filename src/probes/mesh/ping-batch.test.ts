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

  it('falls back to the shell when fping cannot be started there', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv[0] === 'fping' ? { stdout: '', stderr: 'nsenter: failed to execute fping: No such file or directory', code: 127 } : { stdout: '@@pings\n/tmp/x/p0:rtt min/avg/max/mdev = 0.1/0.2/0.3/0.0 ms\n@rc 0 0\n', stderr: '', code: 0 },
    );
    const r = await pingBatch(runner, 'ns1', [{ id: 0, to: '10.0.0.2' }], 1000);
    expect(calls.map((a) => a[0])).toEqual(['fping', 'sh']);
    expect(r.outcomes.get(0)).toMatchObject({ ok: true, ms: 0.2 });
  });
});
