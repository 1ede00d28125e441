import type { Rule } from '../rules/define-rule.js';
import { runCheckCycle, type CheckParts, type CheckResult } from './check-cycle.js';
import type { AgentConfig, ConfigProblem } from './config.js';
import { changesBetween, snapshot, type FileSnapshot } from './fingerprint.js';
import { History } from './history.js';
import { HostFiles } from '../sources/host/files.js';
import { AgentMetrics } from './metrics.js';
import { HEARTBEAT_SECONDS, verdictOf, type VerdictPublisher } from './node-verdict.js';

export interface AgentStatus {
  node: string;
  version: string;
  startedAt: string;
  lastCheckAt?: string;
  nextCheckAt?: string;
  intervalSeconds: number;
  /** Last results older than two intervals (a hung part, a paused process): shown, but marked. */
  stale: boolean;
  running: boolean;
  configProblem?: ConfigProblem;
  errors: CheckResult['errors'];
}

/**
 * The agent: checks this node on a schedule, keeps the last result and a bounded history, and
 * updates metrics. It never stops on a failed part: the last good results stay served, marked stale.
 */
export class Agent {
  readonly metrics: AgentMetrics;
  readonly history: History;
  last?: CheckResult;
  private timer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private publisher?: VerdictPublisher;
  private running = false;
  private snapshots?: FileSnapshot[];
  private readonly startedAt = new Date().toISOString();
  configProblem?: ConfigProblem;

  constructor(
    private config: AgentConfig,
    private readonly parts: CheckParts,
    private readonly rules: readonly Rule[],
    private readonly version: string,
  ) {
    this.metrics = new AgentMetrics(this.nodeName);
    this.history = new History(config.historySize);
  }

  get nodeName(): string {
    return this.config.nodeName ?? 'unknown';
  }

  get intervalSeconds(): number {
    return this.config.intervalSeconds;
  }

  get token(): string | undefined {
    return this.config.token;
  }

  get openMetrics(): boolean {
    return !!this.config.openMetrics;
  }

  /** A new config (file reloaded): applies from the next cycle. */
  reconfigure(config: AgentConfig, problem?: ConfigProblem): void {
    this.config = config;
    this.configProblem = problem;
  }

  /** Publish the verdict as a Node condition (+ Event on change) after each check and on a heartbeat. */
  publishTo(p: VerdictPublisher): void {
    this.publisher = p;
    this.metrics.countVerdictWrites(() => p.counters);
  }

  /** The verdict now (Unknown once the last check is stale) through the publisher, which writes only if due. */
  async publishVerdict(now = Date.now()): Promise<void> {
    if (this.publisher) await this.publisher.publish(verdictOf(this.last?.report, this.status().stale), now);
  }

  start(): void {
    if (this.publisher) {
      this.heartbeat = setInterval(() => void this.publishVerdict(), HEARTBEAT_SECONDS * 1000);
      this.heartbeat.unref?.();
    }
    const loop = async () => {
      await this.checkNow();
      this.timer = setTimeout(loop, this.config.intervalSeconds * 1000);
      this.timer.unref?.();
    };
    void loop();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
  }

  /** Runs one cycle unless one is already running (a slow node never piles up cycles). */
  async checkNow(): Promise<CheckResult | undefined> {
    if (this.running) return undefined;
    this.running = true;
    try {
      const result = await runCheckCycle(this.parts, this.rules, { version: this.version, partTimeoutMs: Math.max(1000, this.config.probeTimeoutMs * 2) });
      this.last = result;
      this.history.add(result);
      this.metrics.update(result);
      const snap = await snapshot(new HostFiles(this.config.hostRoot));
      if (this.snapshots) this.history.addChanges(changesBetween(this.snapshots, snap, result.at));
      this.snapshots = snap;
      await this.publishVerdict();
      return result;
    } finally {
      this.running = false;
      this.metrics.setStale(this.status().stale);
    }
  }

  status(): AgentStatus {
    const lastAt = this.last ? Date.parse(this.last.at) : undefined;
    const stale = lastAt === undefined ? true : Date.now() - lastAt > 2 * this.config.intervalSeconds * 1000 + (this.last?.durationMs ?? 0);
    return {
      node: this.nodeName,
      version: this.version,
      startedAt: this.startedAt,
      lastCheckAt: this.last?.at,
      intervalSeconds: this.config.intervalSeconds,
      stale,
      running: this.running,
      configProblem: this.configProblem,
      errors: this.last?.errors ?? [],
    };
  }
}
