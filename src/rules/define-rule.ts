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
  pods?: string[];
  registry?: string;
  evidence: EvidenceItem[];
  /**
   * Overrides the catalog's fix steps when the rule knows better (e.g. runtime-specific, computed
   * values). {placeholders} are filled from the finding's scope and data (src/fix).
   */
  fix?: FixStepSource[];
  confidence?: number;
  alternatives?: string[];
}

export interface RuleContext<M extends string> {
  readonly evidence: Readonly<Evidence>;
  /** Present when the rule needs any `cluster.*` evidence. */
  readonly cluster: Readonly<ClusterEvidence>;
  /** Present for node-scoped rules: the node being judged. */
  readonly node: Readonly<NodeEvidence>;
  /** For node-scoped rules: the node's log lines the engine's classifier names a cause for, most frequent first. */
  readonly logs: readonly JudgedLogLine[];
  /** The catalog's message classifier (pure). */
  classify(message: string): Classification;
  report(r: Report<M>): void;
}

export interface RuleDefinition<M extends string> {
  /** `<layer>/<name>`, equal to the file path under src/rules without .ts */
  id: string;
  layer: RuleLayer;
  description: string;
  /** The cause ids this rule can report. */
  causes: readonly string[];
  /** cluster: runs once; node: runs once per node evidence present. */
  scope: 'cluster' | 'node';
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
  check(ctx: RuleContext<M>): void;
}

export type Rule = RuleDefinition<string>;

/** Typed helper: a wrong message id in `report` is a compile error. */
export function defineRule<M extends string>(def: RuleDefinition<M>): RuleDefinition<M> {
  return def;
}

/** Renders a template: {name} becomes data.name; unknown placeholders stay visible. */
export function renderTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
