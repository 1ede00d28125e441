/**
 * Pure generators for a lab node's containerd files: `etc/containerd/config.toml` (config version 2,
 * containerd 1.6) and one `etc/containerd/certs.d/<host>/hosts.toml` per lab registry. No I/O: the
 * core (or startRuntime) writes the returned files under the node root.
 */
import path from 'node:path';
import type { LabRegistry } from '../types.js';

/** Paths of one node's containerd, all under the node root so nodes never share state. */
export interface ContainerdPaths {
  root: string; // persistent dir (content store, snapshots, metadata)
  state: string; // runtime dir (sockets, shim state)
  socket: string;
  config: string;
  certsDir: string;
  log: string;
}

export function containerdPaths(nodeRoot: string): ContainerdPaths {
  return {
    root: path.join(nodeRoot, 'var/lib/containerd'),
    state: path.join(nodeRoot, 'run/containerd'),
    socket: path.join(nodeRoot, 'run/containerd/containerd.sock'),
    config: path.join(nodeRoot, 'etc/containerd/config.toml'),
    certsDir: path.join(nodeRoot, 'etc/containerd/certs.d'),
    log: path.join(nodeRoot, 'var/log/containerd.log'),
  };
}

/** Content store dir: the image-disk-full fault mounts a tiny tmpfs here. */
export function contentDir(nodeRoot: string): string {
  return path.join(containerdPaths(nodeRoot).root, 'io.containerd.content.v1.content');
}

export interface ContainerdConfigOptions {
  snapshotter?: string; // default overlayfs
  sandboxImage?: string;
  /** directory with the lab CA (`<name>.crt` files) referenced by hosts.toml `ca` */
  caFile?: string;
}

const q = (s: string) => JSON.stringify(s); // TOML basic strings accept JSON string escapes

export function containerdConfigToml(nodeRoot: string, opts: ContainerdConfigOptions = {}): string {
  const p = containerdPaths(nodeRoot);
  const cri = '[plugins."io.containerd.grpc.v1.cri"]';
  return [
    '# written by the flannel-doctor lab: one containerd per lab node',
    'version = 2',
    `root = ${q(p.root)}`,
    `state = ${q(p.state)}`,
    // Plugins a pull never needs; btrfs/zfs/devmapper/aufs also log noise when their fs is absent.
    'disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]',
    '',
    '[grpc]',
    `  address = ${q(p.socket)}`,
    '[ttrpc]',
    `  address = ${q(p.socket + '.ttrpc')}`,
    '[debug]',
    '  level = "info"',
    '',
    '[plugins."io.containerd.internal.v1.opt"]',
    `  path = ${q(path.join(nodeRoot, 'opt/containerd'))}`,
    cri,
    '  disable_tcp_service = true',
    '  stream_server_address = "127.0.0.1"',
    '  stream_server_port = "0"',
    `  sandbox_image = ${q(opts.sandboxImage ?? 'registry.k8s.io/pause:3.8')}`,
    '  image_pull_progress_timeout = "1m0s"',
    `[plugins."io.containerd.grpc.v1.cri".containerd]`,
    `  snapshotter = ${q(opts.snapshotter ?? 'overlayfs')}`,
    `[plugins."io.containerd.grpc.v1.cri".cni]`,
    `  bin_dir = ${q(path.join(nodeRoot, 'opt/cni/bin'))}`,
    `  conf_dir = ${q(path.join(nodeRoot, 'etc/cni/net.d'))}`,
    `[plugins."io.containerd.grpc.v1.cri".registry]`,
    `  config_path = ${q(p.certsDir)}`,
    '',
  ].join('\n');
}

/** certs.d directory name for a registry host (containerd looks up `host:port` as written). */
export function hostsDirName(host: string): string {
  return host;
}

export interface HostsTomlOptions {
  /** CA bundle path for TLS registries; omitted → the runtime does not trust the lab CA */
  ca?: string;
  /** force the https scheme even for a plain-HTTP registry (the http-to-https fault) */
  forceHttps?: boolean;
  /** mirror tried before the server; `serverCapabilities` then limits what the server may do */
  mirror?: { url: string; capabilities: string[] };
  serverCapabilities?: string[];
}

export function hostsToml(reg: Pick<LabRegistry, 'host' | 'scheme'>, opts: HostsTomlOptions = {}): string {
  const scheme = opts.forceHttps ? 'https' : reg.scheme;
  const url = `${scheme}://${reg.host}`;
  const ca = opts.ca && scheme === 'https' ? [`ca = ${q(opts.ca)}`] : [];
  const lines = ['# written by the flannel-doctor lab', `server = ${q(url)}`];
  if (opts.serverCapabilities) lines.push(`capabilities = ${JSON.stringify(opts.serverCapabilities)}`);
  lines.push(...ca);
  // Debian's containerd 1.6.20 rejects a hosts.toml without any [host] table ("failed to decode
  // hosts.toml: invalid `host` tree") and silently falls back to https defaults, so always write one.
  if (opts.mirror) {
    lines.push('', `[host.${q(opts.mirror.url)}]`, `  capabilities = ${JSON.stringify(opts.mirror.capabilities)}`);
  } else {
    lines.push('', `[host.${q(url)}]`, '  capabilities = ["pull", "resolve"]', ...ca.map((l) => '  ' + l));
  }
  return lines.join('\n') + '\n';
}

/**
 * All containerd files of one node, keyed by absolute path. `caFile` is the lab CA the TLS
 * registries' certificates chain to.
 */
export function containerdNodeFiles(nodeRoot: string, registries: LabRegistry[], opts: ContainerdConfigOptions = {}): Record<string, string> {
  const p = containerdPaths(nodeRoot);
  const files: Record<string, string> = { [p.config]: containerdConfigToml(nodeRoot, opts) };
  for (const reg of registries) {
    files[path.join(p.certsDir, hostsDirName(reg.host), 'hosts.toml')] = hostsToml(reg, { ca: opts.caFile });
  }
  return files;
}
