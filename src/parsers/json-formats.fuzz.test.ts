import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCniConfig, requiredBinaries, ipamSubnets } from './cni-config.js';
import { parseDockerDaemon } from './docker-daemon.js';
import { assertLocated, FUZZ_RUNS, mutated, noise } from './fuzz-inputs.js';
import { parseBridgeFdb, parseIpLinks, parseIpNeigh, parseIpRoutes } from './iproute-json.js';
import { jsonErrorOffset, parseJsonText } from './json-text.js';

const fx = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');

const CNI_SAMPLES = [
  '{"name":"cbr0","cniVersion":"0.3.1","plugins":[{"type":"flannel","delegate":{"hairpinMode":true,"isDefaultGateway":true}},{"type":"portmap","capabilities":{"portMappings":true}}]}',
  '{"cniVersion":"1.0.0","name":"br","type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":"10.9.0.0/24"}]]}}',
];

/** Random objects with the keys the parsers look at, holding values of any type. */
const cniShaped = fc
  .record(
    {
      name: fc.jsonValue({ maxDepth: 1 }),
      cniVersion: fc.oneof(fc.constantFrom('0.3.1', '1.0.0', '9'), fc.jsonValue({ maxDepth: 1 })),
      type: fc.oneof(fc.constantFrom('flannel', 'bridge'), fc.jsonValue({ maxDepth: 1 })),
      plugins: fc.oneof(fc.array(fc.record({ type: fc.jsonValue({ maxDepth: 1 }), delegate: fc.jsonValue({ maxDepth: 2 }), ipam: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] })), fc.jsonValue({ maxDepth: 2 })),
      ipam: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

describe('fuzz: JSON node formats never throw and locate every problem', () => {
  it('CNI configs', () => {
    const F = '/etc/cni/net.d/10-flannel.conflist';
    fc.assert(
      fc.property(fc.oneof(mutated(CNI_SAMPLES), noise(), cniShaped), (text) => {
        const c = parseCniConfig(text, F);
        requiredBinaries(c);
        ipamSubnets(c);
        assertLocated(c.problems, F, text);
        expect(c.valid).toBe(c.problems.length === 0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('docker daemon.json', () => {
    const F = '/etc/docker/daemon.json';
    const shaped = fc.record({ 'registry-mirrors': fc.jsonValue({ maxDepth: 2 }), 'insecure-registries': fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }).map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(fc.oneof(mutated(['{"registry-mirrors":["https://mirror.gcr.io"],"insecure-registries":["reg.local:5000"]}']), noise(), shaped), (text) => {
        assertLocated(parseDockerDaemon(text, F).problems, F, text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('iproute2 JSON (links, routes, neighbours, fdb) from real output', () => {
    const samples = ['ip-link-stats.json', 'ip-addr.json', 'ip-route.json', 'ip-neigh.json', 'ip-fdb.json'].map(fx);
    fc.assert(
      fc.property(fc.oneof(mutated(samples), noise()), (text) => {
        for (const parse of [parseIpLinks, parseIpRoutes, parseIpNeigh, parseBridgeFdb]) assertLocated(parse(text, 'ip -j').problems, 'ip -j', text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('the JSON error locator agrees with JSON.parse about validity', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(CNI_SAMPLES), noise()), (text) => {
        const r = parseJsonText(text, 'f');
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const off = jsonErrorOffset(body);
        expect(off).toBeGreaterThanOrEqual(0);
        expect(off).toBeLessThanOrEqual(body.length);
        // Valid JSON has no error before its end; a value means JSON.parse accepted it.
        if (r.value !== undefined) expect(off).toBe(body.length);
        else expect(r.problems.length).toBe(1);
        assertLocated(r.problems, 'f', text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
