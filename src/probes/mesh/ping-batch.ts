/**
 * Many pings from one namespace in one shell: each ping runs in the background writing to its own
 * file, the shell waits for each and prints its exit code, then one grep prints every output. One
 * `ip netns exec` per source namespace keeps a 20-node mesh inside its time budget.
 */
import type { MeshRunner } from './types.js';

export interface PingSpec {
  id: number;
  to: string;
  /** payload bytes; with df the packet is size + 28 */
  size?: number;
  df?: boolean;
}

export interface PingOutcome {
  ok: boolean;
  ms?: number;
  lossPct?: number;
  error?: string;
}

export async function pingBatch(runner: MeshRunner, netns: string | undefined, specs: PingSpec[], timeoutMs: number): Promise<Map<number, PingOutcome>> {
  const out = new Map<number, PingOutcome>();
  if (!specs.length) return out;
  const w = Math.max(0.2, timeoutMs / 1000).toFixed(1);
  const safe = (s: string) => /^[0-9a-fA-F.:]+$/.test(s);
  const lines = ['d=$(mktemp -d)'];
  for (const s of specs) {
    if (!safe(s.to)) {
      out.set(s.id, { ok: false, error: `not an IP address: ${s.to.slice(0, 40)}` });
      continue;
    }
    const extra = `${s.df ? ' -M do' : ''}${s.size !== undefined ? ` -s ${Math.max(0, Math.floor(s.size))}` : ''}`;
    lines.push(`ping -n -q -c 1 -W ${w}${extra} ${s.to} >$d/${s.id} 2>&1 & p${s.id}=$!`);
  }
  for (const s of specs) if (safe(s.to)) lines.push(`wait $p${s.id}; echo "@rc ${s.id} $?"`);
  lines.push('grep -H "" $d/* 2>/dev/null; rm -rf "$d"');
  const r = await runner.exec(netns, ['sh', '-c', lines.join('\n')], { allowFail: true });
  const text: Record<number, string[]> = {};
  const rc: Record<number, number> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^@rc (\d+) (\d+)$/.exec(line);
    if (m) {
      rc[Number(m[1])] = Number(m[2]);
      continue;
    }
    const f = /\/(\d+):(.*)$/.exec(line);
    if (f) (text[Number(f[1])] ??= []).push(f[2]!);
  }
  for (const s of specs) {
    if (out.has(s.id)) continue;
    const t = (text[s.id] ?? []).join('\n');
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
      o.error = err?.trim() ?? (loss ? `no reply within ${w}s (${loss[1]}% loss)` : `ping exit ${code}`);
    }
    out.set(s.id, o);
  }
  return out;
}
