/**
 * How busy a node's busiest CPU was between two reads of /proc/stat (not namespaced: the node's own
 * CPUs). One TCP stream's encapsulation and softirq work lands on one CPU, so the busiest one, not the
 * average, says whether the CPU held the throughput down.
 */

export type CpuTimes = Map<string, { busy: number; total: number }>;

export function parseProcStat(text: string): CpuTimes {
  const out: CpuTimes = new Map();
  for (const line of text.split('\n')) {
    const m = /^(cpu\d+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const v = m[2]!.split(/\s+/).map(Number);
    if (v.length < 4 || v.some((x) => !Number.isFinite(x))) continue;
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = v[3]! + (v[4] ?? 0);
    out.set(m[1]!, { busy: total - idle, total });
  }
  return out;
}

/** Percent busy of the busiest CPU between two samples; undefined when nothing comparable was read. */
export function busiestCpuPct(before: CpuTimes, after: CpuTimes): number | undefined {
  let best: number | undefined;
  for (const [cpu, a] of after) {
    const b = before.get(cpu);
    if (!b) continue;
    const total = a.total - b.total;
    if (total <= 0) continue;
    const pct = (100 * (a.busy - b.busy)) / total;
    best = best === undefined ? pct : Math.max(best, pct);
  }
  return best === undefined ? undefined : Math.round(best);
}
