import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContainerdConfig } from './containerd-config.js';
import { parseHostsToml } from './hosts-toml.js';

const F = '/etc/containerd/config.toml';

describe('containerd config.toml', () => {
  it('reads the real `containerd config default` of containerd 1.6 (v2 layout)', () => {
    const c = parseContainerdConfig(readFileSync(new URL('./fixtures/containerd-1.6-default.toml', import.meta.url), 'utf8'), F);
    expect(c).toMatchObject({ version: 2, configPath: '', sandboxImage: 'registry.k8s.io/pause:3.6', cniBinDir: '/opt/cni/bin', cniConfDir: '/etc/cni/net.d', mirrors: {}, problems: [] });
  });
  it('reads legacy mirrors and configs without keeping credentials', () => {
    const text = `version = 2
[plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]
  endpoint = ["https://mirror.local", "https://registry-1.docker.io"]
[plugins."io.containerd.grpc.v1.cri".registry.configs."reg.local:5000".tls]
  insecure_skip_verify = true
[plugins."io.containerd.grpc.v1.cri".registry.configs."reg.local:5000".auth]
  username = "u"
  password = "s3cret"
`;
    const c = parseContainerdConfig(text, F);
    expect(c.mirrors['docker.io']).toEqual(['https://mirror.local', 'https://registry-1.docker.io']);
    expect(c.legacyTlsHosts).toEqual(['reg.local:5000']);
    expect(c.legacyAuthHosts).toEqual(['reg.local:5000']);
    expect(JSON.stringify(c)).not.toContain('s3cret');
  });
  it('reads the v3 layout and flags mirrors next to config_path', () => {
    const text = `version = 3
[plugins."io.containerd.cri.v1.images".pinned_images]
  sandbox = "registry.k8s.io/pause:3.10"
[plugins."io.containerd.cri.v1.images".registry]
  config_path = "/etc/containerd/certs.d"
[plugins."io.containerd.cri.v1.images".registry.mirrors."docker.io"]
  endpoint = ["https://m"]
[plugins."io.containerd.cri.v1.runtime".cni]
  bin_dirs = ["/opt/cni/bin", "/usr/lib/cni"]
  conf_dir = "/etc/cni/net.d"
`;
    const c = parseContainerdConfig(text, F);
    expect(c).toMatchObject({ version: 3, configPath: '/etc/containerd/certs.d', sandboxImage: 'registry.k8s.io/pause:3.10', cniBinDir: '/opt/cni/bin:/usr/lib/cni' });
    expect(c.problems[0].field).toBe('plugins."io.containerd.cri.v1.images".registry.mirrors');
  });
  it('locates TOML syntax errors by line', () => {
    expect(parseContainerdConfig('version = 2\n[plugins\n', F).problems[0]).toMatchObject({ file: F, line: 2 });
  });
});

describe('certs.d hosts.toml', () => {
  const H = '/etc/containerd/certs.d/docker.io/hosts.toml';
  it('keeps host tables in file order with their capabilities', () => {
    const text = `server = "https://registry-1.docker.io"
[host."https://mirror-b.local"]
  capabilities = ["pull", "resolve"]
  ca = "/etc/certs/b.crt"
[host."http://mirror-a.local:5000"]
  capabilities = ["pull"]
  skip_verify = true
  [host."http://mirror-a.local:5000".header]
    authorization = "Basic c2VjcmV0"
`;
    const c = parseHostsToml(text, H, 'docker.io');
    expect(c.problems).toEqual([]);
    expect(c.server).toBe('https://registry-1.docker.io');
    expect(c.hosts.map((h) => h.url)).toEqual(['https://mirror-b.local', 'http://mirror-a.local:5000']);
    expect(c.hosts[0]).toMatchObject({ capabilities: ['pull', 'resolve'], ca: ['/etc/certs/b.crt'] });
    expect(c.hosts[1].skipVerify).toBe(true);
    expect(JSON.stringify(c)).not.toContain('c2VjcmV0');
  });
  it('names bad fields', () => {
    const c = parseHostsToml('server = "reg.local"\n[host."https://m"]\ncapabilities = ["pull", "fly"]\nskip_verify = "yes"\n', H, 'docker.io');
    expect(c.problems.map((p) => p.field)).toEqual(['server', 'host."https://m".capabilities', 'host."https://m".skip_verify']);
  });
});
