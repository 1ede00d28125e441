import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { cidrContains, parseCidr4, parseNetConf } from './net-conf.js';
import { SHARED } from '../../test/shared-dir.js';

describe('parseNetConf on the official manifests', () => {
  for (const v of ['v0.17.0', 'v0.22.0', 'v0.28.9']) {
    it(`kube-flannel-${v}.yml is valid vxlan on 10.244.0.0/16`, () => {
      const docs = parseAllDocuments(readFileSync(`${SHARED}/data/flannel/kube-flannel-${v}.yml`, 'utf8')).map((d) => d.toJS());
      const cm = docs.find((d) => d?.kind === 'ConfigMap' && d.metadata?.name === 'kube-flannel-cfg');
      const nc = parseNetConf(cm.data['net-conf.json']);
      expect(nc.problems).toEqual([]);
      expect(nc.valid).toBe(true);
      expect(nc.network).toBe('10.244.0.0/16');
      expect(nc.backendType).toBe('vxlan');
      expect(nc.backendExplicit).toBe(true);
    });
  }
});

describe('parseNetConf problems', () => {
  const cases: [string, string, { backendType?: string; field?: string; message: RegExp; line?: number }][] = [
    ['Backend absent means udp', '{"Network": "10.244.0.0/16"}', { backendType: 'udp', field: 'Backend', message: /udp backend/ }],
    ['Backend empty means udp', '{"Network": "10.244.0.0/16", "Backend": {}}', { backendType: 'udp', field: 'Backend', message: /udp backend/ }],
    ['Backend without Type', '{"Network": "10.244.0.0/16", "Backend": {"VNI": 1}}', { field: 'Backend.Type', message: /unknown backend type: "/ }],
    ['unknown backend', '{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan2"}}', { backendType: 'vxlan2', field: 'Backend.Type', message: /unknown backend type "vxlan2"/ }],
    ['bad JSON with line', '{\n  "Network": "10.244.0.0/16",\n  "Backend": {"Type": "vxlan"},\n}', { message: /invalid JSON/, line: 4 }],
    ['Network missing', '{"Backend": {"Type": "vxlan"}}', { backendType: 'vxlan', field: 'Network', message: /Network is missing/ }],
    ['Network not a CIDR', '{"Network": "10.244.0.0", "Backend": {"Type": "vxlan"}}', { backendType: 'vxlan', field: 'Network', message: /not an IPv4 CIDR/ }],
    ['not an object', '["10.244.0.0/16"]', { message: /must be a JSON object/ }],
    ['EnableIPv4 as a string', '{"Network": "10.244.0.0/16", "EnableIPv4": "true", "Backend": {"Type": "vxlan"}}', { backendType: 'vxlan', field: 'EnableIPv4', message: /true or false/ }],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      const nc = parseNetConf(text, '/etc/kube-flannel/net-conf.json');
      expect(nc.backendType).toBe(want.backendType);
      expect(nc.problems.length).toBeGreaterThan(0);
      const p = nc.problems[0];
      expect(p.message).toMatch(want.message);
      expect(p.file).toBe('/etc/kube-flannel/net-conf.json');
      if (want.field) expect(p.field).toBe(want.field);
      if (want.line) expect(p.line).toBe(want.line);
    });
  }

  it('keys match case-insensitively like Go encoding/json; type is lower-cased', () => {
    const nc = parseNetConf('{"network": "10.42.0.0/16", "backend": {"type": "VXLAN"}}');
    expect(nc.problems).toEqual([]);
    expect(nc.network).toBe('10.42.0.0/16');
    expect(nc.backendType).toBe('vxlan');
  });

  it('IPv6-only config needs no Network', () => {
    const nc = parseNetConf('{"EnableIPv4": false, "EnableIPv6": true, "IPv6Network": "2001:cafe:42::/56", "Backend": {"Type": "host-gw"}}');
    expect(nc.problems).toEqual([]);
    expect(nc.backendType).toBe('host-gw');
  });
});

describe('CIDR helpers', () => {
  it.each([
    ['10.244.0.0/16', '10.244.3.0/24', true],
    ['10.244.0.0/16', '10.245.0.0/24', false],
    ['10.244.0.0/16', '10.244.0.0/16', true],
    ['10.244.0.0/24', '10.244.0.0/16', false],
    ['10.0.0.0/8', '10.42.1.0/24', true],
    ['0.0.0.0/0', '192.168.1.0/24', true],
  ])('%s contains %s: %s', (outer, inner, want) => expect(cidrContains(parseCidr4(outer)!, parseCidr4(inner)!)).toBe(want));
  it('rejects non-CIDRs', () => {
    expect(parseCidr4('10.244.0.0')).toBeUndefined();
    expect(parseCidr4('300.1.1.1/8')).toBeUndefined();
    expect(parseCidr4('10.0.0.0/33')).toBeUndefined();
  });
});
