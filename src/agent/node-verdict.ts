/**
 * The agent's compact verdict, published through the API server as node-problem-detector does: one
 * Node condition (type FlannelDoctorHealthy) patched on nodes/status, and an Event on the Node when
 * the verdict changes. Writes only on a change and otherwise once per HEARTBEAT_SECONDS (a heartbeat,
 * so live diagnose can tell a silent agent from a healthy one). Steady-state write load: one PATCH per
 * node per minute (5,000 nodes: ~83 PATCH/s), plus one PATCH and one POST event per verdict change.
 */
import type { DiagnosisReport } from '../engine/diagnose.js';

import { CONDITION_TYPE, HEARTBEAT_SECONDS } from '../evidence/node-condition.js';

export { CONDITION_TYPE, HEARTBEAT_SECONDS } from '../evidence/node-condition.js';
/** Longest condition message (kubectl describe shows it on one line). */
const MAX_MESSAGE = 200;

export interface NodeVerdict {
  /** True = healthy; False = a root cause on this node; Unknown = not judged (agent stale, no rules ran). */
  status: 'True' | 'False' | 'Unknown';
  /** The first root cause's id in CamelCase (a Kubernetes reason allows no dots or dashes), or Healthy/Stale/Unknown. */
  reason: string;
  message: string;
}

/** `dns.node-resolver` → `DnsNodeResolver`: letters and digits of each part, each capitalised. */
export function reasonOf(causeId: string): string {
  const r = causeId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
  return /^[A-Za-z]/.test(r) ? r : `Cause${r}`;
}

/** The verdict of one check (or of a stale agent, whose last result is no longer evidence). */
export function verdictOf(report: DiagnosisReport | undefined, stale: boolean): NodeVerdict {
  if (stale || !report) return { status: 'Unknown', reason: 'AgentStale', message: 'flannel-doctor agent has no recent check on this node' };
  if (report.verdict === 'unknown') return { status: 'Unknown', reason: 'NotJudged', message: clip(report.summary) };
  const top = report.findings[0];
  if (report.verdict === 'healthy' || !top) return { status: 'True', reason: 'Healthy', message: 'flannel-doctor found no fault on this node' };
  const more = report.findings.length > 1 ? ` (+${report.findings.length - 1} more)` : '';
  return { status: 'False', reason: reasonOf(top.cause), message: clip(`${top.cause}: ${top.message}${more}`) };
}

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE - 1) + '…' : s;
}

/** The two writes the agent makes (a KubeClient in a pod; a recorder in tests). */
export interface VerdictWriter {
  write(method: 'PATCH' | 'POST', path: string, body: unknown, timeoutMs: number, contentType?: string): Promise<{ status: number; body: any }>;
}

export interface PublishCounters {
  patches: number;
  events: number;
  skipped: number;
  failed: number;
  lastError?: string;
}

/**
 * Publishes one node's verdict. `publish` is called after every check and on a heartbeat timer; it
 * decides whether to write. A failed write is retried at the next call (never more often).
 */
export class VerdictPublisher {
  readonly counters: PublishCounters = { patches: 0, events: 0, skipped: 0, failed: 0 };
  private published?: NodeVerdict & { at: number; transitionAt: string };

  constructor(
    private readonly writer: VerdictWriter,
    private readonly node: string,
    private readonly opts: { namespace?: string; timeoutMs?: number; component?: string } = {},
  ) {}

  async publish(v: NodeVerdict, now = Date.now()): Promise<'changed' | 'heartbeat' | 'skipped' | 'failed'> {
    const prev = this.published;
    const changed = !prev || prev.status !== v.status || prev.reason !== v.reason || prev.message !== v.message;
    if (!changed && now - prev!.at < HEARTBEAT_SECONDS * 1000) {
      this.counters.skipped++;
      return 'skipped';
    }
    const at = new Date(now).toISOString();
    const transitionAt = prev && prev.status === v.status ? prev.transitionAt : at;
    const condition = { type: CONDITION_TYPE, status: v.status, reason: v.reason, message: v.message, lastHeartbeatTime: at, lastTransitionTime: transitionAt };
    const timeout = this.opts.timeoutMs ?? 10_000;
    try {
      const r = await this.writer.write('PATCH', `/api/v1/nodes/${encodeURIComponent(this.node)}/status`, { status: { conditions: [condition] } }, timeout, 'application/strategic-merge-patch+json');
      if (r.status !== 200) throw new Error(`PATCH nodes/${this.node}/status: HTTP ${r.status}${r.body?.message ? `: ${r.body.message}` : ''}`);
      this.counters.patches++;
      const statusOrReasonChanged = !prev || prev.status !== v.status || prev.reason !== v.reason;
      this.published = { ...v, at: now, transitionAt };
      if (statusOrReasonChanged) await this.event(v, at, timeout);
      return changed ? 'changed' : 'heartbeat';
    } catch (e) {
      this.counters.failed++;
      this.counters.lastError = (e as Error).message;
      return 'failed';
    }
  }

  /** An Event on the Node (involvedObject Node, in namespace default as the kubelet's node events). */
  private async event(v: NodeVerdict, at: string, timeout: number): Promise<void> {
    const ns = this.opts.namespace ?? 'default';
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: ns, name: `${this.node}.fd${Date.parse(at).toString(36)}` },
      involvedObject: { kind: 'Node', name: this.node, uid: this.node, apiVersion: 'v1' },
      reason: v.reason,
      message: v.message,
      type: v.status === 'False' ? 'Warning' : 'Normal',
      source: { component: this.opts.component ?? 'flannel-doctor', host: this.node },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      reportingComponent: this.opts.component ?? 'flannel-doctor',
      reportingInstance: this.node,
    };
    const r = await this.writer.write('POST', `/api/v1/namespaces/${ns}/events`, ev, timeout);
    if (r.status !== 201 && r.status !== 200) throw new Error(`POST events: HTTP ${r.status}${r.body?.message ? `: ${r.body.message}` : ''}`);
    this.counters.events++;
  }
}
