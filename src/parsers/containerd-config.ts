import type { ContainerdConfig } from '../evidence/node.js';
import { isRecord, stringList } from './json-text.js';
import { redactSecrets } from './redact.js';
import { parseTomlText } from './toml-text.js';

/**
 * Parses containerd's config.toml (facts §5.1) for what decides pulls and pod networking: the registry
 * config_path, legacy mirrors/configs, the sandbox image and the CNI dirs. Understands version 2
 * (`io.containerd.grpc.v1.cri`), version 3 (`io.containerd.cri.v1.images` / `.runtime`) and the
 * unversioned v1 layout (`plugins.cri`). Credentials in registry.configs.*.auth are never read.
 */
export function parseContainerdConfig(text: string, file: string): ContainerdConfig {
  const toml = parseTomlText(text, file);
  const out: ContainerdConfig = { file, mirrors: {}, legacyTlsHosts: [], problems: toml.problems };
  const doc = toml.value;
  if (!doc) return out;
  const p = out.problems;
  if (doc.version !== undefined) {
    if (typeof doc.version === 'number' && [1, 2, 3].includes(doc.version)) out.version = doc.version;
    else p.push({ file, field: 'version', message: `unsupported config version ${JSON.stringify(doc.version)} (containerd knows 1, 2 and 3)` });
  } else out.version = 1;

  const plugins = isRecord(doc.plugins) ? doc.plugins : {};
  const v3 = out.version === 3;
  const criKey = v3 ? 'io.containerd.cri.v1.images' : out.version === 2 ? 'io.containerd.grpc.v1.cri' : 'cri';
  const cri = section(plugins, criKey);
  const runtime = v3 ? section(plugins, 'io.containerd.cri.v1.runtime') : cri;
  const at = (k: string) => `plugins."${criKey}".${k}`;

  // Sandbox (pause) image: v2 sandbox_image, v3 pinned_images.sandbox.
  const sandbox = v3 ? section(cri, 'pinned_images').sandbox : cri.sandbox_image;
  if (typeof sandbox === 'string' && sandbox) out.sandboxImage = sandbox;

  const cni = section(runtime, 'cni');
  const cniAt = `plugins."${v3 ? 'io.containerd.cri.v1.runtime' : criKey}".cni`;
  if (typeof cni.bin_dir === 'string' && cni.bin_dir) out.cniBinDir = cni.bin_dir;
  else if (Array.isArray(cni.bin_dirs)) {
    const dirs = stringList(cni.bin_dirs, file, `${cniAt}.bin_dirs`, p);
    if (dirs.length) out.cniBinDir = dirs.join(':');
  }
  if (typeof cni.conf_dir === 'string' && cni.conf_dir) out.cniConfDir = cni.conf_dir;

  const registry = section(cri, 'registry');
  if (registry.config_path !== undefined) {
    if (typeof registry.config_path === 'string') out.configPath = registry.config_path;
    else p.push({ file, field: at('registry.config_path'), message: 'config_path must be a string' });
  }
  const mirrors = section(registry, 'mirrors');
  for (const [host, m] of Object.entries(mirrors)) {
    if (!isRecord(m)) {
      p.push({ file, field: at(`registry.mirrors."${host}"`), message: 'a mirror must be a table with an endpoint list' });
      continue;
    }
    out.mirrors[host] = stringList(m.endpoint, file, at(`registry.mirrors."${host}".endpoint`), p).map(redactSecrets);
  }
  const configs = section(registry, 'configs');
  const authHosts: string[] = [];
  for (const [host, c] of Object.entries(configs)) {
    if (!isRecord(c)) continue;
    if (isRecord(c.tls) && Object.keys(c.tls).length) out.legacyTlsHosts.push(host);
    if (isRecord(c.auth) && Object.keys(c.auth).length) authHosts.push(host);
  }
  if (authHosts.length) out.legacyAuthHosts = authHosts;
  if (out.configPath && Object.keys(out.mirrors).length) {
    p.push({ file, field: at('registry.mirrors'), message: '`mirrors` cannot be set when `config_path` is provided' });
  }
  return out;
}

function section(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = parent[key];
  return isRecord(v) ? v : {};
}

