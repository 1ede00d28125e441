import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ipamSubnets, parseCniConfig, requiredBinaries } from './cni-config.js';
import { SHARED } from '../../test/shared-dir.js';

// The conflist of the official flannel v0.28.9 manifest (shared/data).
function manifestConflist(): string {
  const docs = readFileSync(`${SHARED}/data/flannel/kube-flannel-v0.28.9.yml`, 'utf8').split(/^---$/m).map((d) => parse(d));
  const cm = docs.find((d) => d?.kind === 'ConfigMap');
  return cm.data['cni-conf.json'];
}
const F = '/etc/cni/net.d/10-flannel.conflist';

describe('CNI config', () => {
  it('reads the official flannel conflist', () => {
    const c = parseCniConfig(manifestConflist(), F);
    expect(c).toMatchObject({ file: F, name: 'cbr0', cniVersion: '0.3.1', pluginTypes: ['flannel', 'portmap'], valid: true, problems: [] });
    expect(requiredBinaries(c).sort()).toEqual(['bridge', 'flannel', 'host-local', 'portmap']);
  });
  it('reads a single-plugin .conf with a static host-local subnet', () => {
    const c = parseCniConfig('{"cniVersion":"1.0.0","name":"br","type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":"10.9.0.0/24"}]]}}', '/etc/cni/net.d/05-br.conf');
    expect(c.valid).toBe(true);
    expect(ipamSubnets(c)).toEqual(['10.9.0.0/24']);
  });
  it('locates broken JSON by line', () => {
    const c = parseCniConfig('{\n  "name": "cbr0",\n  "plugins": [\n    {"type": "flannel"},\n  ]\n}', F);
    expect(c.valid).toBe(false);
    expect(c.problems[0]).toMatchObject({ file: F, line: 5 });
  });
  it('names the field of structural problems', () => {
    const c = parseCniConfig('{"name":"cbr0","cniVersion":"9.9.9","plugins":[{"type":"flannel","delegate":{"name":"x","ipam":{}}},{"nope":1}]}', F);
    expect(c.problems.map((p) => p.field)).toEqual(['cniVersion', 'plugins[0].delegate.name', 'plugins[0].delegate.ipam', 'plugins[1].type']);
    expect(parseCniConfig('{"name":"cbr0","cniVersion":"0.3.1","plugins":[]}', F).problems[0].field).toBe('plugins');
  });
});
