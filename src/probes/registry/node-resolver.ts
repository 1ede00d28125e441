/**
 * Name resolution the way the node does it (containerd's Go resolver): /etc/hosts first, then the
 * nameservers of the node's /etc/resolv.conf, with its search list. We read the files under the host
 * root and query those servers ourselves, so a probe run from a DaemonSet sees the node's view.
 */
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { HostFiles } from '../../sources/host/files.js';

export interface NodeResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** where it came from, for evidence */
  file: string;
}

/**
 * The node's resolv.conf, read inside the host root: on systemd-resolved nodes it is a link to
 * /run/systemd/resolve/…, which must be the node's file, not the one of the machine running the probe.
 */
export async function readNodeResolvConf(hostRoot: string): Promise<NodeResolvConf> {
  const file = join(hostRoot, 'etc/resolv.conf');
  const conf: NodeResolvConf = { nameservers: [], search: [], ndots: 1, file };
  const text = (await new HostFiles(hostRoot).read('/etc/resolv.conf', 256 * 1024)).text;
  if (text === undefined) return conf;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...vals] = line.split(/\s+/);
    if (key === 'nameserver' && vals[0] && isIP(vals[0].replace(/%.*$/, ''))) conf.nameservers.push(vals[0]);
    else if (key === 'search' || key === 'domain') conf.search = vals.filter(Boolean);
    else if (key === 'options') {
      for (const o of vals) {
        const m = /^ndots:(\d+)$/.exec(o);
        if (m) conf.ndots = Math.min(15, Number(m[1]));
      }
    }
  }
  // glibc and Go use at most three nameservers
  conf.nameservers = conf.nameservers.slice(0, 3);
  return conf;
}

export async function readNodeHosts(hostRoot: string): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  const text = (await new HostFiles(hostRoot).read('/etc/hosts', 1024 * 1024)).text;
  if (text === undefined) return map;
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (!ip || !isIP(ip)) continue;
    for (const n of names) {
      const k = n.toLowerCase();
      map.set(k, [...(map.get(k) ?? []), ip]);
    }
  }
  return map;
}

export interface ResolveOutcome {
  addresses: string[];
  via: 'literal' | 'hosts' | 'dns';
  server?: string;
}

/** A resolver bound to one node's files; reuse it for many lookups. */
export class NodeResolver {
  private constructor(
    readonly conf: NodeResolvConf,
    private readonly hosts: Map<string, string[]>,
  ) {}

  static async forHostRoot(hostRoot: string): Promise<NodeResolver> {
    const [conf, hosts] = await Promise.all([readNodeResolvConf(hostRoot), readNodeHosts(hostRoot)]);
    return new NodeResolver(conf, hosts);
  }

  /** Resolves `name` to IPv4 addresses (IPv6 when no A record). Throws a Go-like message on failure. */
  async resolve(name: string, timeoutMs: number): Promise<ResolveOutcome> {
    const host = name.replace(/^\[|\]$/g, '');
    if (isIP(host)) return { addresses: [host], via: 'literal' };
    const fromHosts = this.hosts.get(host.toLowerCase());
    if (fromHosts?.length) return { addresses: fromHosts, via: 'hosts' };
    const server = this.conf.nameservers.map((s) => (isIP(s) === 6 ? `[${s}]:53` : `${s}:53`)).join(', ') || 'no nameserver';
    if (!this.conf.nameservers.length) throw new Error(`lookup ${host}: no nameserver in ${this.conf.file}`);
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / Math.max(1, this.conf.nameservers.length))), tries: 1 });
    resolver.setServers(this.conf.nameservers);
    const dots = host.split('.').length - 1;
    const candidates = dots >= this.conf.ndots || !this.conf.search.length ? [host, ...this.conf.search.map((s) => `${host}.${s}`)] : [...this.conf.search.map((s) => `${host}.${s}`), host];
    let last: Error | undefined;
    const timer = setTimeout(() => resolver.cancel(), timeoutMs);
    try {
      for (const c of candidates) {
        try {
          const a = await resolver.resolve4(c);
          if (a.length) return { addresses: a, via: 'dns', server };
        } catch (e) {
          last = e as Error;
          const code = (e as { code?: string }).code;
          if (code === 'ECANCELLED' || code === 'ETIMEOUT' || code === 'ECONNREFUSED') break;
          if (code === 'ENODATA') {
            const a6 = await resolver.resolve6(c).catch(() => []);
            if (a6.length) return { addresses: a6, via: 'dns', server };
          }
        }
      }
    } finally {
      clearTimeout(timer);
    }
    const code = (last as { code?: string } | undefined)?.code;
    const why =
      code === 'ENOTFOUND' || code === 'ENODATA' ? 'no such host' : code === 'ECANCELLED' || code === 'ETIMEOUT' ? 'i/o timeout' : code === 'ESERVFAIL' || code === 'EREFUSED' ? 'server misbehaving' : code === 'ECONNREFUSED' ? 'connection refused' : (last?.message ?? 'failed');
    throw new Error(`lookup ${host} on ${server}: ${why}`);
  }
}
