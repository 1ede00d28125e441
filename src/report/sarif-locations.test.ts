import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../sources/bundle/read.js';
import { diagnoseAndRender } from '../cli/diagnose-pipeline.js';
import { artifactUris, pathUri } from './sarif-locations.js';

const root = join(import.meta.dirname, '..', '..');

describe('SARIF physical locations', () => {
  it('paths become relative URIs with /, absolute ones file: URIs', () => {
    expect(pathUri('./a/b c/#1.json')).toBe('a/b%20c/%231.json');
    expect(pathUri('/srv/b.tgz')).toBe('file:///srv/b.tgz');
  });

  it('node findings point at node evidence first, capture findings at the captures', () => {
    expect(artifactUris({ nodes: ['n1'], pods: [] }, { nodeEvidence: 'ev', bundle: 'b', files: { nodes: ['nodes.json'] } })).toEqual(['ev', 'b/nodes.json', 'b']);
    expect(artifactUris({ nodes: ['n1', 'n2'], pods: [] }, { captures: ['n1.pcap', 'n2.pcap'] })).toEqual(['n1.pcap', 'n2.pcap']);
    expect(artifactUris({ nodes: [], pods: [] }, {})).toEqual(['kubernetes/cluster']);
  });

  it('diagnose --bundle examples/broken-cluster -o sarif: every result points at a file of the bundle that exists', async () => {
    const bundle = 'examples/broken-cluster';
    const { evidence } = await readBundle(join(root, bundle));
    expect(evidence.cluster?.files?.pods).toEqual(['pods.json']);
    const { output } = diagnoseAndRender(evidence, { format: 'sarif', inputs: { bundle } });
    const results = JSON.parse(output).runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const uri: string = r.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri, r.ruleId).toMatch(/^examples\/broken-cluster\/\w+\.json$/);
      expect(existsSync(join(root, decodeURIComponent(uri))), uri).toBe(true);
    }
  });
});
