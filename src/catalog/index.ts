import { CAUSES } from './causes.js';
import type { Cause } from './types.js';

export type { Cause, Signature, Classification, Tier } from './types.js';
export { TIER_ORDER } from './types.js';
export { CAUSES } from './causes.js';

/** Ids the tool itself uses for its own failures; not cluster root causes. */
export const TOOL_ERROR_CAUSE: Cause = {
  id: 'tool.rule-error',
  tier: 'application',
  title: 'a rule of flannel-doctor failed',
  explanation: 'A rule threw while judging the evidence. The rest of the diagnosis went on; this part is unknown.',
  fix: ['Report the rule id and the evidence bundle to the flannel-doctor maintainers.'],
};

const byId = new Map<string, Cause>([...CAUSES, TOOL_ERROR_CAUSE].map((c) => [c.id, c]));

export function getCause(id: string): Cause | undefined {
  return byId.get(id);
}

export function requireCause(id: string): Cause {
  const c = byId.get(id);
  if (!c) throw new Error(`unknown cause id "${id}" (see shared/causes.md)`);
  return c;
}

export function causeIds(): string[] {
  return CAUSES.map((c) => c.id);
}
