import { stat } from 'node:fs/promises';
import type { IptablesState, NodeKey } from '../../evidence/node.js';
import { parseEthtoolFeatures } from '../../parsers/ethtool-features.js';
import { parseBridgeFdb, parseIpLinks, parseIpNeigh, parseIpRoutes } from '../../parsers/iproute-json.js';
import { parseIptablesSave } from '../../parsers/iptables-save.js';
import { parseProcModules } from '../../parsers/proc-modules.js';
import { parseProcNetSnmp } from '../../parsers/proc-net-snmp.js';
import type { GatherContext } from './context.js';

const IPTABLES_TIMEOUT_MS = 15_000;

/** iproute2's warning when the kernel's dump changed under it (a link or address added meanwhile). */
const DUMP_INTERRUPTED = /dump was interrupted and may be inconsistent/i;
const DUMP_TRIES = 3;

/**
 * Runs one iproute2 command; a failure is a located problem and the key stays ungathered. A dump
 * the kernel marked interrupted exits 0 (iproute2 6.1) with entries missing — a node whose pods come and
 * go would read as without flannel.1 — so it is asked again, and after the last try it is a problem.
 */
async function ipJson(ctx: GatherContext, argv: string[]): Promise<string | undefined> {
  let r = await ctx.run(argv);
  for (let i = 1; i < DUMP_TRIES && r.code === 0 && DUMP_INTERRUPTED.test(r.stderr ?? ''); i++) r = await ctx.run(argv);
  if (r.code === 0 && DUMP_INTERRUPTED.test(r.stderr ?? '')) {
    ctx.problem({ file: argv.join(' '), message: `the kernel's dump was interrupted ${DUMP_TRIES} times (links or addresses changing): not read` });
    return undefined;
  }
  if (r.code !== 0) {
    ctx.problem({ file: argv.join(' '), message: r.code === 127 ? `${argv[0]} not found` : `exit ${r.code}: ${(r.stderr ?? '').trim().slice(0, 200)}` });
    return undefined;
  }
  return r.stdout;
}

/** Links with addresses and counters (one `ip -j -s -d addr show`), routes, neighbours, FDB. */
export async function gatherNetwork(ctx: GatherContext): Promise<void> {
  const cmds = {
    links: ['ip', '-j', '-s', '-d', 'addr', 'show'],
    routes: ['ip', '-j', 'route', 'show', 'table', 'all'],
    neighbours: ['ip', '-j', 'neigh', 'show'],
    fdb: ['bridge', '-j', 'fdb', 'show'],
  };
  let [links, allRoutes, neigh, fdb] = await Promise.all(Object.values(cmds).map((c) => ipJson(ctx, c)));
  // No VXLAN device is a finding (flannel.1 missing): confirmed by a second read before it is one, as a
  // dump taken while the node's links change can come back short.
  if (links !== undefined && !/"info_kind":\s*"vxlan"/.test(links)) {
    const again = await ipJson(ctx, cmds.links);
    if (again !== undefined && /"info_kind":\s*"vxlan"/.test(again)) links = again;
  }
  // Some kernels/containers refuse `table all`: the main table still answers the routing questions.
  let routes = allRoutes;
  if (routes === undefined) {
    cmds.routes = ['ip', '-j', 'route', 'show'];
    routes = await ipJson(ctx, cmds.routes);
  }
  const node = ctx.node;
  const take = <T>(key: NodeKey, text: string | undefined, parse: (t: string, f: string) => { items: T[]; problems: typeof node.problems }, set: (items: T[]) => void) => {
    if (text === undefined) return;
    const p = parse(text, (cmds as Record<string, string[]>)[key].join(' '));
    set(p.items);
    node.problems.push(...p.problems);
    // output that parsed to nothing but problems is not an empty list: the key stays ungathered
    if (p.items.length || !p.problems.length) ctx.gathered(key);
  };
  take('links', links, parseIpLinks, (x) => (node.links = x));
  take('routes', routes, parseIpRoutes, (x) => (node.routes = x));
  take('neighbours', neigh, parseIpNeigh, (x) => (node.neighbours = x));
  take('fdb', fdb, parseBridgeFdb, (x) => (node.fdb = x));
}

/** The sysctls the rules judge, by dotted name; a missing file (e.g. br_netfilter not loaded) leaves its key out. */
export const SYSCTLS = [
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.forwarding',
  'net.ipv6.conf.all.forwarding',
  'net.bridge.bridge-nf-call-iptables',
  'net.bridge.bridge-nf-call-ip6tables',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv4.conf.default.rp_filter',
  'net.netfilter.nf_conntrack_max',
  'net.ipv4.ip_local_port_range',
  'kernel.osrelease',
];
/** Per-interface sysctls for flannel's devices ('.' in an interface name is '/' in the dotted name). */
const PER_IFACE = ['rp_filter', 'forwarding'];

const sysctlPath = (name: string) => '/proc/sys/' + name.split('.').map((p) => p.replace(/\//g, '.')).join('/');

export async function gatherSysctls(ctx: GatherContext): Promise<void> {
  const ifaces = ctx.node.links.map((l) => l.name).filter((n) => /^(flannel|cni0|eth0$)/.test(n));
  const names = [...SYSCTLS, ...ifaces.flatMap((i) => PER_IFACE.map((k) => `net.ipv4.conf.${i.replace(/\./g, '/')}.${k}`))];
  const got = await ctx.readKernel(names.map(sysctlPath));
  for (const n of names) {
    const v = got[sysctlPath(n)];
    if (v !== undefined) ctx.node.sysctls[n] = v.trim().replace(/\s+/g, ' ');
  }
  if (Object.keys(ctx.node.sysctls).length) ctx.gathered('sysctls');
  else ctx.problem({ file: '/proc/sys', message: 'no sysctl could be read' });
}

/** Modules that matter for flannel, found in /proc/modules, /sys/module, or implied by their sysctls. */
export const WATCHED_MODULES = ['br_netfilter', 'vxlan', 'overlay', 'bridge', 'veth', 'nf_conntrack', 'ip_tables', 'nf_tables', 'iptable_nat', 'xt_MASQUERADE', 'wireguard'];

export async function gatherModules(ctx: GatherContext): Promise<void> {
  const found = new Set<string>();
  const r = await ctx.readKernel(['/proc/modules']);
  const procModules = r['/proc/modules'];
  if (procModules !== undefined) for (const m of parseProcModules(procModules)) found.add(m);
  // Built-in modules have no /proc/modules line; /sys/module/<name> exists for most of them.
  await Promise.all(WATCHED_MODULES.map(async (m) => {
    if ((await ctx.files.exists(`/sys/module/${m}`)) || (ctx.files.root !== '/' && (await existsOnHost(m)))) found.add(m);
  }));
  // br_netfilter registers the bridge-nf sysctls: their presence proves it is active even when built in.
  if (ctx.node.sysctls['net.bridge.bridge-nf-call-iptables'] !== undefined) found.add('br_netfilter');
  ctx.node.modules = [...found].sort();
  if (procModules !== undefined || found.size) ctx.gathered('modules');
}

/** With a host root lacking sys/, the running kernel is the node's kernel (DaemonSet, lab netns). */
function existsOnHost(m: string): Promise<boolean> {
  return stat(`/sys/module/${m}`).then(
    () => true,
    () => false,
  );
}

export async function gatherSnmp(ctx: GatherContext): Promise<void> {
  const r = await ctx.readKernel(['/proc/net/snmp']);
  const text = r['/proc/net/snmp'];
  if (text === undefined) return;
  const p = parseProcNetSnmp(text, '/proc/net/snmp');
  ctx.node.snmp = p.values;
  ctx.node.problems.push(...p.problems);
  ctx.gathered('snmp');
}

/** `ethtool -k` for flannel's VXLAN devices (the checksum-offload bug lives there). */
export async function gatherOffloads(ctx: GatherContext): Promise<void> {
  const devs = ctx.node.links.filter((l) => l.kind === 'vxlan' || l.name.startsWith('flannel')).map((l) => l.name);
  const offloads: Record<string, Record<string, string>> = {};
  let ran = false;
  await Promise.all(devs.map(async (dev) => {
    const r = await ctx.run(['ethtool', '-k', dev]);
    if (r.code === 127) return;
    if (r.code !== 0) {
      ctx.problem({ file: `ethtool -k ${dev}`, message: `exit ${r.code}: ${(r.stderr ?? '').trim().slice(0, 200)}` });
      return;
    }
    ran = true;
    const p = parseEthtoolFeatures(r.stdout, `ethtool -k ${dev}`);
    offloads[dev] = p.features;
    ctx.node.problems.push(...p.problems);
  }));
  if (ran || (devs.length === 0 && ctx.isGathered('links'))) {
    ctx.node.offloads = offloads;
    ctx.gathered('offloads');
  }
}

/**
 * iptables rules: `iptables-save` (whichever backend the node's alternative points to), falling back to
 * the explicit nft and legacy variants. When the other backend also holds rules, that is recorded as a
 * problem: two backends in use at once is a known source of lost rules. A save that failed (a timeout
 * on a loaded node) is never stood in for by an empty one from the other backend: "no rules" would
 * then be read as "no masquerade, no accept rules", so the rules count as not read instead.
 */
export async function gatherIptables(ctx: GatherContext): Promise<void> {
  const variants = ['iptables-save', 'iptables-nft-save', 'iptables-legacy-save'];
  // a node with kube-proxy's rules for thousands of Services takes seconds to save
  const results = await Promise.all(variants.map((v) => ctx.run([v], { timeoutMs: IPTABLES_TIMEOUT_MS })));
  const states: IptablesState[] = [];
  results.forEach((r, i) => {
    if (r.code !== 0) return;
    const s = parseIptablesSave(r.stdout, variants[i]);
    if (i === 2 && s.backend === 'unknown' && r.stdout.trim() === '') s.backend = 'legacy';
    if (i === 1 && s.backend === 'unknown') s.backend = 'nft';
    states.push(s);
  });
  const failed = results.map((r, i) => ({ r, v: variants[i] })).filter(({ r }) => r.code !== 0 && r.code !== 127);
  const main = results[0].code === 0 ? states[0] : (states.find((s) => s.rules.length > 0) ?? (failed.length ? undefined : states[0]));
  if (!main) {
    const missing = results.every((r) => r.code === 127);
    const why = failed.map(({ r, v }) => `${v} ${r.code === 124 ? 'timed out' : `failed: ${(r.stderr ?? '').trim().split('\n')[0].slice(0, 160)}`}`).join('; ');
    ctx.problem({ file: 'iptables-save', message: missing ? 'iptables-save not found' : `the iptables rules were not read (${why || 'no output'})` });
    return;
  }
  const chosen: IptablesState = main;
  const other = states.find((s) => s.backend !== chosen.backend && s.backend !== 'unknown' && s.rules.length > 0);
  if (other && chosen.rules.length > 0) {
    chosen.problems.push({ file: other.file ?? 'iptables', message: `rules exist in both the ${chosen.backend} and ${other.backend} iptables backends (${chosen.rules.length} and ${other.rules.length})` });
  }
  ctx.node.iptables = chosen;
  ctx.gathered('iptables');
}
