/**
 * The symptom inventory, part 2: each symptom is folded under the root cause that explains it (its
 * pod joins that cause's pods), or becomes part of an unexplained finding (cause `unknown`, severity
 * error) that names the pods, the image and registry, the candidates the evidence leaves and the
 * commands that decide between them. So no symptom is left out of a diagnosis.
 */
import { DOCKER_HUB } from '../../parsers/image-reference.js';
import { SYMPTOMS, UNKNOWN_CAUSE_ID, causeIn, type SymptomKind, type SymptomSpec } from '../../catalog/symptoms.js';
import type { EvidenceItem, RootCause } from '../../findings/finding.js';
import { listNames } from '../correlate.js';
import type { Classification } from '../../catalog/types.js';
import { hintsOf, type Symptom } from './collect.js';

/** One line of the inventory in the report. */
export interface InventoryEntry {
  kind: SymptomKind;
  pod?: string;
  node?: string;
  container?: string;
  image?: string;
  registry?: string;
  reason: string;
  detail: string;
  /** the root cause it was folded under; absent when unexplained */
  explainedBy?: string;
  /** the rank of the finding it belongs to: its root cause, or the `unknown` finding that reports it */
  finding?: number;
}

export interface SymptomInventory {
  /** symptoms seen */
  seen: number;
  /** of them, folded under a root cause */
  explained: number;
  unexplained: number;
  /** the symptoms (at most MAX_LISTED; the counts are always whole) */
  symptoms: InventoryEntry[];
}

export const MAX_LISTED = 1000;
const MAX_EVIDENCE = 12;

export interface Folded {
  inventory: SymptomInventory;
  /** `unknown` root causes, one per group of unexplained symptoms (rank 0: set by the caller) */
  unexplained: RootCause[];
  /** Call after the final ranking: fills each listed symptom's `finding` rank. */
  settleRanks(): void;
}

/** Folds symptoms into `roots` (mutating their pods) and returns the inventory and the unknowns. */
export function foldSymptoms(symptoms: readonly Symptom[], roots: RootCause[], classify: (m: string) => Classification): Folded {
  const usable = roots.filter((r) => r.severity !== 'info' && r.cause !== UNKNOWN_CAUSE_ID && !r.cause.startsWith('tool.'));
  const byPod = new Map<string, RootCause[]>();
  const byNode = new Map<string, RootCause[]>();
  const clusterWide: RootCause[] = [];
  for (const r of usable) {
    for (const p of r.pods) push(byPod, p, r);
    for (const n of r.nodes) push(byNode, n, r);
    if (!r.nodes.length && !r.pods.length) clusterWide.push(r);
  }
  const entries: InventoryEntry[] = [];
  const owners: RootCause[] = [];
  const open: Symptom[] = [];
  const openEntries: [Symptom, InventoryEntry][] = [];
  // Per root: whether its causes fall in a symptom kind's list (asked again for every symptom on its
  // pods and nodes), and its pods as a set (a symptom's pod is added to the root explaining it).
  const speaks = new Map<RootCause, Map<readonly string[], boolean>>();
  const speaksOfList = (r: RootCause, list: readonly string[]): boolean => {
    let m = speaks.get(r);
    if (!m) speaks.set(r, (m = new Map()));
    let v = m.get(list);
    if (v === undefined) m.set(list, (v = speaksOf(r, list)));
    return v;
  };
  const podsOf = new Map<RootCause, Set<string>>();
  for (const s of symptoms) {
    const spec = SYMPTOMS[s.kind];
    const by = explainer(s, spec, byPod, byNode, clusterWide, speaksOfList);
    let pods = by && podsOf.get(by);
    if (by && !pods) podsOf.set(by, (pods = new Set(by.pods)));
    if (by && s.pod && !pods!.has(s.pod)) {
      pods!.add(s.pod);
      by.pods.push(s.pod);
      const ns = s.pod.split('/')[0];
      if (!by.namespaces.includes(ns)) by.namespaces.push(ns);
    }
    if (!by) open.push(s);
    if (entries.length >= MAX_LISTED) continue;
    const e = entryOf(s, by?.cause);
    entries.push(e);
    if (by) owners[entries.length - 1] = by;
    else openEntries.push([s, e]);
  }
  // Only what nothing explains needs its texts classified (for the candidates and the grouping).
  for (const s of open) hintsOf(s, classify);
  const { roots: unexplained, ofSymptom } = groupUnexplained(open);
  return {
    inventory: { seen: symptoms.length, explained: symptoms.length - open.length, unexplained: open.length, symptoms: entries },
    unexplained,
    settleRanks() {
      entries.forEach((e, i) => {
        if (owners[i]) e.finding = owners[i].rank;
      });
      for (const [s, e] of openEntries) e.finding = ofSymptom.get(s)?.rank;
    },
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Whether a root cause (or a cause it folded as a symptom) is in `list`; an empty list takes any. */
function speaksOf(r: RootCause, list: readonly string[]): boolean {
  if (!list.length) return true;
  return causeIn(r.cause, list) || r.symptoms.some((x) => causeIn(x.cause, list));
}

/** A registry cause about another registry does not explain this pull. */
function otherRegistry(r: RootCause, registry: string | undefined): boolean {
  return !!(registry && r.registry && r.cause.startsWith('registry.') && r.registry !== registry);
}

/** The best-ranked root cause that explains the symptom, if any. */
function explainer(
  s: Symptom,
  spec: SymptomSpec,
  byPod: Map<string, RootCause[]>,
  byNode: Map<string, RootCause[]>,
  clusterWide: RootCause[],
  speaks: (r: RootCause, list: readonly string[]) => boolean,
): RootCause | undefined {
  const fits: RootCause[] = [];
  if (s.pod) for (const r of byPod.get(s.pod) ?? []) if (speaks(r, spec.podCauses) && !otherRegistry(r, s.registry)) fits.push(r);
  if (s.node && spec.nodeCauses.length) for (const r of byNode.get(s.node) ?? []) if (speaks(r, spec.nodeCauses)) fits.push(r);
  if (spec.clusterCauses.length) for (const r of clusterWide) if (speaks(r, spec.clusterCauses)) fits.push(r);
  return fits.sort((a, b) => a.rank - b.rank)[0];
}

function entryOf(s: Symptom, explainedBy: string | undefined): InventoryEntry {
  const e: InventoryEntry = { kind: s.kind, reason: s.reason, detail: s.detail };
  if (s.pod) e.pod = s.pod;
  if (s.node) e.node = s.node;
  if (s.container) e.container = s.container;
  if (s.image) e.image = s.image;
  if (s.registry) e.registry = s.registry;
  if (explainedBy) e.explainedBy = explainedBy;
  return e;
}

/** The key unexplained symptoms group by: one finding per image, per node, per component, … */
function groupKey(s: Symptom): string {
  switch (s.kind) {
    case 'image-pull':
      // per registry and kind of error: 100 images failing alike on one registry are one finding
      return `image-pull|${s.registry ?? s.image}|${s.hints?.[0] ?? ''}`;
    case 'pod-start':
      return `pod-start|${s.node}`;
    case 'crash-loop':
      return `crash-loop|${s.component}`;
    case 'node-not-ready':
      return `node-not-ready|${s.node}`;
    case 'dns-log':
      return 'dns-log';
  }
}

function groupUnexplained(open: readonly Symptom[]): { roots: RootCause[]; ofSymptom: Map<Symptom, RootCause> } {
  const groups = new Map<string, Symptom[]>();
  for (const s of open) push(groups, groupKey(s), s);
  const ofSymptom = new Map<Symptom, RootCause>();
  const roots = [...groups.values()].map((g) => {
    const r = unknownOf(g);
    for (const s of g) ofSymptom.set(s, r);
    return r;
  });
  return { roots, ofSymptom };
}

function union(list: (string | undefined)[]): string[] {
  return [...new Set(list.filter((x): x is string => !!x))];
}

/** Candidates: what the texts point to first, then the kind's usual suspects the evidence allows. */
function candidatesOf(group: readonly Symptom[], spec: SymptomSpec): string[] {
  const hinted = union(group.flatMap((s) => s.hints ?? []));
  const registry = group[0].registry;
  const usual = spec.candidates.filter((c) => c !== 'image.rate-limited' || registry === DOCKER_HUB);
  return union([...hinted, ...usual]);
}

function fill(template: string, s: Symptom): string {
  const [namespace, pod] = (s.pod ?? '/').split('/');
  const data: Record<string, string | undefined> = {
    namespace,
    pod,
    container: s.container,
    image: s.image,
    registry: s.registry,
    node: s.node ?? 'the node the pod is scheduled on',
  };
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => data[k] ?? whole);
}

const MESSAGES: Record<SymptomKind, (g: readonly Symptom[], what: string) => string> = {
  'image-pull': (g, what) => {
    const images = union(g.map((s) => s.image));
    const which = images.length > 1 ? `${images.length} images (${listNames(images, 2)})` : images[0] || 'its image';
    const hints = union(g.flatMap((s) => s.hints ?? []));
    const why = hints.length ? `the error points to ${listNames(hints, 2)} but no check could confirm it` : 'the error that says why is not in the evidence';
    return `${what} cannot pull ${which}${g[0].registry ? ` from ${g[0].registry}` : ''} (${union(g.map((s) => s.reason)).join(', ')}); ${why}`;
  },
  'pod-start': (g, what) => `${what} on node ${g[0].node} cannot get a sandbox or network (${union(g.map((s) => s.reason)).join(', ')}) and no check could say why`,
  'crash-loop': (g, what) => `${g[0].component === 'flannel' ? 'flannel' : 'CoreDNS'}: ${what} in ${union(g.map((s) => s.reason)).join(', ')} and no check could say why`,
  'node-not-ready': (g) => `node ${g[0].node} is NotReady (${g[0].detail}) and no check could say why`,
  'dns-log': (g, what) => `${what} log DNS failures and no check could say why`,
};

function unknownOf(group: Symptom[]): RootCause {
  const s0 = group[0];
  const spec = SYMPTOMS[s0.kind];
  const pods = union(group.map((s) => s.pod));
  const nodes = union(group.map((s) => s.node));
  const what = pods.length ? `${pods.length === 1 ? 'pod' : `${pods.length} pods:`} ${listNames(pods, 3)}` : '';
  const candidates = candidatesOf(group, spec);
  const evidence: EvidenceItem[] = [];
  for (const s of group) for (const e of s.evidence) if (evidence.length < MAX_EVIDENCE && !evidence.some((x) => x.where === e.where && x.what === e.what)) evidence.push(e);
  const fix = spec.decide.map((t) => fill(t, s0));
  if (nodes.length > 1) fix.push(`repeat the node commands on ${listNames(nodes.slice(1))}`);
  const message = MESSAGES[s0.kind](group, what);
  return {
    ruleId: 'engine/symptom-inventory',
    cause: UNKNOWN_CAUSE_ID,
    tier: spec.tier,
    severity: 'error',
    messageId: s0.kind,
    data: compactData({ symptom: s0.kind, pods: pods.length, image: s0.image, images: union(group.map((s) => s.image)).length, registry: s0.registry, node: nodes.length === 1 ? nodes[0] : undefined, reason: union(group.map((s) => s.reason)).join(', ') }),
    message,
    nodes,
    pods,
    ...(s0.kind === 'image-pull' && s0.registry ? { registry: s0.registry } : {}),
    evidence,
    fix,
    // checks that decide between the candidate causes: for a person, never applied by `fix`
    steps: fix.map((text) => ({ text, on: 'person' as const, manual: 'a check that decides between the candidate causes, not a fix' })),
    fixFrom: 'catalog',
    confidence: 0,
    alternatives: candidates,
    occurrences: group.length,
    namespaces: union(pods.map((p) => p.split('/')[0])),
    symptoms: [],
    rank: 0,
  };
}

function compactData(d: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
