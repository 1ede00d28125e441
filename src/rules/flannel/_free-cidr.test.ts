import { describe, expect, it } from 'vitest';
import { freeCidr, nodeMask } from './_free-cidr.js';

describe('freeCidr', () => {
  it('gives the first block not taken, inside the cluster network', () => {
    expect(freeCidr('10.42.0.0/16', ['10.42.0.0/24', '10.42.1.0/24'], 24)).toBe('10.42.2.0/24');
    expect(freeCidr('10.244.0.0/16', ['10.244.0.0/24', '10.244.2.0/24'], 24)).toBe('10.244.1.0/24');
    expect(freeCidr('10.244.0.0/16', [], 24)).toBe('10.244.0.0/24');
  });

  it('honours the nodes\' mask and blocks of other sizes', () => {
    expect(freeCidr('10.42.0.0/16', ['10.42.0.0/25'], 25)).toBe('10.42.0.128/25');
    expect(freeCidr('10.42.0.0/16', ['10.42.0.0/23'], 24)).toBe('10.42.2.0/24');
  });

  it('answers nothing when the network is full, unreadable or smaller than the mask', () => {
    expect(freeCidr('10.0.0.0/23', ['10.0.0.0/24', '10.0.1.0/24'], 24)).toBeUndefined();
    expect(freeCidr('nonsense', [], 24)).toBeUndefined();
    expect(freeCidr('10.0.0.0/24', [], 16)).toBeUndefined();
  });
});

describe('nodeMask', () => {
  it('is the mask most nodes have, 24 without any', () => {
    expect(nodeMask(['10.42.0.0/24', '10.42.1.0/24', 'bad'])).toBe(24);
    expect(nodeMask(['10.42.0.0/25', '10.42.0.128/25', '10.42.1.0/24'])).toBe(25);
    expect(nodeMask([])).toBe(24);
  });
});
