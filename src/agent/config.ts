import { parse as parseYaml } from 'yaml';
import { redactSecrets } from '../parsers/redact.js';
import { readBounded } from '../sources/bounded-read.js';

/** The agent's settings: flags override the config file, which overrides these defaults. */
export interface AgentConfig {
  /** Seconds between check cycles. */
  intervalSeconds: number;
  /** Where the node's filesystem is (a DaemonSet mounts the host read-only at /host). */
  hostRoot: string;
  nodeName?: string;
  listen: { host: string; port: number };
  /**
   * When set, every request except /healthz (and /metrics with `openMetrics`) must carry it: header
   * `Authorization: Bearer <token>` or `X-Flannel-Doctor-Token` (the API server's pod proxy drops
   * Authorization), or the session cookie the dashboard gets for `/?token=`.
   */
  token?: string;
  /** Serve /metrics without the token (a Prometheus that scrapes without auth): only by --open-metrics. */
  openMetrics?: boolean;
  /** How many check results to keep (bounded history). */
  historySize: number;
  /** Images to probe from this node (usually the images of the pods on it). */
  images: string[];
  dns?: { serviceIP?: string; corednsIPs?: string[]; upstream?: string; clusterName?: string; externalName?: string };
  /** Peers this node probes in the mesh (name, underlay IP, a pod IP). */
  /** flannelIp: the peer's flannel.1 address (its subnet's .0), so a pod-only failure is told from a VXLAN one */
  peers: { name: string; ip: string; podIP?: string; flannelIp?: string }[];
  probeTimeoutMs: number;
}

export const DEFAULT_CONFIG: AgentConfig = {
  intervalSeconds: 60,
  hostRoot: '/',
  listen: { host: '0.0.0.0', port: 9464 },
  historySize: 120,
  images: [],
  peers: [],
  probeTimeoutMs: 10_000,
};

export interface ConfigProblem {
  file: string;
  message: string;
}

/** Largest config file read (a FIFO, device or huge file there is refused, never waited on). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a config file (YAML or JSON) asynchronously, bounded in size and time, so a FIFO or a slow
 * mount never blocks the agent's event loop. A malformed file never stops the agent: the caller keeps
 * the last good config and shows the problem (file and what is wrong) in /api/v1/status and the
 * dashboard. Security settings (token, openMetrics, listen) from the file apply only where no flag set
 * them: see configFromFlags.
 */
export async function loadConfigFile(file: string, base: AgentConfig = DEFAULT_CONFIG, timeoutMs = 2000): Promise<{ config: AgentConfig; problem?: ConfigProblem }> {
  let text: string;
  try {
    // followSymlink: a ConfigMap mount is a chain of ..data links.
    text = (await readBounded(file, { maxBytes: MAX_CONFIG_BYTES, timeoutMs, followSymlink: true })).toString('utf8');
  } catch (e) {
    return { config: base, problem: { file, message: `cannot read: ${(e as Error).message}` } };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    const err = e as Error & { linePos?: { line: number }[] };
    const line = err.linePos?.[0]?.line;
    // The parser quotes the offending text: redacted, as the problem is served in /api/v1/status.
    return { config: base, problem: { file, message: `not valid YAML${line ? ` at line ${line}` : ''}: ${redactSecrets(err.message.split('\n')[0])}` } };
  }
  if (raw === null || raw === undefined) return { config: base };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config: base, problem: { file, message: 'top level must be a mapping' } };
  return mergeConfig(base, raw as Record<string, unknown>, file);
}

function mergeConfig(base: AgentConfig, raw: Record<string, unknown>, file: string): { config: AgentConfig; problem?: ConfigProblem } {
  const c: AgentConfig = structuredClone(base);
  const bad: string[] = [];
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = raw[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      bad.push(`${k} must be a number from ${min} to ${max}`);
      return undefined;
    }
    return v;
  };
  c.intervalSeconds = num('intervalSeconds', 1, 86_400) ?? c.intervalSeconds;
  c.historySize = num('historySize', 1, 10_000) ?? c.historySize;
  c.probeTimeoutMs = num('probeTimeoutMs', 100, 600_000) ?? c.probeTimeoutMs;
  if (raw.hostRoot !== undefined) typeof raw.hostRoot === 'string' ? (c.hostRoot = raw.hostRoot) : bad.push('hostRoot must be a string');
  if (raw.nodeName !== undefined) typeof raw.nodeName === 'string' ? (c.nodeName = raw.nodeName) : bad.push('nodeName must be a string');
  if (raw.token !== undefined) typeof raw.token === 'string' ? (c.token = raw.token || undefined) : bad.push('token must be a string');
  // A config file may add security, never remove it: opening /metrics is a flag only.
  if (raw.openMetrics !== undefined) bad.push('openMetrics is ignored here: only the --open-metrics flag opens /metrics');
  if (raw.images !== undefined) {
    Array.isArray(raw.images) && raw.images.every((i) => typeof i === 'string') ? (c.images = raw.images as string[]) : bad.push('images must be a list of strings');
  }
  if (raw.peers !== undefined) {
    if (Array.isArray(raw.peers) && raw.peers.every((p) => p && typeof p === 'object' && typeof p.name === 'string' && typeof p.ip === 'string')) c.peers = raw.peers as AgentConfig['peers'];
    else bad.push('peers must be a list of {name, ip, podIP?}');
  }
  if (raw.dns !== undefined) typeof raw.dns === 'object' && raw.dns ? (c.dns = raw.dns as AgentConfig['dns']) : bad.push('dns must be a mapping');
  if (raw.listen !== undefined) {
    const l = raw.listen as Record<string, unknown>;
    if (l && typeof l === 'object' && (l.port === undefined || typeof l.port === 'number')) c.listen = { ...c.listen, ...(l as object) };
    else bad.push('listen must be {host, port}');
  }
  return bad.length ? { config: c, problem: { file, message: bad.join('; ') } } : { config: c };
}
