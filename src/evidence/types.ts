import type { ClusterEvidence } from './cluster.js';
import type { NodeEvidence } from './node.js';
import type { ProbeEvidence } from './probes.js';

export type { ClusterEvidence } from './cluster.js';
export type { NodeEvidence } from './node.js';
export type { ProbeEvidence } from './probes.js';

/** Bumped when the evidence shape changes incompatibly; bundles record it. */
export const EVIDENCE_SCHEMA_VERSION = 1;

/** Where a piece of evidence came from. */
export type SourceKind = 'kube' | 'bundle' | 'host' | 'probe' | 'lab' | 'messages';

/** A free-standing message to classify (an event, a log line) with where it was seen. */
export interface MessageEvidence {
  text: string;
  where: string; // e.g. "node n2: /var/log/kubelet.log:120" or "event shop/web-1"
  node?: string;
  pod?: string;
}

/**
 * Everything the doctor knows about a cluster: gathered once, judged offline.
 * Any part may be absent; rules needing an absent part are reported as not checked.
 */
export interface Evidence {
  schemaVersion: number;
  collectedAt: string;
  sources: SourceKind[];
  cluster?: ClusterEvidence;
  nodes: Record<string, NodeEvidence>;
  probes?: ProbeEvidence;
  messages: MessageEvidence[];
  /** Live diagnose, condition-first: nodes judged from their FlannelDoctorHealthy condition, stale ones, agents asked. */
  nodeConditions?: NodeConditionSummary;
}

export interface NodeConditionSummary {
  /** judged healthy from a fresh FlannelDoctorHealthy=True condition: their agents were not asked */
  judged: string[];
  /** condition heartbeat too old (the agent stopped publishing): never taken as healthy */
  stale: string[];
  /** agents asked through the pod proxy */
  asked: number;
}

export function emptyEvidence(sources: SourceKind[] = []): Evidence {
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    collectedAt: new Date().toISOString(),
    sources,
    nodes: {},
    messages: [],
  };
}
