/**
 * Lenient readers for raw Kubernetes JSON: a field of the wrong type reads as absent instead of
 * throwing, so one odd object never sinks a whole list.
 */

export type Raw = Record<string, unknown>;

export function obj(v: unknown): Raw | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A string field; Date objects (typed clients) become ISO strings. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  return undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** The string members of an object (numbers and booleans as text). Per object of a big list, so no entry arrays. */
export function strMap(v: unknown): Record<string, string> {
  const o = obj(v);
  const out: Record<string, string> = {};
  if (!o) return out;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const val = o[k];
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

export function strList(v: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(v)) return out;
  for (const x of v) if (typeof x === 'string') out.push(x);
  return out;
}

/** Drops undefined members so projections compare and serialise the same from every source. */
export function compact<T extends object>(o: T): T {
  // Copy rather than `delete`: deleting keys drops V8 objects into slow dictionary mode.
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Clips long free text (messages, config values) with a visible marker. */
export function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined || s.length <= max) return s;
  return s.slice(0, max) + `… [${s.length - max} more characters cut]`;
}

/** Thrown by projections for an element that cannot be used at all (no name). */
export class BadObject extends Error {}

/** The metadata every projection reads (annotations apart: only nodes keep them, see `annotations`). */
export function meta(o: Raw): { name: string; namespace?: string; labels: Record<string, string>; creationTimestamp?: string; uid?: string; ownerReferences: unknown[] } {
  const m = obj(o.metadata);
  const name = str(m?.name);
  if (!m || !name) throw new BadObject('metadata.name is missing');
  return {
    name,
    namespace: str(m.namespace),
    labels: strMap(m.labels),
    creationTimestamp: str(m.creationTimestamp),
    uid: str(m.uid),
    ownerReferences: arr(m.ownerReferences),
  };
}

/** metadata.annotations as strings. */
export function annotations(o: Raw): Record<string, string> {
  return strMap(obj(o.metadata)?.annotations);
}
