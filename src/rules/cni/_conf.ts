/**
 * How the container runtime picks its CNI config (facts §4.4): files in the conf dir with extension
 * .conf, .conflist or .json, sorted by name; the first one is used (max_conf_num = 1) and a file that
 * fails to load before it stops the load. Pure helpers over NodeEvidence.
 */
import type { CniConfigFile, NodeEvidence } from '../../evidence/node.js';

export const CNI_EXTENSIONS = ['.conf', '.conflist', '.json'];

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Config files the runtime considers, in the order it reads them. */
export function loadOrder(node: Readonly<NodeEvidence>): CniConfigFile[] {
  return node.cniConfigs
    .filter((c) => CNI_EXTENSIONS.some((ext) => c.file.endsWith(ext)))
    .slice()
    .sort((a, b) => (baseName(a.file) < baseName(b.file) ? -1 : baseName(a.file) > baseName(b.file) ? 1 : 0));
}

/** The config the runtime uses: the first in load order (whether or not it loads). */
export function winner(node: Readonly<NodeEvidence>): CniConfigFile | undefined {
  return loadOrder(node)[0];
}

export function isFlannelConfig(c: CniConfigFile): boolean {
  return c.pluginTypes.includes('flannel');
}

/** The plugin entries of a parsed config (.conflist plugins, or a single .conf network). */
export function pluginEntries(c: CniConfigFile): Record<string, unknown>[] {
  const raw = c.raw;
  if (!raw || typeof raw !== 'object') return [];
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.plugins)) return r.plugins.filter((p): p is Record<string, unknown> => !!p && typeof p === 'object');
  return typeof r.type === 'string' ? [r] : [];
}

/**
 * Binaries the config will exec: every plugin type, plus for flannel the delegate (bridge unless set)
 * and its IPAM (host-local unless set), which the flannel plugin runs on the pod's behalf (facts §3).
 */
export function requiredBinaries(c: CniConfigFile): { type: string; why: string }[] {
  const out: { type: string; why: string }[] = [];
  const add = (type: string, why: string) => {
    if (type && !out.some((x) => x.type === type)) out.push({ type, why });
  };
  const entries = pluginEntries(c);
  const types = entries.length ? entries.map((e) => (typeof e.type === 'string' ? e.type : '')) : c.pluginTypes;
  for (const t of types) add(t, `plugin "${t}" in ${baseName(c.file)}`);
  for (const e of entries) {
    const ipam = e.ipam as Record<string, unknown> | undefined;
    if (e.type !== 'flannel') {
      if (ipam && typeof ipam.type === 'string') add(ipam.type, `ipam of plugin "${String(e.type)}"`);
      continue;
    }
    const delegate = (e.delegate && typeof e.delegate === 'object' ? e.delegate : {}) as Record<string, unknown>;
    const dtype = typeof delegate.type === 'string' ? delegate.type : 'bridge';
    add(dtype, `flannel's delegate${typeof delegate.type === 'string' ? '' : ' (default)'}`);
    const itype = ipam && typeof ipam.type === 'string' ? ipam.type : 'host-local';
    add(itype, `IPAM of flannel's delegate${ipam && typeof ipam.type === 'string' ? '' : ' (default)'}`);
  }
  return out;
}
