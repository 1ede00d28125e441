/**
 * Freezes a value and everything it holds, so rules cannot mutate shared evidence.
 *
 * It walks every object of the evidence (a 15,000-pod bundle holds about a million), so it touches
 * only what can be frozen: primitives (most members) are skipped before any call, and members are read
 * by index or by `for…in` rather than through a copied `Object.values` array per object (evidence is
 * plain JSON-shaped data, whose prototypes hold no enumerable members for `for…in` to add).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeObject(value as object);
  return value;
}

function freezeObject(o: object): void {
  Object.freeze(o);
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v: unknown = o[i];
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeObject(v);
    }
    return;
  }
  const rec = o as Record<string, unknown>;
  for (const k in rec) {
    const v = rec[k];
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeObject(v);
  }
}
