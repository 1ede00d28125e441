import type { Signature } from './types.js';

/** Message signatures, knowledge as data. Filled from shared/reference/facts.md §4. */
export const SIGNATURES: readonly Signature[] = [];
