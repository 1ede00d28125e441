/**
 * A small iptables evaluator: sends one imagined packet through the rules of an iptables-save dump
 * (built-in chain → jumps into user chains → policy) and says which rule decides its fate. It knows
 * the matches flannel, kube-proxy, Docker, firewalld and ufw rules use; a rule with a match it cannot
 * judge is skipped and remembered as "uncertain", so callers can lower their confidence.
 */
import type { IptablesRule, IptablesState } from '../../evidence/node.js';
import { ipInCidr, parseCidr, parseIPv4, type Cidr } from '../_cidr.js';
import { parseRule, tokenize, type Packet, type ParsedRule } from './_iptables-match.js';

export { parseRule, tokenize, type Packet } from './_iptables-match.js';

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
