/**
 * The registry hosts containerd would try for one registry namespace, from the node's
 * `<host-root>/etc/containerd/certs.d/<host>/hosts.toml` (facts §5.2): mirrors in file order, then
 * `server`; per host its scheme, CA, skip_verify, override_path and capabilities.
 */
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { HostFiles } from '../../sources/host/files.js';

export interface RegistryHostConfig {
  /** scheme://host[:port] */
  url: string;
  scheme: 'https' | 'http';
  /** host[:port] for the Host header and TLS SNI */
  host: string;
  /** API root: "/v2" unless override_path (then the URL's own path) */
  apiRoot: string;
  capabilities: string[];
  skipVerify: boolean;
  /** PEM contents of the configured CAs */
  ca: string[];
  caFiles: string[];
  mirror: boolean;
  /** containerd's localhost rule: try HTTPS, fall back to plain HTTP */
  httpFallback?: boolean;
  /** problems reading this host's config (bad CA path …) */
  problems: string[];
}

export interface HostsResolution {
  namespace: string;
  file?: string;
  hosts: RegistryHostConfig[];
  problems: string[];
}

const LOCALHOST = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)(:\d+)?$/;

/** `docker.io` is served by registry-1.docker.io. */
export function defaultServer(namespace: string): string {
  return namespace === 'docker.io' ? 'https://registry-1.docker.io' : `https://${namespace}`;
}

/**
 * Every file (hosts.toml, CAs, `ca = "/…"` paths) is read inside the host root, links included: a
 * probe from a DaemonSet must use the node's CA, never a file of the machine it runs on. Paths in
 * results are real paths (host root + node path).
 */
export async function resolveRegistryHosts(hostRoot: string, namespace: string, certsDir = 'etc/containerd/certs.d'): Promise<HostsResolution> {
  const files = new HostFiles(hostRoot);
  const base = posix.join('/', certsDir);
  const hostNoColon = namespace.replace(':', '_') + '_';
  const dirs = [namespace, hostNoColon, '_default'];
  for (const d of dirs) {
    const dir = posix.join(base, d);
    const file = posix.join(dir, 'hosts.toml');
    const r = await files.read(file, 256 * 1024);
    if (r.text === undefined) {
      // a certs dir without hosts.toml: Docker-style *.crt files are CAs
      const entries = await files.list(dir);
      if (entries && d !== '_default') {
        const cas = entries.filter((e) => e.endsWith('.crt'));
        const server = defaultServer(namespace);
        const h = await makeHost(files, server, {}, dir, false);
        for (const c of cas) h.ca.push((await files.read(posix.join(dir, c), 1024 * 1024)).text ?? '');
        h.caFiles.push(...cas.map((c) => join(hostRoot, dir, c)));
        if (r.error) h.problems.push(`${join(hostRoot, file)}: ${r.error}`);
        return { namespace, hosts: [h], problems: h.problems };
      }
      continue;
    }
    return parseHostsToml(files, r.text, file, dir, namespace);
  }
  const server = defaultServer(namespace);
  const h = await makeHost(files, server, {}, base, false);
  if (LOCALHOST.test(namespace)) {
    // containerd: loopback registries skip verification; other ports fall back to plain HTTP
    h.skipVerify = true;
    const port = /:(\d+)$/.exec(namespace)?.[1];
    if (port === '80') return { namespace, hosts: [await makeHost(files, `http://${namespace}`, {}, base, false)], problems: [] };
    if (port && port !== '443') h.httpFallback = true;
  }
  return { namespace, hosts: [h], problems: [] };
}

async function parseHostsToml(files: HostFiles, text: string, nodeFile: string, dir: string, namespace: string): Promise<HostsResolution> {
  const file = join(files.root, nodeFile);
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const line = /line (\d+)/.exec(String((e as Error).message))?.[1];
    return { namespace, file, hosts: [await makeHost(files, defaultServer(namespace), {}, dir, false)], problems: [`${file}${line ? `:${line}` : ''}: unparsable TOML: ${String((e as Error).message).split('\n')[0]}`] };
  }
  const hosts: RegistryHostConfig[] = [];
  const table = (doc['host'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [url, cfg] of Object.entries(table)) {
    if (typeof cfg === 'object' && cfg) hosts.push(await makeHost(files, url, cfg, dir, true));
  }
  const server = typeof doc['server'] === 'string' ? (doc['server'] as string) : defaultServer(namespace);
  const upstream = await makeHost(files, server, doc, dir, false);
  // a [host] entry naming the registry itself (or the server) is not a mirror; listing the server
  // again after it adds nothing
  for (const h of hosts) if (h.host === namespace || h.url === upstream.url) h.mirror = false;
  if (!hosts.some((h) => h.url === upstream.url)) hosts.push(upstream);
  return { namespace, file, hosts, problems: hosts.flatMap((h) => h.problems) };
}

async function makeHost(files: HostFiles, url: string, cfg: Record<string, unknown>, dir: string, mirror: boolean): Promise<RegistryHostConfig> {
  const problems: string[] = [];
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    problems.push(`host "${url}" is not a URL`);
    u = new URL('https://invalid.invalid');
  }
  const scheme = u.protocol === 'http:' ? 'http' : 'https';
  const override = cfg['override_path'] === true;
  const path = u.pathname.replace(/\/+$/, '');
  const caList = cfg['ca'] === undefined ? [] : Array.isArray(cfg['ca']) ? cfg['ca'] : [cfg['ca']];
  const ca: string[] = [];
  const caFiles: string[] = [];
  for (const c of caList) {
    if (typeof c !== 'string') continue;
    // An absolute `ca` is a path on the node: inside the host root, like everything else.
    const nodePath = posix.isAbsolute(c) ? c : posix.join(dir, c);
    const p = join(files.root, nodePath);
    caFiles.push(p);
    const r = await files.read(nodePath, 1024 * 1024);
    if (r.text !== undefined) ca.push(r.text);
    else problems.push(`ca file ${p} cannot be read${r.error ? `: ${r.error}` : ''}`);
  }
  const caps = Array.isArray(cfg['capabilities']) ? (cfg['capabilities'] as unknown[]).filter((x): x is string => typeof x === 'string') : ['pull', 'resolve', 'push'];
  return {
    url: `${scheme}://${u.host}${path}`,
    scheme,
    host: u.host,
    apiRoot: override ? path || '' : `${path}/v2`,
    capabilities: caps,
    skipVerify: cfg['skip_verify'] === true,
    ca,
    caFiles,
    mirror,
    problems,
  };
}
