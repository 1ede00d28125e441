/** The iperf3 command lines probeBandwidth runs, with a fake runner (no namespaces, no iperf3). */
import { describe, expect, it } from 'vitest';
import { parseBitrate } from '../../cli/commands/probe-bandwidth-run.js';
import type { MeshRunner, MeshTarget } from '../mesh/types.js';
import { probeBandwidth } from './probe-bandwidth.js';

const targets: MeshTarget[] = [
  { name: 'n1', netns: 'x-n1', underlayIp: '172.31.250.11', pod: { ip: '10.244.0.2', netns: 'x-p1' } },
  { name: 'n2', netns: 'x-n2', underlayIp: '172.31.250.12', pod: { ip: '10.244.1.2', netns: 'x-p2' } },
];

async function clientArgs(bitrate?: number): Promise<string[][]> {
  const seen: string[][] = [];
  const runner: MeshRunner = {
    async exec(_netns, argv) {
      if (argv.includes('-c')) seen.push(argv);
      // no iperf3 here: every run fails at once, the probe still ends
      return argv.some((a) => a === 'iperf3') ? { stdout: '', stderr: 'timeout: failed to run command iperf3: No such file or directory', code: 127 } : { stdout: '', stderr: '', code: 0 };
    },
  };
  await probeBandwidth(targets, { seconds: 1, pairs: [['n1', 'n2']], runner, ...(bitrate ? { bitrate } : {}) });
  return seen;
}

describe('probe bandwidth --bitrate', () => {
  it('caps both runs with iperf3 -b; without it no cap', async () => {
    const capped = await clientArgs(500e6);
    expect(capped).toHaveLength(2);
    for (const a of capped) expect(a.slice(a.indexOf('-b'))).toEqual(['-b', '500000000']);
    for (const a of await clientArgs()) expect(a).not.toContain('-b');
  });

  it.each([
    ['500M', 500e6],
    ['1G', 1e9],
    ['1.5g', 1.5e9],
    ['800000000', 8e8],
    ['250k', 250e3],
  ])('parses %s', (v, bps) => {
    expect(parseBitrate(v)).toBe(bps);
  });

  it.each(['', 'fast', '500MB', '-1G', '10k', '1T'])('refuses "%s" in one line', (v) => {
    expect(() => parseBitrate(v)).toThrow(/^--bitrate takes bits per second/);
  });
});
