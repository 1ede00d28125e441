import type { EvidenceItem } from '../findings/finding.js';

/**
 * Evidence items that say the same thing about different objects, folded into one: eight pull
 * events of eight pods that differ only in the image name become one line with a count. Items are
 * alike when they are of the same kind of object (event, node, pod…) and reason, and their texts
 * are equal once quoted strings, long hex ids and numbers are masked. Order of first appearance is
 * kept; identical texts are told apart from merely alike ones.
 */
export interface EvidenceGroup {
  /** The first item, shown for all. */
  first: EvidenceItem;
  /** Objects the group covers, in order ("billing/invoice-84c6d7f9b-a6s2d", "node-a"). */
  objects: string[];
  /** Kind of object ("event", "node", "pod"…); reason for events ("Failed"). */
  kind: string;
  reason?: string;
  /** Number of items folded in, and the sum of their ×N repeat counts (events). */
  items: number;
  repeats: number;
  /** Every text is the same as the first's. */
  identical: boolean;
}

interface Where {
  kind: string;
  object: string;
  reason?: string;
  times: number;
  rest: string;
}

/** "event ns/pod Failed (×9)" → event, ns/pod, Failed, 9; "node n1" → node, n1. */
export function parseWhere(where: string): Where {
  const m = /^(\w[\w-]*) (\S+)(?: ([A-Z]\w*))?(?: \(×(\d+)\))?(.*)$/.exec(where);
  if (!m) return { kind: where, object: '', times: 1, rest: '' };
  return { kind: m[1], object: m[2], reason: m[3], times: m[4] ? Number(m[4]) : 1, rest: m[5] };
}

/** The text with what differs between objects masked. */
function shape(s: string): string {
  return s
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b[0-9a-f]{12,}\b/gi, '#')
    .replace(/\d+/g, '#');
}

export function groupEvidence(items: readonly EvidenceItem[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const item of items) {
    const w = parseWhere(item.where);
    // Only whole objects fold: "pod x container y" or a file path stay on their own.
    const key = w.object && !w.rest ? `${w.kind}\u0000${w.reason ?? ''}\u0000${shape(item.what)}` : `\u0001${item.where}\u0000${item.what}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: item, objects: w.object ? [w.object] : [], kind: w.kind, reason: w.reason, items: 1, repeats: w.times, identical: true });
      continue;
    }
    g.items++;
    g.repeats += w.times;
    if (!g.objects.includes(w.object)) g.objects.push(w.object);
    if (item.what !== g.first.what) g.identical = false;
  }
  return [...groups.values()];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The label of a group: its own `where` for one item, else "8 events Failed (×72) on 8 objects,
 * e.g. billing/invoice-a6s2d" or "2 nodes node-a, node-b, each". `names` lists objects (it may
 * shorten the list); `all` names every object instead of one example.
 */
export function groupLabel(g: EvidenceGroup, names: (list: string[]) => string, all = false): string {
  if (g.items === 1) return g.first.where;
  if (g.kind === 'event') {
    const what = `${plural(g.items, 'event')}${g.reason ? ` ${g.reason}` : ''}${g.repeats > g.items ? ` (×${g.repeats})` : ''}`;
    const on = g.objects.length === 1 ? `on ${g.objects[0]}` : all ? `on ${names(g.objects)}` : `on ${g.objects.length} objects, e.g. ${g.objects[0]}`;
    return `${what} ${on}${g.identical ? ', each' : ''}`;
  }
  return `${plural(g.items, g.kind)} ${names(g.objects)}, ${g.identical ? 'each' : 'like the first'}`;
}
