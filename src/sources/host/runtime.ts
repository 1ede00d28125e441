import type { RegistryHostConfig } from '../../evidence/node.js';
import { parseContainerdConfig } from '../../parsers/containerd-config.js';
import { parseDockerDaemon } from '../../parsers/docker-daemon.js';
import { parseHostsToml } from '../../parsers/hosts-toml.js';
import { parseResolvConf } from '../../parsers/resolv-conf.js';
import type { GatherContext } from './context.js';

/** containerd config locations: the default, then k3s/rke2's generated one. */
export const CONTAINERD_CONFIGS = ['/etc/containerd/config.toml', '/var/lib/rancher/k3s/agent/etc/containerd/config.toml', '/var/lib/rancher/rke2/agent/etc/containerd/config.toml'];
export const DEFAULT_CERTS_D = '/etc/containerd/certs.d';

export async function gatherContainerd(ctx: GatherContext): Promise<void> {
  for (const file of CONTAINERD_CONFIGS) {
    const r = await ctx.files.read(file, 1024 * 1024);
    if (r.error) ctx.problem({ file, message: `cannot read: ${r.error}` });
    if (r.text === undefined) continue;
    ctx.node.containerd = parseContainerdConfig(r.text, file);
    break;
  }
  // Looked at every known place: "no config" (containerd defaults) is itself evidence.
  ctx.gathered('containerd');
}

/**
 * certs.d/<namespace>/hosts.toml for every dir of containerd's config_path (':'-separated). When
 * config_path is empty, the default /etc/containerd/certs.d is still read but marked
 * `inConfigPath: false`, because containerd then ignores it (facts §5.1).
 */
export async function gatherRegistryHosts(ctx: GatherContext): Promise<void> {
  const configured = (ctx.node.containerd?.configPath ?? '').split(':').filter(Boolean);
  const dirs = configured.length ? configured : [DEFAULT_CERTS_D];
  const out: RegistryHostConfig[] = [];
  for (const dir of dirs) {
    for (const ns of (await ctx.files.list(dir)) ?? []) {
      const base = `${dir.replace(/\/$/, '')}/${ns}`;
      if (!(await ctx.files.isDir(base))) continue;
      const file = `${base}/hosts.toml`;
      const r = await ctx.files.read(file, 256 * 1024);
      let cfg: RegistryHostConfig;
      if (r.text !== undefined) cfg = parseHostsToml(r.text, file, ns);
      else {
        // Docker-style cert dir without hosts.toml: *.crt are CAs (facts §5.2).
        const crts = ((await ctx.files.list(base)) ?? []).filter((n) => n.endsWith('.crt')).map((n) => `${base}/${n}`);
        if (!crts.length && !r.error) continue;
        cfg = { namespace: ns, file: base, hosts: [], problems: r.error ? [{ file, message: `cannot read: ${r.error}` }] : [] };
        if (crts.length) cfg.ca = crts;
      }
      cfg.inConfigPath = configured.length > 0;
      out.push(cfg);
    }
  }
  ctx.node.registryHosts = out;
  ctx.gathered('registryHosts');
}

export async function gatherDockerDaemon(ctx: GatherContext): Promise<void> {
  const file = '/etc/docker/daemon.json';
  const r = await ctx.files.read(file, 256 * 1024);
  if (r.error) ctx.problem({ file, message: `cannot read: ${r.error}` });
  else if (r.text !== undefined) ctx.node.dockerDaemon = parseDockerDaemon(r.text, file);
  if (!r.error) ctx.gathered('dockerDaemon');
}

export async function gatherResolvConf(ctx: GatherContext): Promise<void> {
  const file = '/etc/resolv.conf';
  const r = await ctx.files.read(file, 64 * 1024);
  if (r.error) ctx.problem({ file, message: `cannot read: ${r.error}` });
  else if (r.text !== undefined) ctx.node.resolvConf = parseResolvConf(r.text, file);
  if (!r.error) ctx.gathered('resolvConf');
  // Behind a 127.0.0.53 stub, systemd-resolved keeps the upstream list here: the value a fix forwards to.
  const upstream = '/run/systemd/resolve/resolv.conf';
  const u = await ctx.files.read(upstream, 64 * 1024);
  if (u.error) ctx.problem({ file: upstream, message: `cannot read: ${u.error}` });
  else if (u.text !== undefined) ctx.node.resolvedUpstream = parseResolvConf(u.text, upstream);
}
