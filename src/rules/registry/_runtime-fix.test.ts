import { describe, expect, it } from 'vitest';
import { runtimeFix, runtimeOf } from './_runtime-fix.js';

describe('runtimeOf', () => {
  it.each([
    ['containerd://1.6.6-k3s1', 'containerd'],
    ['docker://20.10.7', 'docker'],
    ['cri-o://1.28.1', 'cri-o'],
    ['', undefined],
    [undefined, undefined],
    ['rkt://1', undefined],
  ])('%s → %s', (v, want) => expect(runtimeOf(v)).toBe(want));
});

describe('runtimeFix never offers another runtime\'s fix', () => {
  const causes = ['registry.tls-untrusted', 'registry.http-to-https', 'registry.mirror-misconfigured'];
  for (const cause of causes) {
    it(`${cause} on containerd: hosts.toml, never daemon.json as the fix`, () => {
      const fix = runtimeFix(cause, 'containerd', 'reg.local:5000')!.join('\n');
      expect(fix).toContain('/etc/containerd/certs.d/');
      expect(fix).not.toMatch(/insecure-registries|\/etc\/docker\/certs\.d/);
      if (cause !== 'registry.mirror-misconfigured') expect(fix).not.toContain('daemon.json');
    });
    it(`${cause} on docker: daemon.json or docker certs.d, never hosts.toml`, () => {
      const fix = runtimeFix(cause, 'docker', 'reg.local:5000')!.join('\n');
      expect(fix).toMatch(/daemon\.json|\/etc\/docker\/certs\.d/);
      expect(fix).not.toContain('hosts.toml');
    });
    it(`${cause} with unknown runtime falls back to the catalog`, () => expect(runtimeFix(cause, undefined, 'reg.local')).toBeUndefined());
  }
  it('the host with its port names the certs.d directory', () => {
    expect(runtimeFix('registry.http-to-https', 'containerd', 'reg.local:5000')!.join('\n')).toContain('/etc/containerd/certs.d/reg.local:5000/hosts.toml');
  });
  it('causes that do not depend on the runtime use the catalog', () => {
    expect(runtimeFix('registry.dns', 'containerd', 'reg.local')).toBeUndefined();
  });
});
