import type { ParseProblem, RegistryHostConfig } from '../evidence/node.js';
import { isRecord, stringList } from './json-text.js';
import { parseTomlText } from './toml-text.js';
import { redactSecrets } from './redact.js';

/**
 * Parses containerd's `certs.d/<namespace>/hosts.toml` (facts §5.2): the fallback `server`, root TLS
 * options, and the `[host."…"]` tables in file order (containerd tries them in that order). Headers and
 * client keys are not kept: they can carry credentials.
 */
export function parseHostsToml(text: string, file: string, namespace: string): RegistryHostConfig {
  const toml = parseTomlText(text, file);
  const out: RegistryHostConfig = { namespace, file, hosts: [], problems: toml.problems };
  const doc = toml.value;
  if (!doc) return out;
  const p = out.problems;
  if (doc.server !== undefined) {
    if (typeof doc.server === 'string' && /^https?:\/\//i.test(doc.server)) out.server = redactSecrets(doc.server);
    else p.push({ file, field: 'server', message: `server must be an http:// or https:// URL, got ${JSON.stringify(doc.server)}` });
  }
  const root = hostFields(doc, '', file, p);
  if (root.ca) out.ca = root.ca;
  if (root.skipVerify !== undefined) out.skipVerify = root.skipVerify;
  if (root.capabilities) out.capabilities = root.capabilities;
  if (root.overridePath !== undefined) out.overridePath = root.overridePath;

  if (doc.host !== undefined && !isRecord(doc.host)) p.push({ file, field: 'host', message: 'host must be a table of [host."<url>"] tables' });
  const hosts = isRecord(doc.host) ? doc.host : {};
  for (const [url, h] of Object.entries(hosts)) {
    const at = `host."${url}"`;
    if (!isRecord(h)) {
      p.push({ file, field: at, message: `${at} must be a table` });
      continue;
    }
    if (!/^https?:\/\/[^/\s]+/i.test(url)) p.push({ file, field: at, message: `host key should be a URL with http:// or https://, got "${url}"` });
    out.hosts.push({ url: redactSecrets(url), ...hostFields(h, at, file, p) });
  }
  return out;
}

const CAPABILITIES = ['pull', 'resolve', 'push'];

function hostFields(t: Record<string, unknown>, at: string, file: string, p: ParseProblem[]) {
  const f = (k: string) => (at ? `${at}.${k}` : k);
  const r: { capabilities?: string[]; ca?: string[]; skipVerify?: boolean; overridePath?: boolean } = {};
  if (t.capabilities !== undefined) {
    r.capabilities = stringList(t.capabilities, file, f('capabilities'), p);
    for (const c of r.capabilities) if (!CAPABILITIES.includes(c)) p.push({ file, field: f('capabilities'), message: `unknown capability "${c}" (pull, resolve, push)` });
  }
  if (typeof t.ca === 'string') r.ca = [t.ca];
  else if (t.ca !== undefined) r.ca = stringList(t.ca, file, f('ca'), p);
  if (t.skip_verify !== undefined) {
    if (typeof t.skip_verify === 'boolean') r.skipVerify = t.skip_verify;
    else p.push({ file, field: f('skip_verify'), message: 'skip_verify must be true or false' });
  }
  if (t.override_path !== undefined) {
    if (typeof t.override_path === 'boolean') r.overridePath = t.override_path;
    else p.push({ file, field: f('override_path'), message: 'override_path must be true or false' });
  }
  return r;
}
