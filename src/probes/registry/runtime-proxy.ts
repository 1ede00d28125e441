/**
 * The proxy the node's container runtime uses. containerd reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY from
 * its own environment, which on a node comes from systemd: `Environment=` lines in
 * etc/systemd/system/containerd.service(.d/*.conf). Read under the host root so a probe from a
 * DaemonSet sees the runtime's proxy, not its own.
 */
import { join } from 'node:path';
import { HostFiles } from '../../sources/host/files.js';
import type { ProxyConfig } from './dial.js';

const UNITS = ['/etc/systemd/system/containerd.service', '/lib/systemd/system/containerd.service', '/usr/lib/systemd/system/containerd.service'];
const DROPINS = ['/etc/systemd/system/containerd.service.d', '/run/systemd/system/containerd.service.d'];

/** `Environment="A=1" B=2` → { A: '1', B: '2' } (systemd quoting, simplified). */
export function parseEnvironmentLines(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const m = /^\s*Environment\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
    let t: RegExpExecArray | null;
    while ((t = re.exec(m[1]!))) {
      const item = t[1] ?? t[2] ?? t[3] ?? '';
      const i = item.indexOf('=');
      if (i > 0) env[item.slice(0, i)] = item.slice(i + 1);
    }
  }
  return env;
}

export interface RuntimeProxy extends ProxyConfig {
  /** the unit files the values came from */
  files: string[];
}

/** The runtime's proxy settings from systemd units under hostRoot (later files override earlier ones). */
export async function readRuntimeProxy(hostRoot: string): Promise<RuntimeProxy | undefined> {
  // Read inside the host root: unit files are often links (/etc/systemd/system/… -> /lib/systemd/…).
  const host = new HostFiles(hostRoot);
  const files: string[] = [...UNITS];
  for (const d of DROPINS) {
    const entries = (await host.list(d)) ?? [];
    for (const e of entries.filter((x) => x.endsWith('.conf')).sort()) files.push(`${d}/${e}`);
  }
  const env: Record<string, string> = {};
  const used: string[] = [];
  for (const f of files) {
    const text = (await host.read(f, 256 * 1024)).text;
    if (text === undefined) continue;
    const e = parseEnvironmentLines(text);
    if (Object.keys(e).some((k) => /_proxy$/i.test(k))) used.push(join(hostRoot, f));
    Object.assign(env, e);
  }
  if (!used.length) return undefined;
  const get = (k: string) => env[k] ?? env[k.toLowerCase()];
  return { httpsProxy: get('HTTPS_PROXY'), httpProxy: get('HTTP_PROXY'), noProxy: get('NO_PROXY'), files: used };
}
