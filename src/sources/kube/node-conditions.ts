/**
 * Condition-first live diagnose: the node list (read anyway) carries each agent's verdict as Node
 * condition FlannelDoctorHealthy. A node whose condition is fresh and True is judged from it; the pod
 * proxy is used only for the others (False, Unknown, stale, missing), for nodes named with --node, or
 * for every node with --all-nodes. A condition whose heartbeat is older than STALE_AFTER_HEARTBEATS
 * heartbeats is not trusted: its agent stopped publishing, so the node is asked (and reported stale).
 */
import { CONDITION_TYPE, HEARTBEAT_SECONDS } from '../../evidence/node-condition.js';
import type { NodeInfo } from '../../evidence/cluster.js';

/** Missed heartbeats before a condition is stale (3 × 60 s: one lost write and some clock skew are tolerated). */
export const STALE_AFTER_HEARTBEATS = 3;

export interface NodeReadPlan {
  /** Nodes whose agent is asked through the pod proxy, each with why. */
  ask: Map<string, 'all-nodes' | 'named' | 'unhealthy' | 'unknown' | 'stale' | 'no-condition'>;
  /** Nodes judged healthy from a fresh FlannelDoctorHealthy=True condition (agent not asked). */
  judged: string[];
  /** Nodes whose condition's heartbeat is too old (their agents stopped publishing). */
  stale: string[];
}

export function planNodeReads(nodes: readonly NodeInfo[], o: { now: number; named?: readonly string[]; allNodes?: boolean; staleAfterMs?: number }): NodeReadPlan {
  const staleAfter = o.staleAfterMs ?? STALE_AFTER_HEARTBEATS * HEARTBEAT_SECONDS * 1000;
  const named = new Set(o.named ?? []);
  const plan: NodeReadPlan = { ask: new Map(), judged: [], stale: [] };
  for (const n of nodes) {
    const c = n.conditions.find((x) => x.type === CONDITION_TYPE);
    const beat = c?.lastHeartbeatTime ? Date.parse(c.lastHeartbeatTime) : NaN;
    const stale = !!c && (!Number.isFinite(beat) || o.now - beat > staleAfter);
    if (stale) plan.stale.push(n.name);
    if (o.allNodes) plan.ask.set(n.name, 'all-nodes');
    else if (named.has(n.name)) plan.ask.set(n.name, 'named');
    else if (!c) plan.ask.set(n.name, 'no-condition');
    else if (stale) plan.ask.set(n.name, 'stale');
    else if (c.status === 'True') plan.judged.push(n.name);
    else plan.ask.set(n.name, c.status === 'False' ? 'unhealthy' : 'unknown');
  }
  return plan;
}
