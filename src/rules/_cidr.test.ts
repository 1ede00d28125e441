import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, gatewayCidr, hostCount, ipInCidr, isLoopback, networkAddress, networkCidr, parseCidr, parseIPv4, sameNetwork } from './_cidr.js';

describe('IPv4 CIDR helpers', () => {
  it('parses addresses strictly', () => {
    expect(parseIPv4('10.244.1.1')).toBe(0x0af40101);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['', '10.244.1', '10.244.1.1.1', '256.1.1.1', '1..1.1', '1.1.1.1 ', 'a.b.c.d', '1.1.1.1234', '.1.1.1']) expect(parseIPv4(bad), bad).toBeUndefined();
  });
  it('parses CIDRs and keeps host bits apart from the network', () => {
    expect(parseCidr('10.244.1.1/24')).toMatchObject({ prefix: 24, network: 0x0af40100 });
    expect(parseCidr('10.0.0.1')).toMatchObject({ prefix: 32 });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0/2a')).toBeUndefined();
    expect(networkCidr('10.244.1.1/24')).toBe('10.244.1.0/24');
    expect(networkAddress('10.244.2.0/24')).toBe('10.244.2.0');
    expect(gatewayCidr('10.244.2.0/24')).toBe('10.244.2.1/24');
    expect(hostCount('10.244.2.0/24')).toBe(254);
  });
  it('answers containment and overlap', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.7.0/24')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.7.0/24')).toBe(false);
    expect(cidrContains('10.244.7.0/24', '10.244.0.0/16')).toBe(false);
    expect(cidrOverlaps('10.244.7.0/24', '10.244.0.0/16')).toBe(true);
    expect(ipInCidr('10.244.1.5', '10.244.1.0/24')).toBe(true);
    expect(ipInCidr('10.244.2.5', '10.244.1.0/24')).toBe(false);
    expect(sameNetwork('10.244.1.1/24', '10.244.1.0/24')).toBe(true);
    expect(sameNetwork('10.244.1.0/24', '10.244.1.0/25')).toBe(false);
    expect(ipInCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
  });
  it('knows loopback resolvers', () => {
    expect(['127.0.0.53', '127.0.0.1', '::1'].every(isLoopback)).toBe(true);
    expect(isLoopback('10.96.0.10')).toBe(false);
  });
});
