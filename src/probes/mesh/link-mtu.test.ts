import { describe, expect, it } from 'vitest';
import { linkMtu, withMeasuredMtus } from './link-mtu.js';
import type { MeshRunner } from './types.js';

/** A fake kernel: MTUs by "netns/dev"; anything else is "Device does not exist". */
const kernel = (mtus: Record<string, number>): MeshRunner & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    async exec(netns, argv) {
      const key = `${netns ?? '-'}/${argv[argv.length - 1]}`;
      calls.push(key);
      const mtu = mtus[key];
      return mtu ? { stdout: `7: ${argv[argv.length - 1]}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${mtu} qdisc noqueue state UP mode DEFAULT\n`, stderr: '', code: 0 } : { stdout: '', stderr: 'Device does not exist.', code: 1 };
    },
  };
};

describe('the senders\' real MTUs', () => {
  it('reads a link\'s MTU in a namespace, undefined when the link is not there', async () => {
    const k = kernel({ 'ns1/flannel.1': 1350 });
    expect(await linkMtu('flannel.1', 'ns1', k)).toBe(1350);
    expect(await linkMtu('flannel.1', 'ns2', k)).toBeUndefined();
  });

  it('fills flannel.1 and the pod eth0 where they can be read, keeps what the target said elsewhere', async () => {
    const k = kernel({ 'n1/flannel.1': 1350, '/proc/9/ns/net/eth0': 1350, 'n2/flannel.1': 8950 });
    const out = await withMeasuredMtus(
      [
        { name: 'n1', netns: 'n1', underlayIp: '10.0.0.1', flannelIp: '10.244.0.0', flannelMtu: 1450, pod: { ip: '10.244.0.5', netns: '/proc/9/ns/net', mtu: 1450 } },
        { name: 'n2', netns: 'n2', underlayIp: '10.0.0.2', flannelIp: '10.244.1.0', pod: { ip: '10.244.1.5' } },
        { name: 'n3', netns: 'n3', underlayIp: '10.0.0.3', flannelMtu: 1400 },
      ],
      k,
    );
    expect(out.map((t) => [t.flannelMtu, t.pod?.mtu])).toEqual([[1350, 1350], [8950, undefined], [1400, undefined]]);
  });
});
