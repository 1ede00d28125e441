import type { FixStepSource } from '../catalog/fix-types.js';
import type { Classification } from '../catalog/types.js';
import type { ClusterEvidence } from '../evidence/cluster.js';
import type { NodeEvidence } from '../evidence/node.js';
import type { Evidence } from '../evidence/types.js';
import type { EvidenceItem, Severity } from '../findings/finding.js';
import type { JudgedLogLine } from '../findings/judged-log-line.js';

export type RuleLayer = 'image' | 'registry' | 'cni' | 'flannel' | 'node' | 'dns' | 'runtime' | 'probe';

/** What a rule hands to `report`: data, scope and proof. Text comes from the rule's templates. */
export interface Report<M extends string> {
  messageId: M;
  /** Fills the {placeholders} of the message template. */
  data?: Record<string, string | number>;
  /** One of the rule's `causes`; defaults to the first. */
  cause?: string;
  severity?: Severity;
  nodes?: string[];
  /**
   * Node pairs (or sets) the finding implicates without locating the fault in one of them (a probe
   * between two nodes fails either way). A finding of the same cause that locates it on a node of
   * every pair narrows the placement to that node.
   */
  suspects?: string[][];
  /** Nodes the failing traffic crossed besides `nodes` (see Finding.via). */
  via?: string[];
  pods?: string[];
  registry?: string;
  evidence: EvidenceItem[];
  /**
   * Overrides the catalog's fix steps when the rule knows better (e.g. runtime-specific, computed
   * values). {placeholders} are filled from the finding's scope and data (src/fix).
   */
  fix?: FixStepSource[];
  /**
   * The catalog signature that read the evidence's text (Classification.signature). When it carries a subject (a
   * cause read by its mechanism from another component, src/catalog/signature-subjects.ts), the finding's fix is the
   * subject's, not the cause's; a rule's own `fix` still wins.
   */
  signature?: string;
  confidence?: number;
  alternatives?: string[];
}

interface BaseContext<M extends string> {
  readonly evidence: Readonly<Evidence>;
  /**
   * The cluster evidence, for a rule that declares a `cluster.*` need (the engine ran it, so it is
   * there). Reading it without declaring one throws: the rule fails loudly as a tool error instead of
   * silently judging an empty cluster.
   */
  readonly cluster: Readonly<ClusterEvidence>;
  /** The catalog's message classifier of this run (pure). */
  classify(message: string): Classification;
  report(r: Report<M>): void;
}

/** What a cluster-scoped rule sees: the whole evidence, once. */
export type ClusterContext<M extends string> = BaseContext<M>;

/** What a node-scoped rule sees: one node at a time, with its log lines as the engine judged them. */
export interface NodeContext<M extends string> extends BaseContext<M> {
  readonly node: Readonly<NodeEvidence>;
  /** The node's log lines the engine's classifier names a cause for, most frequent first. */
  readonly logs: readonly JudgedLogLine[];
}

interface RuleBase<M extends string> {
  /** `<layer>/<name>`, equal to the file path under src/rules without .ts */
  id: string;
  layer: RuleLayer;
  description: string;
  /** The cause ids this rule can report. */
  causes: readonly string[];
  /**
   * Evidence keys it needs: `cluster.<kind>` (ClusterEvidence.read), `node.<key>` (NodeEvidence.gathered),
   * `probes.<kind>` (ProbeEvidence.ran), `messages`. The rule runs only when all are present.
   */
  needs: readonly string[];
  /** Message templates with named {placeholders}. */
  messages: Record<M, string>;
  severity: Severity;
  /** Longer notes for the generated docs page. */
  docs?: string;
}

/** Runs once per node evidence present. */
export interface NodeRuleDefinition<M extends string> extends RuleBase<M> {
  scope: 'node';
  check(ctx: NodeContext<M>): void;
}

/** Runs once. */
export interface ClusterRuleDefinition<M extends string> extends RuleBase<M> {
  scope: 'cluster';
  check(ctx: ClusterContext<M>): void;
}

/** A rule gets the context of its scope: only a node rule can read `node`. */
export type RuleDefinition<M extends string> = NodeRuleDefinition<M> | ClusterRuleDefinition<M>;

export type Rule = RuleDefinition<string>;

/** Typed helper: a wrong message id in `report` is a compile error, and so is `node` in a cluster rule. */
export function defineRule<M extends string>(def: NodeRuleDefinition<M>): NodeRuleDefinition<M>;
export function defineRule<M extends string>(def: ClusterRuleDefinition<M>): ClusterRuleDefinition<M>;
export function defineRule<M extends string>(def: RuleDefinition<M>): RuleDefinition<M> {
  return def;
}

/** Renders a template: {name} becomes data.name; unknown placeholders stay visible. */
export function renderTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
