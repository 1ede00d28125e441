/**
 * A small iptables evaluator: sends one imagined packet through the rules of an iptables-save dump
 * (built-in chain → jumps into user chains → policy) and says which rule decides its fate. It knows
 * the matches flannel, kube-proxy, Docker, firewalld and ufw rules use; a rule with a match it cannot
 * judge is skipped and remembered as "uncertain", so callers can lower their confidence.
 */
import type { IptablesRule, IptablesState } from '../../evidence/node.js';
import { ipInCidr, parseCidr, parseIPv4, type Cidr } from '../flannel/_cidr.js';

export interface Packet {
  proto: 'udp' | 'tcp' | 'icmp';
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  /** Input / output interface where the hook has one. */
  in?: string;
  out?: string;
  /** Conntrack state of the packet: the first packet of a flow is NEW. */
  state?: string;
  mark?: number;
  srcLocal?: boolean;
  dstLocal?: boolean;
}

export type Verdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'MASQUERADE' | 'SNAT' | 'DNAT' | 'QUEUE';

export interface WalkResult {
  verdict: Verdict;
  /** The rule that decided, or undefined when the chain policy did. */
  rule?: IptablesRule;
  /** The chain whose policy or rule decided. */
  chain: string;
  table: string;
  /** Chains visited, outermost first, e.g. ["INPUT", "ufw-before-input"]. */
  path: string[];
  /** Rules skipped because a match could not be judged, and which might have decided otherwise. */
  uncertain: IptablesRule[];
}

const TERMINAL: Record<string, Verdict> = {
  ACCEPT: 'ACCEPT',
  DROP: 'DROP',
  REJECT: 'REJECT',
  MASQUERADE: 'MASQUERADE',
  SNAT: 'SNAT',
  DNAT: 'DNAT',
  REDIRECT: 'DNAT',
  QUEUE: 'QUEUE',
  NFQUEUE: 'QUEUE',
};

type Tri = 'yes' | 'no' | 'unknown';

/** Splits a rule into words, keeping "quoted strings" whole. */
export function tokenize(rule: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rule))) out.push(m[1] !== undefined ? m[1] : m[2]);
  return out;
}

export interface ParsedRule {
  target?: string;
  goto: boolean;
  /** Evaluates the rule's matches against a packet. */
  matches(p: Packet): Tri;
}

const ANY_PROTO = new Set(['all', '0']);

function ifaceMatch(pattern: string, name: string | undefined): Tri {
  if (name === undefined) return 'unknown';
  if (pattern.endsWith('+')) return name.startsWith(pattern.slice(0, -1)) ? 'yes' : 'no';
  return pattern === name ? 'yes' : 'no';
}

function portMatch(spec: string, port: number | undefined): Tri {
  if (port === undefined) return 'unknown';
  for (const part of spec.split(',')) {
    const [a, b] = part.split(':');
    const lo = a === '' ? 0 : Number(a);
    const hi = b === undefined ? lo : b === '' ? 65535 : Number(b);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'unknown';
    if (port >= lo && port <= hi) return 'yes';
  }
  return 'no';
}

function addrMatch(spec: string, ip: string): Tri {
  const list = spec.split(',');
  if (list.some((c) => !/^[\d.]+(\/\d+)?$/.test(c))) return 'unknown'; // IPv6 or hostname
  return list.some((c) => ipInCidr(ip, c)) ? 'yes' : 'no';
}

function addrTypeMatch(type: string, local: boolean | undefined): Tri {
  const t = type.toUpperCase();
  if (t === 'LOCAL') return local === undefined ? 'unknown' : local ? 'yes' : 'no';
  if (t === 'UNICAST') return 'yes';
  if (t === 'BROADCAST' || t === 'MULTICAST' || t === 'ANYCAST' || t === 'BLACKHOLE' || t === 'UNREACHABLE' || t === 'PROHIBIT') return 'no';
  return 'unknown';
}

/** Match modules whose options are all modelled (or harmless) here. */
const MODULES_NEUTRAL = new Set(['comment', 'udp', 'tcp', 'icmp', 'multiport', 'conntrack', 'state', 'mark', 'addrtype', 'limit']);

export function parseRule(text: string): ParsedRule {
  const t = tokenize(text);
  const checks: ((p: Packet) => Tri)[] = [];
  let target: string | undefined;
  let goto = false;
  let negate = false;
  let module = '';
  for (let i = 0; i < t.length; i++) {
    const w = t[i];
    if (w === '!') {
      negate = true;
      continue;
    }
    const neg = negate;
    negate = false;
    const val = t[i + 1];
    const add = (f: (p: Packet) => Tri) => checks.push(neg ? (p) => invert(f(p)) : f);
    switch (w) {
      case '-p':
      case '--protocol':
        i++;
        add((p) => (ANY_PROTO.has(val) ? 'yes' : val === p.proto || val === String({ tcp: 6, udp: 17, icmp: 1 }[p.proto]) ? 'yes' : 'no'));
        break;
      case '-s':
      case '--source':
      case '--src':
        i++;
        add((p) => addrMatch(val, p.src));
        break;
      case '-d':
      case '--destination':
      case '--dst':
        i++;
        add((p) => addrMatch(val, p.dst));
        break;
      case '-i':
      case '--in-interface':
        i++;
        add((p) => ifaceMatch(val, p.in));
        break;
      case '-o':
      case '--out-interface':
        i++;
        add((p) => ifaceMatch(val, p.out));
        break;
      case '-m':
      case '--match':
        i++;
        module = val;
        if (!MODULES_NEUTRAL.has(val)) checks.push(() => 'unknown');
        break;
      case '--dport':
      case '--destination-port':
      case '--dports':
      case '--destination-ports':
        i++;
        add((p) => portMatch(val, p.dport));
        break;
      case '--sport':
      case '--source-port':
      case '--sports':
      case '--source-ports':
        i++;
        add((p) => portMatch(val, p.sport));
        break;
      case '--ports':
        i++;
        add((p) => (portMatch(val, p.dport) === 'yes' || portMatch(val, p.sport) === 'yes' ? 'yes' : 'no'));
        break;
      case '--ctstate':
      case '--state':
        i++;
        add((p) => (val.split(',').includes(p.state ?? 'NEW') ? 'yes' : 'no'));
        break;
      case '--mark': {
        i++;
        const [v, m] = val.split('/');
        const value = Number(v);
        const mask = m === undefined ? 0xffffffff : Number(m);
        add((p) => (Number.isFinite(value) && Number.isFinite(mask) ? (((p.mark ?? 0) & mask) >>> 0) === value >>> 0 ? 'yes' : 'no' : 'unknown'));
        break;
      }
      case '--dst-type':
        i++;
        add((p) => addrTypeMatch(val, p.dstLocal));
        break;
      case '--src-type':
        i++;
        add((p) => addrTypeMatch(val, p.srcLocal));
        break;
      case '--syn':
        add((p) => (p.proto === 'tcp' ? 'yes' : 'no'));
        break;
      case '--comment':
      case '--limit':
      case '--limit-burst':
        i++;
        break;
      case '-j':
      case '--jump':
      case '-g':
      case '--goto':
        target = val;
        goto = w === '-g' || w === '--goto';
        // Everything after the target belongs to it (--reject-with, --random-fully, --log-prefix …).
        i = t.length;
        break;
      default:
        // An option we do not model: the whole rule is uncertain unless it belongs to a neutral module
        // whose other options are harmless (e.g. --icmp-type under -p icmp).
        if (w.startsWith('-')) {
          if (!(module === 'icmp' || module === 'limit')) checks.push(() => 'unknown');
          if (val !== undefined && !val.startsWith('-')) i++;
        }
    }
  }
  return {
    target,
    goto,
    matches(p) {
      let result: Tri = 'yes';
      for (const c of checks) {
        const r = c(p);
        if (r === 'no') return 'no';
        if (r === 'unknown') result = 'unknown';
      }
      return result;
    },
  };
}

function invert(t: Tri): Tri {
  return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'unknown';
}

/**
 * Parsed rules and chain indexes, cached per evidence object: a node is walked with many packets
 * (one per peer) and evidence is immutable while judged.
 */
const parsedCache = new WeakMap<IptablesRule, ParsedRule>();
const chainCache = new WeakMap<Readonly<IptablesState>, Map<string, Map<string, IptablesRule[]>>>();

function parsed(r: IptablesRule): ParsedRule {
  let x = parsedCache.get(r);
  if (!x) parsedCache.set(r, (x = parseRule(r.rule)));
  return x;
}

function chainsOf(state: Readonly<IptablesState>, table: string): Map<string, IptablesRule[]> {
  let tables = chainCache.get(state);
  if (!tables) chainCache.set(state, (tables = new Map()));
  let byChain = tables.get(table);
  if (!byChain) {
    byChain = new Map();
    for (const r of state.rules) {
      if (r.table !== table) continue;
      const list = byChain.get(r.chain) ?? [];
      list.push(r);
      byChain.set(r.chain, list);
    }
    tables.set(table, byChain);
  }
  return byChain;
}

type Outcome = { kind: 'final'; verdict: Verdict; rule: IptablesRule; chain: string } | { kind: 'return' };

/**
 * Walks `chain` of `table` with packet `p`. Returns undefined when the table is not in the dump.
 * A built-in chain that falls through ends with its policy (ACCEPT when unknown).
 */
export function walk(state: Readonly<IptablesState>, table: string, chain: string, p: Packet): WalkResult | undefined {
  const policies = state.policies[table];
  const byChain = chainsOf(state, table);
  if (!policies && !byChain.size) return undefined;
  const path: string[] = [];
  const uncertain: IptablesRule[] = [];
  const run = (name: string, depth: number): Outcome => {
    if (depth > 32) return { kind: 'return' };
    path.push(name);
    for (const r of byChain.get(name) ?? []) {
      const pr = parsed(r);
      const target = pr.target ?? r.target;
      const m = pr.matches(p);
      if (m === 'no' || !target) continue;
      // A target that is neither terminal nor a chain with rules (LOG, MARK, an empty chain) lets the packet go on.
      const isChain = byChain.has(target);
      if (m === 'unknown') {
        if (target === 'ACCEPT' || isChain) uncertain.push(r);
        continue;
      }
      if (target === 'RETURN') return { kind: 'return' };
      const verdict = TERMINAL[target];
      if (verdict) return { kind: 'final', verdict, rule: r, chain: name };
      if (isChain) {
        const sub = run(target, depth + 1);
        if (sub.kind === 'final') return sub;
        if (pr.goto) return { kind: 'return' };
        continue;
      }
      // Non-terminating targets (LOG, MARK, …): go on with the next rule.
    }
    return { kind: 'return' };
  };
  const out = run(chain, 0);
  if (out.kind === 'final') return { verdict: out.verdict, rule: out.rule, chain: out.chain, table, path, uncertain };
  const policy = (policies?.[chain] ?? 'ACCEPT').toUpperCase();
  return { verdict: TERMINAL[policy] ?? 'ACCEPT', chain, table, path, uncertain };
}

/**
 * Walks the hooks a packet passes in order (e.g. raw PREROUTING, mangle INPUT, filter INPUT) and
 * stops at the first one that drops or rejects it.
 */
export function walkHooks(state: Readonly<IptablesState>, hooks: [table: string, chain: string][], p: Packet): WalkResult | undefined {
  let last: WalkResult | undefined;
  for (const [table, chain] of hooks) {
    const r = walk(state, table, chain, p);
    if (!r) continue;
    last = r;
    if (r.verdict === 'DROP' || r.verdict === 'REJECT') return r;
  }
  return last;
}

export const INPUT_HOOKS: [string, string][] = [['raw', 'PREROUTING'], ['mangle', 'PREROUTING'], ['mangle', 'INPUT'], ['filter', 'INPUT']];
export const OUTPUT_HOOKS: [string, string][] = [['raw', 'OUTPUT'], ['mangle', 'OUTPUT'], ['filter', 'OUTPUT']];
export const FORWARD_HOOKS: [string, string][] = [['raw', 'PREROUTING'], ['mangle', 'PREROUTING'], ['mangle', 'FORWARD'], ['filter', 'FORWARD']];

const specCache = new WeakMap<Readonly<IptablesState>, (Cidr[] | undefined)[]>();

/**
 * A key that is equal for two addresses exactly when every -s/-d of the dump treats them alike: packets
 * that differ only in that address get the same verdict, so a caller walking one packet per peer can
 * walk once per key.
 */
export function addressKey(state: Readonly<IptablesState>, ip: string): string {
  let specs = specCache.get(state);
  if (!specs) {
    const set = new Set<string>();
    for (const r of state.rules) {
      const t = tokenize(r.rule);
      t.forEach((w, i) => {
        if (/^(-s|--source|--src|-d|--destination|--dst)$/.test(w) && t[i + 1]) set.add(t[i + 1]);
      });
    }
    // Each spec parsed once; an unparsable one (IPv6, hostname) is undefined.
    specs = [...set].map((sp) => {
      const list = sp.split(',').map((c) => parseCidr(c));
      return list.every((c): c is Cidr => !!c) ? list : undefined;
    });
    specCache.set(state, specs);
  }
  const n = parseIPv4(ip);
  if (n === undefined) return ip;
  let key = '';
  for (const sp of specs) key += sp === undefined ? '?' : sp.some((c) => ipInCidr(n, c)) ? '1' : '0';
  return key;
}

/** "-A CHAIN rule" as iptables-save prints it, for evidence lines. */
export function ruleText(r: IptablesRule): string {
  return `-t ${r.table} -A ${r.chain} ${r.rule}`;
}

export function decidedBy(r: WalkResult): string {
  return r.rule ? ruleText(r.rule) : `policy ${r.verdict} of ${r.table} ${r.chain}`;
}
