import { testTempDir } from '../../test-temp-dir.js';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyNode, type NodeEvidence } from '../../evidence/node.js';
import { fillSteps } from '../../fix/steps.js';
import { plainHttpFix, runtimeFix, runtimeOf } from './_runtime-fix.js';

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

describe('plainHttpFix: the catalog\'s containerd hosts.toml steps, filled from the node', () => {
  const nodeWith = (dir: string, files: string[]) => ({ ...emptyNode('n2'), containerd: { file: '/etc/containerd/config.toml', configPath: dir }, registryHosts: files.map((file) => ({ file })) }) as unknown as NodeEvidence;
  const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });

  it('writes a new hosts.toml with the http:// server, and its verify passes only then', () => {
    const dir = testTempDir('fd-certs-');
    const steps = fillSteps(plainHttpFix('reg.lab:5000', nodeWith(dir, []))!, {});
    const file = `${dir}/reg.lab:5000/hosts.toml`;
    expect(steps[0]).toEqual({
      text: `reg.lab:5000 speaks plain HTTP: on n2, write ${file} with the http:// server (containerd reads it on the next pull)`,
      on: 'node',
      run: `mkdir -p ${dir}/reg.lab:5000 && printf '%s\\n' 'server = "http://reg.lab:5000"' '' '[host."http://reg.lab:5000"]' '  capabilities = ["pull", "resolve"]' > ${file}`,
      verify: `grep -qF 'server = "http://reg.lab:5000"' ${file} && ! grep -qF 'https://reg.lab:5000' ${file}`,
      changes: [file],
    });
    expect(sh(steps[0].verify!).status).not.toBe(0);
    expect(sh(steps[0].run!).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('server = "http://reg.lab:5000"\n\n[host."http://reg.lab:5000"]\n  capabilities = ["pull", "resolve"]\n');
    expect(sh(steps[0].verify!).status).toBe(0);
  });

  it('rewrites only the scheme of this registry in an existing hosts.toml', () => {
    const dir = testTempDir('fd-certs-');
    const file = `${dir}/reg.lab:5000/hosts.toml`;
    mkdirSync(`${dir}/reg.lab:5000`);
    writeFileSync(file, 'server = "https://reg.lab:5000"\n[host."https://reg.lab:5000/v2"]\n  capabilities = ["pull"]\n[host."https://regxlab:5000"]\n');
    const steps = fillSteps(plainHttpFix('reg.lab:5000', nodeWith(dir, [file]))!, {});
    expect(steps[0]).toEqual({
      text: `reg.lab:5000 speaks plain HTTP: on n2, make ${file} name http://reg.lab:5000 where it says https:// (every other setting kept; containerd reads it on the next pull)`,
      on: 'node',
      run: `sed -i 's#https://reg\\.lab:5000\\([/"]\\)#http://reg.lab:5000\\1#g' ${file}`,
      verify: `grep -qF 'server = "http://reg.lab:5000"' ${file} && ! grep -qF 'https://reg.lab:5000' ${file}`,
      changes: [file],
    });
    expect(sh(steps[0].run!).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('server = "http://reg.lab:5000"\n[host."http://reg.lab:5000/v2"]\n  capabilities = ["pull"]\n[host."https://regxlab:5000"]\n');
    expect(sh(steps[0].verify!).status).toBe(0);
  });
});
