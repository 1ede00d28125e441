import { getCause, TIER_ORDER } from '../catalog/index.js';
import { SEVERITY_RANK, type EvidenceItem, type Finding, type RootCause } from '../findings/finding.js';

const MAX_EVIDENCE = 12;

/**
 * Turns raw findings into root causes: findings of one cause (and registry) fold into one, with the
 * union of nodes and pods; then a cause that the catalog says `explains` another takes that other
 * under it as a symptom when their node scopes overlap. Ranked: severity, tier (infrastructure
 * first), pods affected, confidence.
 */
export function correlate(findings: readonly Finding[]): RootCause[] {
  const groups = new Map<string, RootCause>();
  const placements = new Map<RootCause, Placement>();
  // A group's growing lists are kept as sets while findings fold in (a union per finding copied the
  // whole list: quadratic in a group of hundreds of pods), and written back as arrays at the end.
  const sets = new Map<RootCause, GroupSets>();
  for (const f of findings) {
    const key = `${f.cause}|${f.registry ?? ''}`;
    const g = groups.get(key);
    if (g) notePlacement(placements.get(g)!, f);
    if (!g) {
      groups.set(key, {
        ...f,
        nodes: [...f.nodes],
        pods: [...f.pods],
        ...(f.via ? { via: [...f.via] } : {}),
        evidence: [...f.evidence],
        steps: [...f.steps],
        fix: [...f.fix],
        occurrences: 1,
        namespaces: [],
        symptoms: [],
        rank: 0,
      });
      const created = groups.get(key)!;
      placements.set(created, notePlacement({ located: new Set(), suspects: [] }, f));
      continue;
    }
    let gs = sets.get(g);
    if (!gs) sets.set(g, (gs = { nodes: new Set(g.nodes), pods: new Set(g.pods), via: g.via ? new Set(g.via) : undefined, alternatives: new Set(g.alternatives ?? []), fix: undefined }));
    g.occurrences++;
    for (const n of f.nodes) gs.nodes.add(n);
    for (const p of f.pods) gs.pods.add(p);
    if (f.via?.length) {
      gs.via ??= new Set();
      for (const v of f.via) gs.via.add(v);
    }
    g.evidence = mergeEvidence(g.evidence, f.evidence);
    const higher = SEVERITY_RANK[f.severity] > SEVERITY_RANK[g.severity];
    if (higher) Object.assign(g, { severity: f.severity, message: f.message, messageId: f.messageId, data: f.data });
    keepFix(g, f, higher, gs);
    g.confidence = Math.max(g.confidence, f.confidence);
    for (const a of f.alternatives ?? []) gs.alternatives.add(a);
  }
  for (const [g, gs] of sets) {
    g.nodes = [...gs.nodes];
    g.pods = [...gs.pods];
    if (gs.via) g.via = [...gs.via];
    g.alternatives = [...gs.alternatives];
  }
  const roots = [...groups.values()];
  for (const r of roots) narrowPlacement(r, { located: [...placements.get(r)!.located], suspects: placements.get(r)!.suspects });
  for (const r of roots) {
    r.namespaces = union([], r.pods.map((p) => p.split('/')[0]));
    if (r.occurrences > 1) r.message = summarise(r);
  }
  const explained = new Set<RootCause>();
  for (const parent of roots) {
    const explains = getCause(parent.cause)?.explains ?? [];
    if (!explains.length) continue;
    for (const child of roots) {
      if (child === parent || explained.has(parent) || !explains.includes(child.cause)) continue;
      if (!scopesOverlap(parent.nodes, child.nodes, child.via)) continue;
      parent.symptoms.push(child);
      parent.pods = union(parent.pods, child.pods);
      parent.namespaces = union(parent.namespaces, child.namespaces);
      explained.add(child);
    }
  }
  return rankRoots(roots.filter((r) => !explained.has(r)));
}

/** Sorts root causes most likely first and numbers them (rank 1 = most likely). */
export function rankRoots(roots: RootCause[]): RootCause[] {
  roots.sort(compareRoots);
  roots.forEach((r, i) => (r.rank = i + 1));
  return roots;
}

/**
 * A rule's own fix (filled from the evidence: this node, this free CIDR) is never lost to the
 * catalog's general text: it replaces a catalog fix, and the rule fixes of several findings are
 * kept side by side (each node's patch), without repeating a step.
 */
/** A group's lists while findings fold into it; `fix`: the fix lines already in `g.fix`. */
interface GroupSets {
  nodes: Set<string>;
  pods: Set<string>;
  via?: Set<string>;
  alternatives: Set<NonNullable<Finding['alternatives']>[number]>;
  fix?: Set<string>;
}

function keepFix(g: RootCause, f: Finding, higher: boolean, gs: GroupSets): void {
  if (f.fixFrom === 'catalog') {
    if (g.fixFrom === 'catalog' && higher) Object.assign(g, { steps: [...f.steps], fix: [...f.fix] });
    gs.fix = undefined;
    return;
  }
  if (g.fixFrom === 'catalog') {
    Object.assign(g, { steps: [...f.steps], fix: [...f.fix], fixFrom: 'rule' });
    gs.fix = undefined;
    return;
  }
  const seen = (gs.fix ??= new Set(g.fix));
  f.steps.forEach((s, i) => {
    if (seen.has(f.fix[i])) return;
    seen.add(f.fix[i]);
    g.steps.push(s);
    g.fix.push(f.fix[i]);
  });
}

function compareRoots(a: RootCause, b: RootCause): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    // An unexplained symptom comes after the causes that were found at the same severity.
    Number(a.cause === 'unknown') - Number(b.cause === 'unknown') ||
    TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
    b.pods.length - a.pods.length ||
    b.confidence - a.confidence ||
    a.cause.localeCompare(b.cause)
  );
}

/** Where a group's findings put it: nodes located by some finding, and the suspect sets of the others. */
interface Placement {
  located: Set<string>;
  suspects: string[][];
}

function notePlacement(p: Placement, f: Finding): Placement {
  if (f.suspects?.length) p.suspects.push(...f.suspects);
  else for (const n of f.nodes) p.located.add(n);
  return p;
}

/**
 * A probe between two nodes fails whichever end is broken; when another finding of the same cause
 * located it on a node of every failing pair, the cause sits there and the other ends are only its
 * victims. A pair no located node explains keeps every suspect (something else may be broken too).
 */
function narrowPlacement(r: RootCause, p: { located: string[]; suspects: string[][] }): void {
  delete r.suspects;
  if (!p.located.length || !p.suspects.length) return;
  if (p.suspects.every((pair) => pair.some((n) => p.located.includes(n)))) r.nodes = [...p.located];
}

/**
 * Cluster-wide findings (no nodes) overlap everything; otherwise the child must share a node, where it
 * was seen or one its failing traffic crossed.
 */
function scopesOverlap(parent: string[], child: string[], via: string[] = []): boolean {
  if (!parent.length || !child.length) return true;
  return [...child, ...via].some((n) => parent.includes(n));
}

function summarise(r: RootCause): string {
  return r.message + scopeSuffix(r);
}

/** What summarise appends to a folded cause's message: " (on n1, n2: 8 pods in 2 namespaces)". */
export function scopeSuffix(r: Pick<RootCause, 'nodes' | 'pods' | 'namespaces'>): string {
  const parts: string[] = [];
  if (r.nodes.length) parts.push(`on ${listNames(r.nodes)}`);
  if (r.pods.length) parts.push(`${r.pods.length} pod${r.pods.length === 1 ? '' : 's'} in ${r.namespaces.length} namespace${r.namespaces.length === 1 ? '' : 's'}`);
  return parts.length ? ` (${parts.join(': ')})` : '';
}

export function listNames(names: string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

function mergeEvidence(a: EvidenceItem[], b: EvidenceItem[]): EvidenceItem[] {
  if (a.length >= MAX_EVIDENCE) return a;
  const seen = new Set(a.map((e) => e.where + '\u0000' + e.what));
  const out = [...a];
  for (const e of b) {
    if (out.length >= MAX_EVIDENCE) break;
    const k = e.where + '\u0000' + e.what;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}
