/**
 * Many ICMP probes from one namespace. Without node state to read, fping runs directly (one runner
 * call per packet size, no shell): as cheap as bare fping, which the probe-mesh bench holds it to.
 * With node state, or without fping, one shell per namespace: fping per packet size, or each target
 * its own `ping` in the background writing to a file, and one grep printing them all.
 */
import { parseState, sections, stateScript, type NodeState } from './node-state.js';
import type { MeshRunner } from './types.js';

export interface PingSpec {
  id: number;
  to: string;
  /** payload bytes; with df the IP packet is size + 28 */
  size?: number;
  df?: boolean;
  /** packets to send, 200 ms apart (default 1); any reply makes it ok, the rest is lossPct */
  count?: number;
}

export interface PingOutcome {
  ok: boolean;
  ms?: number;
  lossPct?: number;
  error?: string;
}

const isIp = (s: string) => /^[0-9a-fA-F.:]+$/.test(s);

/**
 * The shell script: fping per group when present and able to start (`fping -v` exits 4 without a word
 * when it cannot, e.g. no /etc/protocols), else one ping per target. Exported for tests.
 */
export function pingScript(specs: PingSpec[], timeoutMs: number, tool: 'auto' | 'ping' = 'auto'): string {
  const groups = groupSpecs(specs);
  const w = Math.max(0.2, timeoutMs / 1000).toFixed(1);
  const fp: string[] = [];
  const pg: string[] = [];
  let g = 0;
  for (const list of groups.values()) {
    const s0 = list[0]!;
    const n = countOf(s0);
    fp.push(`${fpingArgv(s0, timeoutMs).join(' ')} ${[...new Set(list.map((s) => s.to))].join(' ')} >$d/g${g} 2>&1 &`);
    for (const s of list) pg.push(`ping -n -q -c ${n}${n > 1 ? ' -i 0.2' : ''} -W ${w}${s0.df ? ' -M do' : ''}${s0.size !== undefined ? ` -s ${Math.max(0, Math.floor(s0.size))}` : ''} ${s.to} >$d/p${s.id} 2>&1 & p${s.id}=$!`);
    g++;
  }
  const waits = specs.map((s) => `wait $p${s.id}; echo "@rc ${s.id} $?"`);
  return ['d=$(mktemp -d)', tool === 'ping' ? 'if false; then' : 'if command -v fping >/dev/null 2>&1 && fping -v >/dev/null 2>&1; then', ...fp, 'wait', 'else', ...pg, ...waits, 'fi', 'echo @@pings; grep -H "" $d/* 2>/dev/null; rm -rf "$d"'].join('\n');
}

export interface BatchState {
  /** node name for counter keys */
  node: string;
  /** read routes/neigh/FDB too (before the pings) */
  full: boolean;
}

export interface BatchResult {
  outcomes: Map<number, PingOutcome>;
  before?: NodeState;
  after?: NodeState;
}

/**
 * Runs the probes in one runner call; with `state`, the node's state is read in the same shell
 * right before and after, so counter deltas cover exactly this batch and cost no extra namespace entry.
 */
export async function pingBatch(runner: MeshRunner, netns: string | undefined, specs: PingSpec[], timeoutMs: number, state?: BatchState, tool: 'auto' | 'ping' = 'auto'): Promise<BatchResult> {
  const out = new Map<number, PingOutcome>();
  const good = specs.filter((s) => isIp(s.to));
  for (const s of specs) if (!isIp(s.to)) out.set(s.id, { ok: false, error: `not an IP address: ${s.to.slice(0, 40)}` });
  if (!good.length && !state) return { outcomes: out };
  if (!state && tool === 'auto' && (await fpingDirect(runner, netns, good, timeoutMs, out))) return { outcomes: out };
  const script = [state ? stateScript('before', state.full) : '', good.length ? pingScript(good, timeoutMs, tool) : '', state ? stateScript('after', false) : ''].filter(Boolean).join('\n');
  const r = await runner.exec(netns, ['sh', '-c', script], { allowFail: true });
  const res: BatchResult = { outcomes: out };
  if (state) {
    const sec = sections(r.stdout);
    res.before = parseState(state.node, sec, 'before', state.full);
    res.after = parseState(state.node, sec, 'after', false);
    if (res.before.error) res.before.error = (r.stderr || `exit ${r.code}`).trim().slice(0, 300);
  }
  const rc: Record<number, number> = {};
  const ping: Record<number, string[]> = {};
  const fping: Record<string, string[]> = {}; // group file → lines
  for (const line of r.stdout.split('\n')) {
    const m = /^@rc (\d+) (\d+)$/.exec(line);
    if (m) {
      rc[Number(m[1])] = Number(m[2]);
      continue;
    }
    const f = /\/(p\d+|g\d+):(.*)$/.exec(line);
    if (!f) continue;
    if (f[1]!.startsWith('p')) (ping[Number(f[1]!.slice(1))] ??= []).push(f[2]!);
    else (fping[f[1]!] ??= []).push(f[2]!);
  }
  if (Object.keys(fping).length) {
    // group order matches pingScript: recompute the groups to map files back to specs
    [...groupSpecs(good).values()].forEach((list, g) => fpingOutcomes(list, fping[`g${g}`] ?? [], r.stderr, timeoutMs, out));
    return res;
  }
  for (const s of good) {
    const t = (ping[s.id] ?? []).join('\n');
    const code = rc[s.id];
    if (code === undefined) {
      out.set(s.id, { ok: false, error: `probe did not run in ${netns ?? 'this namespace'}: ${(r.stderr || 'no output').trim().slice(0, 200)}` });
      continue;
    }
    const rtt = /= [\d.]+\/([\d.]+)\//.exec(t);
    const loss = /([\d.]+)% packet loss/.exec(t);
    const o: PingOutcome = { ok: code === 0 };
    if (rtt) o.ms = Number(rtt[1]);
    if (loss) o.lossPct = Number(loss[1]);
    if (!o.ok) {
      const err = t.split('\n').find((l) => /ping:|From |too long|unreachable|error/i.test(l) && !/statistics/.test(l));
      o.error = err?.trim() ?? (loss ? `no reply within ${timeoutMs} ms (${loss[1]}% loss)` : `ping exit ${code}`);
    }
    out.set(s.id, o);
  }
  return res;
}

const countOf = (s: PingSpec) => Math.max(1, Math.min(10, Math.floor(s.count ?? 1)));

/** fping for one group, without its targets: -C count (200 ms apart when more than one), no retry. */
function fpingArgv(s0: PingSpec, timeoutMs: number): string[] {
  const n = countOf(s0);
  return ['fping', '-C', String(n), ...(n > 1 ? ['-p', '200'] : []), '-q', '-r', '0', '-i', '1', '-t', String(Math.round(timeoutMs)), ...(s0.df ? ['-M'] : []), ...(s0.size !== undefined ? ['-b', String(Math.max(0, Math.floor(s0.size)))] : [])];
}

/** Specs by packet size, don't-fragment and count: one fping per group. */
function groupSpecs(specs: PingSpec[]): Map<string, PingSpec[]> {
  const groups = new Map<string, PingSpec[]>();
  for (const s of specs) {
    const k = `${s.size ?? ''}/${s.df ? 1 : 0}/${countOf(s)}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return groups;
}

/** fping -C n -q prints "<ip> : <ms> <ms> …" ("-" for each lost one) per target; other lines are its errors. */
function fpingOutcomes(list: PingSpec[], lines: string[], stderr: string, timeoutMs: number, out: Map<number, PingOutcome>): void {
  for (const s of list) {
    const res = lines.find((l) => new RegExp(`^${s.to.replace(/\./g, '\\.')}\\s+:`).test(l));
    const errLine = lines.find((l) => l.includes(s.to) && !/^\S+\s+:/.test(l));
    if (res) {
      const vs = res.slice(res.indexOf(':') + 1).trim().split(/\s+/);
      const got = vs.filter((v) => v !== '-' && Number.isFinite(Number(v))).map(Number);
      const lossPct = Math.round((100 * (vs.length - got.length)) / Math.max(1, vs.length));
      if (got.length) out.set(s.id, { ok: true, ms: Math.min(...got), lossPct });
      else out.set(s.id, { ok: false, lossPct: 100, error: errLine?.trim() ?? `no reply within ${timeoutMs} ms` });
    } else out.set(s.id, { ok: false, error: (errLine ?? lines[0] ?? stderr ?? 'no output').trim().slice(0, 200) || 'no output' });
  }
}

/**
 * One fping per group, straight through the runner (no shell, no temporary files). False when fping
 * cannot be started there (the caller falls back to the shell, which finds ping instead).
 */
async function fpingDirect(runner: MeshRunner, netns: string | undefined, specs: PingSpec[], timeoutMs: number, out: Map<number, PingOutcome>): Promise<boolean> {
  const groups = [...groupSpecs(specs).values()];
  const runs = await Promise.all(
    groups.map((list) => {
      const argv = [...fpingArgv(list[0]!, timeoutMs), ...new Set(list.map((s) => s.to))];
      return runner.exec(netns, argv, { allowFail: true });
    }),
  );
  // Not started: the runner's or nsenter's "not found" (exit 127), and no per-target line at all.
  if (runs.some((r) => r.code === 127 || (r.code !== 0 && r.code !== 1 && !/^\S+\s+:/m.test(r.stdout + r.stderr)))) return false;
  groups.forEach((list, g) => {
    const r = runs[g]!;
    fpingOutcomes(list, `${r.stdout}\n${r.stderr}`.split('\n').filter(Boolean), r.stderr, timeoutMs, out);
  });
  return true;
}
