import { describe, expect, it } from 'vitest';
import { parseSubnetEnv } from './subnet-env.js';

const F = '/run/flannel/subnet.env';

describe('subnet.env', () => {
  it('reads the file flanneld writes (facts §1.7)', () => {
    const s = parseSubnetEnv('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n', F);
    expect(s).toEqual({ file: F, network: '10.244.0.0/16', subnet: '10.244.1.1/24', mtu: 1450, ipmasq: true, problems: [] });
  });
  it('keeps dual-stack and comma-separated values', () => {
    const s = parseSubnetEnv('FLANNEL_NETWORK=10.244.0.0/16,10.245.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_IPV6_NETWORK=fd00::/56\nFLANNEL_IPV6_SUBNET=fd00:0:0:1::1/64\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n', F);
    expect(s.problems).toEqual([]);
    expect(s.ipv6Subnet).toBe('fd00:0:0:1::1/64');
    expect(s.ipmasq).toBe(false);
  });
  it('locates bad values and names missing keys', () => {
    const s = parseSubnetEnv('FLANNEL_SUBNET=10.244.300.1/24\nFLANNEL_MTU=big\njunk\n', F);
    expect(s.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'FLANNEL_SUBNET' }),
        expect.objectContaining({ line: 2, field: 'FLANNEL_MTU' }),
        expect.objectContaining({ line: 3 }),
        expect.objectContaining({ field: 'FLANNEL_NETWORK', message: `${F} is missing FLANNEL_NETWORK` }),
        expect.objectContaining({ field: 'FLANNEL_IPMASQ' }),
      ]),
    );
  });
});
