import { describe, expect, it } from 'vitest';
import { addrFromTop, hostVeth } from './netns.js';

describe('registry addressing', () => {
  it('counts host addresses from the top of the underlay CIDR', () => {
    expect(addrFromTop('172.31.250.0/24', 1)).toBe('172.31.250.254');
    expect(addrFromTop('172.31.250.0/24', 10)).toBe('172.31.250.245');
    expect(addrFromTop('10.0.0.0/16', 1)).toBe('10.0.255.254');
    expect(() => addrFromTop('nonsense', 1)).toThrow(/not an IPv4 CIDR/);
  });

  it('keeps veth names within 15 bytes and distinct', () => {
    const a = hostVeth('fdiimg2828', 'reg-tls');
    const b = hostVeth('fdiimg2828', 'reg-auth');
    expect(a.length).toBeLessThanOrEqual(15);
    expect(a).not.toBe(b);
    expect(hostVeth('fdlab', 'reg-auth')).toBe('fdlab-reg-auth');
  });
});
