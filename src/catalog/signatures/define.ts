import type { Signature } from '../types.js';

/** Input form of a signature: the pattern as a RegExp literal (readable), stored as its source. */
export interface SignatureInput extends Omit<Signature, 'pattern' | 'confidence' | 'specificity'> {
  re: RegExp;
  confidence?: number;
  specificity?: number;
}

/**
 * Specificity scale (higher wins; ties go to the match that starts later, i.e. the inner error):
 * 95 an exact inner text of one cause; 90 a specific inner text; 80 specific but shared;
 * 60 a generic transport error; 40 a wrapper that hints at a family; 20 barely a hint.
 */
export function sig(s: SignatureInput): Signature {
  const { re, ...rest } = s;
  return { confidence: 0.9, specificity: 80, ...rest, pattern: re.source };
}
