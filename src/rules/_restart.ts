import type { FixStepRef } from '../catalog/fix-types.js';

/** Restarting flannel on one node (the catalog's `flannel.restart` step), with the rule's reason. */
export function restartFlannel(node: string, text: string): FixStepRef {
  return { step: 'flannel.restart', data: { node }, text };
}
