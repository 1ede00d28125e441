import type { Tier } from '../catalog/types.js';
import type { FixStep } from './fix-step.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One item of proof: where it was seen and what it says. */
export interface EvidenceItem {
  /** e.g. "node n2: /etc/cni/net.d/10-flannel.conflist", "event shop/web-1", "probe registry reg.lab:5000" */
  where: string;
  what: string;
}

/**
 * A finding as a rule reports it: a cause id, a message id with its data (text is rendered from the
 * rule's templates), the scope, the evidence and optionally a fix that overrides the catalog's.
 */
export interface Finding {
  ruleId: string;
  cause: string;
  tier: Tier;
  severity: Severity;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  nodes: string[];
  /** Node pairs implicated, not located (see Report.suspects); absent when `nodes` locates the fault. */
  suspects?: string[][];
  /**
   * Nodes the failing traffic crossed besides where it was seen (a DNS query from n1 answered by a
   * CoreDNS pod on n2): a network cause on one of them can explain the finding (see correlate).
   */
  via?: string[];
  pods: string[]; // namespace/name
  registry?: string;
  evidence: EvidenceItem[];
  /** The fix, one line per step (text and command), filled from the finding; what plain reporters show. */
  fix: string[];
  /** The same steps as data: where each runs, the exact command, how to verify it (see src/fix). */
  steps: FixStep[];
  /** Whether the steps are the rule's own (computed from the evidence) or the catalog's. */
  fixFrom: 'rule' | 'catalog';
  confidence: number;
  /** Other causes that fit the same evidence. */
  alternatives?: string[];
}

/** A correlated root cause: one finding standing for many, with the symptoms it explains. */
export interface RootCause extends Finding {
  /** How many raw findings were folded into this one. */
  occurrences: number;
  namespaces: string[];
  /** Findings of other causes that this one explains (e.g. registry.dns under dns.node-resolver). */
  symptoms: Finding[];
  rank: number;
}

export interface NotChecked {
  ruleId: string;
  cause: string;
  scope: string; // "cluster" or "node n2"
  needs: string[];
  hint?: string;
}
