import { Counter, Gauge, Registry } from 'prom-client';
import { CAUSES } from '../catalog/index.js';
import { registryCause } from '../rules/_registry-verdict.js';
import type { CheckResult } from './check-cycle.js';

/**
 * The agent's Prometheus metrics, on a registry of its own (no global state). Label sets are bounded:
 * causes come from the catalog, peers only from this node's probe plan, phases from a fixed list.
 */
export class AgentMetrics {
  /** What a check found: changes only when a check ends, so its text is rendered once per check. */
  readonly registry = new Registry();
  /** What moves between checks (age, staleness, write counters): rendered on every scrape. */
  private readonly live = new Registry();
  private rendered?: string;
  private readonly findings: Gauge;
  private readonly registryPhase: Gauge;
  private readonly registryUp: Gauge;
  private readonly dnsSeconds: Gauge;
  private readonly dnsUp: Gauge;
  private readonly meshUp: Gauge;
  private readonly meshSeconds: Gauge;
  private readonly mtuUp: Gauge;
  private readonly flannelCounters: Gauge;
  private readonly lastSuccess: Gauge;
  private readonly checkSeconds: Gauge;
  private readonly stale: Gauge;
  private lastSuccessAt = 0;
  private verdictWrites?: () => { patches: number; events: number; failed: number };

  constructor(node: string) {
    this.registry.setDefaultLabels({ node });
    this.live.setDefaultLabels({ node });
    const r = [this.registry];
    const live = [this.live];
    this.findings = new Gauge({ name: 'flannel_doctor_findings', help: 'Root causes found by the last check, by cause and severity', labelNames: ['cause', 'severity', 'tier'], registers: r });
    this.registryPhase = new Gauge({ name: 'flannel_doctor_registry_probe_phase_seconds', help: 'Duration of each registry probe phase', labelNames: ['registry', 'phase', 'result'], registers: r });
    this.registryUp = new Gauge({ name: 'flannel_doctor_registry_probe_success', help: '1 when the registry probe of an image passed every phase', labelNames: ['registry', 'cause'], registers: r });
    this.dnsSeconds = new Gauge({ name: 'flannel_doctor_dns_probe_seconds', help: 'DNS answer time by target kind and name kind', labelNames: ['target', 'name_kind', 'result'], registers: r });
    this.dnsUp = new Gauge({ name: 'flannel_doctor_dns_probe_success', help: '1 when the DNS query was answered', labelNames: ['target', 'name_kind'], registers: r });
    this.meshUp = new Gauge({ name: 'flannel_doctor_mesh_reachable', help: '1 when the peer answered on this path', labelNames: ['peer', 'path'], registers: r });
    this.meshSeconds = new Gauge({ name: 'flannel_doctor_mesh_latency_seconds', help: 'Round-trip time to the peer on this path', labelNames: ['peer', 'path'], registers: r });
    this.mtuUp = new Gauge({ name: 'flannel_doctor_mtu_probe_success', help: "1 when don't-fragment probes at full MTU passed", labelNames: ['peer', 'path'], registers: r });
    this.flannelCounters = new Gauge({ name: 'flannel_doctor_flannel_interface_total', help: 'flannel.1 counters (packets, bytes, errors, drops) by direction', labelNames: ['counter', 'direction'], registers: r });
    this.lastSuccess = new Gauge({ name: 'flannel_doctor_last_success_age_seconds', help: 'Seconds since the last check that completed', registers: live, collect: () => this.refreshAge() });
    this.checkSeconds = new Gauge({ name: 'flannel_doctor_check_duration_seconds', help: 'Duration of the last check cycle', registers: r });
    this.stale = new Gauge({ name: 'flannel_doctor_results_stale', help: '1 when the last results are older than two check intervals', registers: live });
    const exported = { patch: 0, event: 0, failed: 0 };
    const writes: Counter = new Counter({
      name: 'flannel_doctor_verdict_writes_total',
      help: 'API writes of the verdict (Node condition patches, Events, failed writes) since the agent started',
      labelNames: ['kind'],
      registers: live,
      collect: () => {
        const c = this.verdictWrites?.();
        if (!c) return;
        const now = { patch: c.patches, event: c.events, failed: c.failed };
        for (const k of ['patch', 'event', 'failed'] as const) {
          if (now[k] > exported[k]) writes.inc({ kind: k }, now[k] - exported[k]);
          exported[k] = now[k];
        }
      },
    });
  }

  /** Exports the publisher's write counters (the agent's API write load, measured where it happens). */
  countVerdictWrites(counters: () => { patches: number; events: number; failed: number }): void {
    this.verdictWrites = counters;
  }

  private refreshAge(): void {
    this.lastSuccess.set(this.lastSuccessAt ? (Date.now() - this.lastSuccessAt) / 1000 : -1);
  }

  setStale(stale: boolean): void {
    this.stale.set(stale ? 1 : 0);
  }

  update(r: CheckResult): void {
    this.rendered = undefined;
    this.findings.reset();
    // Every catalog cause is exported (0 when absent) so alerts can match on absence too.
    const seen = new Map<string, { severity: string; tier: string }>();
    for (const f of r.report.findings) seen.set(f.cause, { severity: f.severity, tier: f.tier });
    for (const c of CAUSES) {
      const s = seen.get(c.id);
      if (s) this.findings.set({ cause: c.id, severity: s.severity, tier: s.tier }, 1);
    }
    const p = r.evidence.probes;
    this.registryPhase.reset();
    this.registryUp.reset();
    for (const x of p?.registry ?? []) {
      for (const ph of x.phases) this.registryPhase.set({ registry: x.registry, phase: ph.name, result: ph.ok ? 'ok' : 'fail' }, ph.ms / 1000);
      // the probe records; the cause is the rules' verdict on it (an older result may carry one already)
      this.registryUp.set({ registry: x.registry, cause: registryCause(x) ?? 'none' }, x.ok ? 1 : 0);
    }
    this.dnsSeconds.reset();
    this.dnsUp.reset();
    for (const d of p?.dns ?? []) {
      const target = `${d.from.kind}->${d.target.kind}`;
      this.dnsSeconds.set({ target, name_kind: d.nameKind, result: d.outcome }, d.ms / 1000);
      this.dnsUp.set({ target, name_kind: d.nameKind }, d.outcome === 'ok' ? 1 : 0);
    }
    this.meshUp.reset();
    this.meshSeconds.reset();
    this.mtuUp.reset();
    for (const m of p?.mesh ?? []) {
      if (m.path.startsWith('mtu')) this.mtuUp.set({ peer: m.to, path: m.path }, m.ok ? 1 : 0);
      else {
        this.meshUp.set({ peer: m.to, path: m.path }, m.ok ? 1 : 0);
        if (m.ms !== undefined) this.meshSeconds.set({ peer: m.to, path: m.path }, m.ms / 1000);
      }
    }
    const node = Object.values(r.evidence.nodes)[0];
    const fl = node?.links.find((l) => l.name === 'flannel.1');
    this.flannelCounters.reset();
    if (fl?.stats) {
      const s = fl.stats;
      const put = (counter: string, direction: string, v?: number) => v !== undefined && this.flannelCounters.set({ counter, direction }, v);
      put('packets', 'rx', s.rxPackets);
      put('packets', 'tx', s.txPackets);
      put('bytes', 'rx', s.rxBytes);
      put('bytes', 'tx', s.txBytes);
      put('errors', 'rx', s.rxErrors);
      put('errors', 'tx', s.txErrors);
      put('drops', 'rx', s.rxDropped);
      put('drops', 'tx', s.txDropped);
    }
    this.checkSeconds.set(r.durationMs / 1000);
    if (node) this.lastSuccessAt = Date.parse(r.at) + r.durationMs;
  }

  /** The exposition text: a scrape between checks costs only the live part (a scrape storm stays cheap). */
  async text(): Promise<string> {
    this.rendered ??= await this.registry.metrics();
    return this.rendered + (await this.live.metrics());
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
