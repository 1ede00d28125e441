import type { CniConfigFile, ParseProblem } from '../evidence/node.js';
import { isRecord, parseJsonText } from './json-text.js';

/** CNI spec versions libcni accepts (0.1.0 … 1.1.0). */
export const KNOWN_CNI_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];

/**
 * Parses one file of /etc/cni/net.d: a `.conflist` (name + plugins list) or a single-plugin `.conf`/`.json`.
 * `valid` is false when the runtime could not use it; every problem names the file and the field.
 */
export function parseCniConfig(text: string, file: string): CniConfigFile {
  const json = parseJsonText(text, file);
  const out: CniConfigFile = { file, pluginTypes: [], valid: false, problems: json.problems };
  if (json.value === undefined) return out;
  const raw = json.value;
  if (!isRecord(raw)) {
    out.problems.push({ file, field: '$', message: 'a CNI config must be a JSON object' });
    return out;
  }
  out.raw = raw;
  const problems = out.problems;
  if (typeof raw.name === 'string' && raw.name) out.name = raw.name;
  else problems.push({ file, field: 'name', message: 'network name is missing (field "name")' });
  if (typeof raw.cniVersion === 'string') {
    out.cniVersion = raw.cniVersion;
    if (!KNOWN_CNI_VERSIONS.includes(raw.cniVersion)) {
      problems.push({ file, field: 'cniVersion', message: `unknown cniVersion "${raw.cniVersion}" (known: ${KNOWN_CNI_VERSIONS.join(', ')})` });
    }
  } else {
    problems.push({ file, field: 'cniVersion', message: 'cniVersion is missing or not a string' });
  }

  const isList = 'plugins' in raw || file.endsWith('.conflist');
  if (isList) {
    if (!Array.isArray(raw.plugins) || raw.plugins.length === 0) {
      problems.push({ file, field: 'plugins', message: 'a .conflist needs a non-empty "plugins" list' });
    } else {
      raw.plugins.forEach((p, i) => pluginEntry(p, `plugins[${i}]`, file, out.pluginTypes, problems));
    }
  } else {
    pluginEntry(raw, '', file, out.pluginTypes, problems);
  }
  // Only structural problems make a file unusable; an unknown cniVersion alone also fails in libcni.
  out.valid = problems.length === 0;
  return out;
}

function pluginEntry(p: unknown, at: string, file: string, types: string[], problems: ParseProblem[]): void {
  const f = (k: string) => (at ? `${at}.${k}` : k);
  if (!isRecord(p)) {
    problems.push({ file, field: at || '$', message: `${at || 'config'} must be an object` });
    return;
  }
  if (typeof p.type !== 'string' || !p.type) {
    problems.push({ file, field: f('type'), message: `plugin type is missing (field "${f('type')}")` });
    return;
  }
  types.push(p.type);
  if (p.type === 'flannel' && p.delegate !== undefined) {
    // The flannel plugin's own delegate checks (facts §3).
    const d = p.delegate;
    if (!isRecord(d)) problems.push({ file, field: f('delegate'), message: "'delegate' must be an object" });
    else {
      if (d.type !== undefined && typeof d.type !== 'string') problems.push({ file, field: f('delegate.type'), message: "'delegate' dictionary, if present, must have (string) 'type' field" });
      if ('name' in d) problems.push({ file, field: f('delegate.name'), message: "'delegate' dictionary must not have 'name' field, it'll be set by flannel" });
      if ('ipam' in d) problems.push({ file, field: f('delegate.ipam'), message: "'delegate' dictionary must not have 'ipam' field, it'll be set by flannel" });
    }
  }
}

/** Plugin types named anywhere a binary is needed: top-level plugins, flannel's delegate, ipam types. */
export function requiredBinaries(cfg: CniConfigFile): string[] {
  const need = new Set<string>();
  const visit = (p: unknown) => {
    if (!isRecord(p)) return;
    if (typeof p.type === 'string') need.add(p.type);
    if (isRecord(p.ipam) && typeof p.ipam.type === 'string') need.add(p.ipam.type);
    if (p.type === 'flannel') {
      // flannel delegates to bridge + host-local unless told otherwise (facts §3).
      const d = isRecord(p.delegate) ? p.delegate : {};
      need.add(typeof d.type === 'string' ? d.type : 'bridge');
      need.add('host-local');
    }
  };
  const raw = cfg.raw;
  if (!isRecord(raw)) return [];
  if (Array.isArray(raw.plugins)) raw.plugins.forEach(visit);
  else visit(raw);
  return [...need];
}

/** host-local subnets configured statically in a config (ipam.subnet or ipam.ranges), for range sizes. */
export function ipamSubnets(cfg: CniConfigFile): string[] {
  const out: string[] = [];
  const visit = (p: unknown) => {
    if (!isRecord(p) || !isRecord(p.ipam)) return;
    const ipam = p.ipam;
    if (typeof ipam.subnet === 'string') out.push(ipam.subnet);
    if (Array.isArray(ipam.ranges)) {
      for (const set of ipam.ranges) if (Array.isArray(set)) for (const r of set) if (isRecord(r) && typeof r.subnet === 'string') out.push(r.subnet);
    }
  };
  const raw = cfg.raw;
  if (!isRecord(raw)) return out;
  if (Array.isArray(raw.plugins)) raw.plugins.forEach(visit);
  else visit(raw);
  return out;
}
