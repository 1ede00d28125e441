/**
 * "What changed" between two gatherings of the same cluster (two bundles), in the terms of the
 * diagnosis: the configurations that matter, compared item by item, each facet naming the causes a
 * change to it can explain; and the root causes that appeared or went away, each with the changes
 * that can explain it. Pure: evidence in, a diff out.
 */
import type { Evidence } from '../evidence/types.js';
import type { RootCause } from '../findings/finding.js';

export interface Facet {
  id: string;
  label: string;
  /** causes a change here can explain */
  causes: readonly string[];
  /** item key → a comparable text value */
  extract(e: Evidence): Record<string, string>;
}

const FLANNEL_NS = ['kube-flannel', 'kube-system'];
const canon = (v: unknown): string => JSON.stringify(sortKeys(v));

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** JSON text compared by meaning (key order and spacing do not count); other text as is. */
function jsonText(s: string): string {
  try {
    return canon(JSON.parse(s));
  } catch {
    return s.trim();
  }
}

function configMapKey(e: Evidence, key: string, match: (ns: string, name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of e.cluster?.configMaps ?? []) if (match(c.namespace, c.name) && c.data[key] !== undefined) out[`${c.namespace}/${c.name} ${key}`] = key.endsWith('.json') ? jsonText(c.data[key]) : c.data[key].trim();
  return out;
}

function workloads(e: Evidence, match: (name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of e.cluster?.workloads ?? []) {
    if (w.kind !== 'DaemonSet' || !match(w.name)) continue;
    for (const c of w.containers) out[`${w.namespace}/${w.name} ${c.init ? 'init ' : ''}${c.name}`] = canon({ image: c.image, command: c.command ?? [], args: c.args ?? [] });
    out[`${w.namespace}/${w.name} hostNetwork`] = String(w.hostNetwork);
  }
  return out;
}

function perNode(e: Evidence, f: (n: Evidence['nodes'][string]) => Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of Object.values(e.nodes)) for (const [k, v] of Object.entries(f(n))) if (v !== undefined) out[`${n.name}: ${k}`] = v;
  return out;
}

/** The configurations that matter, as data. Add a facet here; never hard-code one in the renderer. */
export const FACETS: readonly Facet[] = [
  {
    id: 'flannel-net-conf',
    label: "flannel's net-conf.json",
    causes: ['flannel.config-invalid', 'flannel.network-mismatch', 'flannel.mtu', 'flannel.backend-unsupported', 'flannel.vxlan-blocked'],
    extract: (e) => ({
      ...configMapKey(e, 'net-conf.json', (ns) => FLANNEL_NS.includes(ns)),
      ...perNode(e, (n) => (n.netConf?.raw !== undefined ? { [n.netConf.file]: canon(n.netConf.raw) } : {})),
    }),
  },
  {
    id: 'flannel-cni-conf',
    label: "flannel's CNI config template (cni-conf.json)",
    causes: ['cni.config-invalid', 'cni.plugin-missing'],
    extract: (e) => configMapKey(e, 'cni-conf.json', (ns) => FLANNEL_NS.includes(ns)),
  },
  {
    id: 'corefile',
    label: 'CoreDNS Corefile',
    causes: ['dns.loop', 'dns.upstream', 'dns.coredns-down', 'dns.search-ndots'],
    extract: (e) => configMapKey(e, 'Corefile', (ns, name) => ns === 'kube-system' && /coredns|kube-dns/.test(name)),
  },
  {
    id: 'flannel-daemonset',
    label: 'the flannel DaemonSet (images, command, args)',
    causes: ['flannel.wrong-iface', 'flannel.ipmasq', 'flannel.daemon-down', 'flannel.config-invalid', 'cni.plugin-missing'],
    extract: (e) => workloads(e, (n) => /flannel/.test(n)),
  },
  {
    id: 'kube-proxy',
    label: 'kube-proxy (DaemonSet and mode)',
    causes: ['dns.service-unreachable', 'node.br-netfilter', 'node.forward-drop'],
    extract: (e) => {
      const out = workloads(e, (n) => n === 'kube-proxy');
      for (const [k, v] of Object.entries(configMapKey(e, 'config.conf', (ns, name) => ns === 'kube-system' && name === 'kube-proxy'))) {
        out[k.replace(' config.conf', ' mode')] = /^mode:\s*"?([\w-]*)"?/m.exec(v)?.[1] || '(default: iptables)';
      }
      return out;
    },
  },
  {
    id: 'node-pod-cidr',
    label: "nodes' podCIDR",
    causes: ['flannel.no-pod-cidr', 'flannel.network-mismatch', 'flannel.route-missing'],
    extract: (e) => Object.fromEntries((e.cluster?.nodes ?? []).map((n) => [n.name, (n.podCIDRs.length ? n.podCIDRs : n.podCIDR ? [n.podCIDR] : []).join(',') || '(none)'])),
  },
  {
    id: 'node-addresses',
    label: "nodes' addresses and flannel annotations (public-ip, VTEP MAC)",
    causes: ['flannel.stale-fdb', 'flannel.wrong-iface', 'flannel.route-missing'],
    extract: (e) => {
      const out: Record<string, string> = {};
      for (const n of e.cluster?.nodes ?? []) {
        out[`${n.name} addresses`] = n.addresses.map((a) => `${a.type}=${a.address}`).sort().join(' ');
        for (const k of ['public-ip', 'backend-data', 'backend-type']) {
          const v = n.annotations[`flannel.alpha.coreos.com/${k}`];
          if (v !== undefined) out[`${n.name} ${k}`] = k === 'backend-data' ? jsonText(v) : v;
        }
      }
      return out;
    },
  },
  {
    id: 'node-cni-configs',
    label: 'CNI configs on the nodes (load order and content)',
    causes: ['cni.config-invalid', 'cni.config-missing', 'cni.plugin-missing', 'cni.bridge-ip-conflict'],
    extract: (e) =>
      perNode(e, (n) => ({
        'CNI load order': n.gathered.includes('cni') ? n.cniConfigs.map((c) => c.file).join(', ') || '(none)' : undefined,
        ...Object.fromEntries(n.cniConfigs.map((c) => [c.file, c.raw !== undefined ? canon(c.raw) : `${c.valid ? 'valid' : 'invalid'} ${c.pluginTypes.join(',')}`])),
      })),
  },
  {
    id: 'node-cni-binaries',
    label: 'CNI plugin binaries on the nodes',
    causes: ['cni.plugin-missing'],
    extract: (e) => perNode(e, (n) => ({ 'CNI binaries': n.gathered.includes('cni') ? n.cniBinaries.map((b) => b.slice(b.lastIndexOf('/') + 1)).sort().join(' ') : undefined })),
  },
  {
    id: 'node-registry-config',
    label: 'containerd registry config on the nodes (hosts.toml, mirrors)',
    causes: ['registry.mirror-misconfigured', 'registry.tls-untrusted', 'registry.http-to-https', 'registry.tls-name-mismatch', 'registry.proxy'],
    extract: (e) =>
      perNode(e, (n) => ({
        ...(n.containerd ? { 'containerd mirrors': canon(n.containerd.mirrors), 'containerd config_path': n.containerd.configPath ?? '(unset)' } : {}),
        ...Object.fromEntries(n.registryHosts.map((h) => [h.file, canon({ server: h.server, hosts: h.hosts, ca: h.ca, skipVerify: h.skipVerify })])),
      })),
  },
  {
    id: 'node-resolver',
    label: "nodes' resolv.conf",
    causes: ['dns.node-resolver', 'registry.dns', 'dns.loop'],
    extract: (e) => perNode(e, (n) => ({ 'resolv.conf': n.resolvConf ? canon({ nameservers: n.resolvConf.nameservers, search: n.resolvConf.search, options: n.resolvConf.options }) : n.gathered.includes('resolvConf') ? '(absent)' : undefined })),
  },
  {
    id: 'node-kernel',
    label: 'kernel settings on the nodes (forwarding, bridge netfilter, MTUs, offloads)',
    causes: ['node.ip-forward', 'node.br-netfilter', 'flannel.mtu', 'flannel.checksum-offload'],
    extract: (e) =>
      perNode(e, (n) => ({
        ...Object.fromEntries(['net.ipv4.ip_forward', 'net.bridge.bridge-nf-call-iptables', 'kernel.osrelease'].filter((k) => n.sysctls[k] !== undefined).map((k) => [k, n.sysctls[k]])),
        ...Object.fromEntries(n.links.filter((l) => l.mtu !== undefined && (l.name === 'flannel.1' || l.name === 'cni0' || (!l.master && l.kind === undefined && l.name !== 'lo'))).map((l) => [`${l.name} mtu`, String(l.mtu)])),
        ...(n.offloads?.['flannel.1']?.['tx-checksum-ip-generic'] ? { 'flannel.1 tx-checksum-ip-generic': n.offloads['flannel.1']['tx-checksum-ip-generic'] } : {}),
      })),
  },
];

export interface Change {
  facet: string;
  label: string;
  key: string;
  before?: string;
  after?: string;
  causes: readonly string[];
}

export interface FindingChange {
  cause: string;
  severity: string;
  nodes: string[];
  message: string;
  /** facets whose changes can explain it */
  explainedBy: string[];
}

export interface BundleDiff {
  changes: Change[];
  /** facets present in only one of the two (not gathered on one side): not compared */
  notCompared: string[];
  findings: { appeared: FindingChange[]; resolved: FindingChange[] };
}

export function diffEvidence(a: Evidence, b: Evidence, fa: readonly RootCause[], fb: readonly RootCause[], facets: readonly Facet[] = FACETS): BundleDiff {
  const changes: Change[] = [];
  const notCompared: string[] = [];
  for (const f of facets) {
    const x = f.extract(a);
    const y = f.extract(b);
    const xs = Object.keys(x).length;
    const ys = Object.keys(y).length;
    if (!xs && !ys) continue;
    if (!xs || !ys) {
      notCompared.push(`${f.label}: only in ${xs ? 'the first' : 'the second'} bundle`);
      continue;
    }
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (x[key] === y[key]) continue;
      changes.push({ facet: f.id, label: f.label, key, ...(x[key] !== undefined ? { before: x[key] } : {}), ...(y[key] !== undefined ? { after: y[key] } : {}), causes: f.causes });
    }
  }
  const changedFacets = new Set(changes.map((c) => c.facet));
  const key = (f: RootCause) => `${f.cause}|${[...f.nodes].sort().join(',')}`;
  const brief = (f: RootCause): FindingChange => ({
    cause: f.cause,
    severity: f.severity,
    nodes: f.nodes,
    message: f.message,
    explainedBy: facets.filter((x) => changedFacets.has(x.id) && x.causes.includes(f.cause)).map((x) => x.id),
  });
  const ka = new Set(fa.map(key));
  const kb = new Set(fb.map(key));
  return {
    changes,
    notCompared,
    findings: { appeared: fb.filter((f) => !ka.has(key(f))).map(brief), resolved: fa.filter((f) => !kb.has(key(f))).map(brief) },
  };
}
