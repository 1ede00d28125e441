import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { containerdConfigToml, containerdNodeFiles, hostsToml } from './containerd-config.js';
import type { LabRegistry } from '../types.js';

const reg = (name: string, host: string, scheme: 'http' | 'https'): LabRegistry => ({ name, host, ip: '172.31.250.240', port: 5000, scheme, auth: false, netns: 'x' });

describe('containerd node files', () => {
  it('config.toml is version 2 with per-node paths and the certs.d config_path', () => {
    const cfg = parse(containerdConfigToml('/lab/nodes/n1')) as any;
    expect(cfg.version).toBe(2);
    expect(cfg.root).toBe('/lab/nodes/n1/var/lib/containerd');
    expect(cfg.grpc.address).toBe('/lab/nodes/n1/run/containerd/containerd.sock');
    const cri = cfg.plugins['io.containerd.grpc.v1.cri'];
    expect(cri.registry.config_path).toBe('/lab/nodes/n1/etc/containerd/certs.d');
    expect(cri.cni.conf_dir).toBe('/lab/nodes/n1/etc/cni/net.d');
  });

  it('hosts.toml always has a [host] table (Debian containerd 1.6.20 rejects one without)', () => {
    const http = parse(hostsToml(reg('reg-http', 'reg-http.example.lab:5000', 'http'), { ca: '/ca.crt' })) as any;
    expect(http.server).toBe('http://reg-http.example.lab:5000');
    expect(http.ca).toBeUndefined(); // no CA on a plain-HTTP host
    expect(http.host['http://reg-http.example.lab:5000'].capabilities).toEqual(['pull', 'resolve']);
    const tls = parse(hostsToml(reg('reg-tls', 'reg-tls.example.lab', 'https'), { ca: '/ca.crt' })) as any;
    expect(tls.host['https://reg-tls.example.lab'].ca).toBe('/ca.crt');
  });

  it('fault variants: forced https, no CA, push-only server behind a mirror', () => {
    const forced = parse(hostsToml(reg('reg-http', 'reg-http.example.lab:5000', 'http'), { forceHttps: true })) as any;
    expect(forced.server).toBe('https://reg-http.example.lab:5000');
    const mirror = parse(hostsToml(reg('reg-http', 'reg-http.example.lab:5000', 'http'), { mirror: { url: 'http://m.example.lab:5000', capabilities: ['pull', 'resolve'] }, serverCapabilities: ['push'] })) as any;
    expect(mirror.capabilities).toEqual(['push']);
    expect(Object.keys(mirror.host)).toEqual(['http://m.example.lab:5000']);
  });

  it('one hosts.toml per registry, in a host:port directory', () => {
    const files = containerdNodeFiles('/n', [reg('reg-http', 'reg-http.example.lab:5000', 'http'), reg('reg-tls', 'reg-tls.example.lab', 'https')], { caFile: '/ca.crt' });
    expect(Object.keys(files).sort()).toEqual([
      '/n/etc/containerd/certs.d/reg-http.example.lab:5000/hosts.toml',
      '/n/etc/containerd/certs.d/reg-tls.example.lab/hosts.toml',
      '/n/etc/containerd/config.toml',
    ]);
  });
});
