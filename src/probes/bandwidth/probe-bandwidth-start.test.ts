/**
 * A slow iperf3 server (a loaded machine): the client is refused while the server starts and asks
 * again for a time, not for a fixed count. The runner is a fake: what is tested is the waiting, not iperf3.
 */
import { describe, expect, it } from 'vitest';
import type { MeshRunner } from '../mesh/types.js';
import { probeBandwidth } from './probe-bandwidth.js';

const REFUSED = JSON.stringify({ error: 'unable to connect to server - server may have stopped running or use a different port, firewall issue, etc.: Connection refused' });
const MEASURED = JSON.stringify({ start: { tcp_mss_default: 1448 }, end: { sum_sent: { bytes: 1, retransmits: 0 }, sum_received: { bits_per_second: 4e8, seconds: 1 }, streams: [{ sender: { mean_rtt: 100, min_rtt: 50 } }] } });

/** Refuses the first `refusals` client runs; the server run ends when a client got through (or never). */
function slowServer(refusals: number): MeshRunner & { clients: number } {
  let served: () => void = () => {};
  const state = {
    clients: 0,
    async exec(_ns: string | undefined, argv: string[]) {
      if (argv.includes('-s')) {
        await new Promise<void>((r) => (served = r));
        return { code: 0, stdout: '', stderr: '' };
      }
      if (argv.includes('-c')) {
        state.clients++;
        if (state.clients <= refusals) return { code: 1, stdout: REFUSED, stderr: '' };
        served();
        return { code: 0, stdout: MEASURED, stderr: '' };
      }
      return { code: 0, stdout: '', stderr: '' };
    },
  };
  return state;
}

const targets = [
  { name: 'n1', underlayIp: '10.0.0.1', netns: 'a' },
  { name: 'n2', underlayIp: '10.0.0.2', netns: 'b' },
];

describe('probeBandwidth waits for its server', () => {
  it('refused 20 times (about 4 s) before the server listens: still measured', async () => {
    const runner = slowServer(20);
    const { results } = await probeBandwidth(targets as any, { runner, seconds: 1, pairs: [['n1', 'n2']] });
    expect(results[0]!.underlay).toMatchObject({ ok: true, bitsPerSecond: 4e8 });
    expect(runner.clients).toBe(21);
  }, 20_000);
});
