/**
 * The match half of the iptables evaluator: one rule of an iptables-save dump, parsed into its target
 * and a function that says whether an imagined packet matches it (yes, no, or unknown when the rule
 * uses a match this model does not know).
 */
import { ipInCidr } from '../_cidr.js';

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

export type Tri = 'yes' | 'no' | 'unknown';

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

