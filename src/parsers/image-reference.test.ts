import { describe, expect, it } from 'vitest';
import { parseImageReference, registryOf, splitHostPort } from './image-reference.js';

const H = 'a'.repeat(64);

describe('parseImageReference: valid references normalise like distribution/reference', () => {
  const cases: [string, { domain: string; path: string; tag?: string; digest?: string; canonical: string; port?: string }][] = [
    ['nginx', { domain: 'docker.io', path: 'library/nginx', canonical: 'docker.io/library/nginx:latest' }],
    ['nginx:1.25', { domain: 'docker.io', path: 'library/nginx', tag: '1.25', canonical: 'docker.io/library/nginx:1.25' }],
    ['library/nginx:1.25', { domain: 'docker.io', path: 'library/nginx', tag: '1.25', canonical: 'docker.io/library/nginx:1.25' }],
    ['bitnami/redis', { domain: 'docker.io', path: 'bitnami/redis', canonical: 'docker.io/bitnami/redis:latest' }],
    ['docker.io/nginx', { domain: 'docker.io', path: 'library/nginx', canonical: 'docker.io/library/nginx:latest' }],
    ['index.docker.io/nginx', { domain: 'docker.io', path: 'library/nginx', canonical: 'docker.io/library/nginx:latest' }],
    ['index.docker.io/bitnami/redis:7', { domain: 'docker.io', path: 'bitnami/redis', tag: '7', canonical: 'docker.io/bitnami/redis:7' }],
    // registry-1.docker.io is a host of its own for the grammar (no rewrite).
    ['registry-1.docker.io/library/nginx', { domain: 'registry-1.docker.io', path: 'library/nginx', canonical: 'registry-1.docker.io/library/nginx:latest' }],
    ['registry/app', { domain: 'docker.io', path: 'registry/app', canonical: 'docker.io/registry/app:latest' }],
    ['localhost/app', { domain: 'localhost', path: 'app', canonical: 'localhost/app:latest' }],
    ['localhost:5000/app:v1', { domain: 'localhost:5000', path: 'app', tag: 'v1', port: '5000', canonical: 'localhost:5000/app:v1' }],
    ['reg.local:5000/team/app:1.0', { domain: 'reg.local:5000', path: 'team/app', tag: '1.0', port: '5000', canonical: 'reg.local:5000/team/app:1.0' }],
    [`registry:5000/a/b@sha256:${H}`, { domain: 'registry:5000', path: 'a/b', digest: `sha256:${H}`, port: '5000', canonical: `registry:5000/a/b@sha256:${H}` }],
    [`ghcr.io/flannel-io/flannel:v0.28.9@sha256:${H}`, { domain: 'ghcr.io', path: 'flannel-io/flannel', tag: 'v0.28.9', digest: `sha256:${H}`, canonical: `ghcr.io/flannel-io/flannel:v0.28.9@sha256:${H}` }],
    ['[::1]:5000/app', { domain: '[::1]:5000', path: 'app', port: '5000', canonical: '[::1]:5000/app:latest' }],
    ['Reg.Example.com/app', { domain: 'Reg.Example.com', path: 'app', canonical: 'Reg.Example.com/app:latest' }],
    ['registry.k8s.io/pause:3.10', { domain: 'registry.k8s.io', path: 'pause', tag: '3.10', canonical: 'registry.k8s.io/pause:3.10' }],
    ['quay.io/a__b/c-d.e:tag_1', { domain: 'quay.io', path: 'a__b/c-d.e', tag: 'tag_1', canonical: 'quay.io/a__b/c-d.e:tag_1' }],
  ];
  for (const [input, want] of cases) {
    it(input, () => {
      const r = parseImageReference(input);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.ref.domain).toBe(want.domain);
      expect(r.ref.path).toBe(want.path);
      expect(r.ref.tag).toBe(want.tag);
      expect(r.ref.digest).toBe(want.digest);
      expect(r.ref.port).toBe(want.port);
      expect(r.ref.canonical).toBe(want.canonical);
      expect(r.ref.name).toBe(`${want.domain}/${want.path}`);
      expect(r.ref.dockerHub).toBe(want.domain === 'docker.io');
    });
  }
});

describe('parseImageReference: invalid references give the runtime\'s words as data', () => {
  const cases: [string, string][] = [
    ['', 'repository name must have at least one component'],
    ['ACTOKEY', 'invalid reference format: repository name (library/ACTOKEY) must be lowercase'],
    ['team/MyApp:1', 'invalid reference format: repository name (team/MyApp) must be lowercase'],
    ['Registry/app', 'invalid reference format: repository name (Registry/app) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx :1', 'invalid reference format'],
    [' nginx', 'invalid reference format'],
    ['ko://github.com/a/b', 'invalid reference format'],
    ['http://reg.local/app', 'invalid reference format'],
    ['reg.local/app:bad tag', 'invalid reference format'],
    ['reg.local//app', 'invalid reference format'],
    [H, `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`],
    [`nginx@sha256:${'a'.repeat(40)}`, 'invalid checksum digest length'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`reg.local/${'a'.repeat(260)}`, 'repository name must not be more than 255 characters'],
  ];
  for (const [input, error] of cases) {
    it(JSON.stringify(input.slice(0, 40)), () => {
      const r = parseImageReference(input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBe(error);
      expect(r.original).toBe(input);
    });
  }
});

describe('helpers', () => {
  it('registryOf names the normalised registry or undefined', () => {
    expect(registryOf('nginx')).toBe('docker.io');
    expect(registryOf('reg.local:5000/a')).toBe('reg.local:5000');
    expect(registryOf('BAD')).toBeUndefined();
  });
  it('splitHostPort keeps IPv6 brackets', () => {
    expect(splitHostPort('[::1]:5000')).toEqual({ host: '[::1]', port: '5000' });
    expect(splitHostPort('reg.local')).toEqual({ host: 'reg.local' });
    expect(splitHostPort('reg.local:443')).toEqual({ host: 'reg.local', port: '443' });
  });
});

describe('parseImageReference memo', () => {
  it('parses a reference once and shares the frozen answer, good or bad', () => {
    const a = parseImageReference('reg.example.com:5000/team/app:1.2');
    expect(parseImageReference('reg.example.com:5000/team/app:1.2')).toBe(a);
    expect(a.ok && a.ref).toMatchObject({ domain: 'reg.example.com:5000', path: 'team/app', tag: '1.2', port: '5000' });
    expect(Object.isFrozen(a) && a.ok && Object.isFrozen(a.ref)).toBe(true);
    const bad = parseImageReference('UPPER/Case');
    expect(bad.ok).toBe(false);
    expect(parseImageReference('UPPER/Case')).toBe(bad);
  });
});
