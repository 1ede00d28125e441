import type { CheckResult } from './check-cycle.js';
import type { ConfigChange } from './fingerprint.js';

/** A compact record of one check, kept in a bounded ring. */
export interface HistoryEntry {
  at: string;
  durationMs: number;
  verdict: string;
  causes: Record<string, number>;
  registryMs: Record<string, number>;
  dnsMs: Record<string, number>;
  meshOk: number;
  meshFailed: number;
  errors: number;
}

export class History {
  private entries: HistoryEntry[] = [];
  private changes: ConfigChange[] = [];

  constructor(private readonly size: number) {}

  add(r: CheckResult): void {
    const p = r.evidence.probes;
    const causes: Record<string, number> = {};
    for (const f of r.report.findings) causes[f.cause] = (causes[f.cause] ?? 0) + 1;
    const registryMs: Record<string, number> = {};
    for (const x of p?.registry ?? []) registryMs[x.image] = sum(x.phases.map((ph) => ph.ms));
    const dnsMs: Record<string, number> = {};
    for (const x of p?.dns ?? []) dnsMs[`${x.target.kind} ${x.target.server} ${x.nameKind}`] = x.ms;
    this.entries.push({
      at: r.at,
      durationMs: r.durationMs,
      verdict: r.report.verdict,
      causes,
      registryMs,
      dnsMs,
      meshOk: (p?.mesh ?? []).filter((m) => m.ok).length,
      meshFailed: (p?.mesh ?? []).filter((m) => !m.ok).length,
      errors: r.errors.length,
    });
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  addChanges(c: ConfigChange[]): void {
    this.changes.push(...c);
    if (this.changes.length > this.size) this.changes.splice(0, this.changes.length - this.size);
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  configChanges(): readonly ConfigChange[] {
    return this.changes;
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
