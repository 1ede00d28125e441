import { SIGNATURES } from './signatures.js';
import type { SignatureSubject } from './types.js';

let subjects: Map<string, SignatureSubject> | undefined;

/**
 * The subject of the signature with this id, when it has one: what to present instead of the cause's own title,
 * meaning and fix, because the signature reads the cause by its mechanism from another component than the cause's
 * (a runtime handler, a DNS forwarder, the API server's certificate). Both `explain` and `diagnose` use it.
 */
export function subjectOf(signatureId: string | undefined): SignatureSubject | undefined {
  if (!signatureId) return undefined;
  subjects ??= new Map(SIGNATURES.flatMap((s) => (s.subject ? [[s.id, s.subject] as const] : [])));
  return subjects.get(signatureId);
}
