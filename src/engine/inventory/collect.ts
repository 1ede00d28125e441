/**
 * The symptom inventory, part 1: every pod, container and node in a state this tool exists for
 * (src/catalog/symptoms.ts), read from the evidence alone. Pure; no rule is involved, so a symptom
 * shows even when every rule that could explain it stayed silent (events expired, evidence missing).
 */
import {
  CNI_EVENT_TEXT,
  CRASH_WAITING_REASONS,
  DNS_LOG_CAUSES,
  DNS_LOG_NXDOMAIN_ONLY,
  DNS_LOG_PREFILTER,
  DNS_LOG_RECENT_LINES,
  NODE_NETWORK_OR_RUNTIME,
  PULL_EVENT_TEXT,
  waitingOnImageStep,
  SANDBOX_EVENT_REASONS,
  START_WAITING_REASONS,
  STUCK_AFTER_MS,
  WATCHED_COMPONENTS,
  causeIn,
  type SymptomKind,
} from '../../catalog/symptoms.js';
import type { Classification } from '../../catalog/types.js';
import type { ClusterEvidence, EventInfo, PodInfo } from '../../evidence/cluster.js';
import type { Evidence } from '../../evidence/types.js';
import { parseImageReference } from '../../parsers/image-reference.js';
import type { EvidenceItem } from '../../findings/finding.js';

export interface Symptom {
  kind: SymptomKind;
  /** namespace/name of the pod, for pod symptoms */
  pod?: string;
  node?: string;
  container?: string;
  image?: string;
  /** the image's registry host (normalised), when the reference parses */
  registry?: string;
  /** flannel or coredns, for a crash loop */
  component?: string;
  /** the state: a waiting reason, `NotReady`, `DNS failure` */
  reason: string;
  /** the most telling text left in the evidence */
  detail: string;
  evidence: EvidenceItem[];
  /** the texts that may say why (classified only if nothing explains the symptom: see hintsOf) */
  texts: string[];
  /** causes the texts point to, strongest first; filled by hintsOf */
  hints?: string[];
}

type Classify = (m: string) => Classification;

/** Every symptom in the evidence, in a stable order (kind, pod or node, container). */
export function collectSymptoms(evidence: Readonly<Evidence>, classify: Classify): Symptom[] {
  const c = evidence.cluster;
  if (!c) return [];
  const out: Symptom[] = [];
  const events = podEvents(c);
  const asOf = newestTime(c);
  for (const pod of c.pods) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
    const ref = `${pod.namespace}/${pod.name}`;
    const evs = events.get(ref) ?? [];
    const pulls = pullSymptoms(pod, ref, evs);
    out.push(...pulls);
    out.push(...crashSymptoms(pod, ref, c));
    if (!pulls.length) {
      const start = startSymptom(pod, ref, evs, asOf);
      if (start) out.push(start);
    }
  }
  out.push(...nodeSymptoms(c));
  out.push(...dnsLogSymptoms(c, classify));
  return out;
}

function podEvents(c: Readonly<ClusterEvidence>): Map<string, EventInfo[]> {
  const byPod = new Map<string, EventInfo[]>();
  for (const e of c.events) {
    if ((e.involved.kind && e.involved.kind !== 'Pod') || !e.involved.name) continue;
    const key = `${e.involved.namespace ?? e.namespace}/${e.involved.name}`;
    const list = byPod.get(key);
    if (list) list.push(e);
    else byPod.set(key, [e]);
  }
  return byPod;
}

/** Newest first (sorted only for the few pods that show a symptom). */
function newestFirst(list: readonly EventInfo[]): EventInfo[] {
  const key = (e: EventInfo) => e.lastTimestamp ?? '';
  return [...list].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** The newest time the evidence knows (read time, events, pod creations): "now" for a bundle. */
function newestTime(c: Readonly<ClusterEvidence>): number | undefined {
  let best = c.readAt ? Date.parse(c.readAt) : NaN;
  const see = (t: string | undefined) => {
    const v = t ? Date.parse(t) : NaN;
    if (!Number.isNaN(v) && !(v <= best)) best = v;
  };
  for (const e of c.events) see(e.lastTimestamp);
  for (const p of c.pods) see(p.creationTimestamp);
  return Number.isNaN(best) ? undefined : best;
}

function eventItem(e: EventInfo): EvidenceItem {
  return { where: `event ${e.involved.namespace ?? e.namespace}/${e.involved.name ?? '?'} ${e.reason ?? ''}${e.count > 1 ? ` (×${e.count})` : ''}`.trimEnd(), what: e.message ?? '' };
}

/** Causes a symptom's texts point to, strongest first (unknown left out); computed once. */
export function hintsOf(s: Symptom, classify: Classify): string[] {
  if (s.hints) return s.hints;
  const out: string[] = [];
  for (const t of s.texts) {
    const k = classify(t);
    if (k.cause !== 'unknown' && !out.includes(k.cause)) out.push(k.cause);
    for (const a of k.alternatives) if (a.cause !== 'unknown' && !out.includes(a.cause)) out.push(a.cause);
  }
  s.hints = out;
  return out;
}

function containerOf(e: EventInfo): string | undefined {
  return /\{([^}]+)\}/.exec(e.involved.fieldPath ?? '')?.[1];
}

function imageInText(text: string): string | undefined {
  return /image "([^"]+)"/i.exec(text)?.[1];
}

function registryOf(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const r = parseImageReference(image);
  return r.ok ? r.ref.domain : undefined;
}

/** Pull texts that say nothing of the cause: the back-off and the `Error: <reason>` follow-up. */
const BARE_PULL_TEXT = /^(Back-off pulling image "[^"]*"|Error: \w+)$/;

function pullSymptoms(pod: Readonly<PodInfo>, ref: string, all: readonly EventInfo[]): Symptom[] {
  const out: Symptom[] = [];
  let evs: readonly EventInfo[] | undefined;
  for (const spec of pod.containers) {
    const st = pod.statuses.find((s) => s.name === spec.name && s.init === spec.init);
    // Most pods are fine: look at the events only for a container waiting on its image, or without a status.
    if (st && !(st.state === 'waiting' && waitingOnImageStep(st.reason))) continue;
    evs ??= newestFirst(all);
    const mine = evs.filter((e) => {
      const c = containerOf(e);
      if (c) return c === spec.name;
      const img = imageInText(e.message ?? '');
      return img ? img === spec.image : pod.containers.length === 1;
    });
    const pullEvents = mine.filter((e) => e.type === 'Warning' && PULL_EVENT_TEXT.test((e.message ?? '').trim()));
    const waiting = st?.state === 'waiting' && waitingOnImageStep(st.reason);
    // Without a container status (an older or partial object), the pull events alone tell it.
    if (!waiting && !(!st && pullEvents.length)) continue;
    const image = spec.image || imageInText(st?.message ?? '') || imageInText(pullEvents[0]?.message ?? '') || '';
    const evidence: EvidenceItem[] = [];
    if (st) evidence.push({ where: `pod ${ref} container ${spec.name}${spec.init ? ' (init)' : ''}`, what: `waiting: ${st.reason}${st.message ? `: ${st.message}` : ''}` });
    for (const e of mine.filter((x) => x.type === 'Warning' || PULL_EVENT_TEXT.test((x.message ?? '').trim())).slice(0, 4)) evidence.push(eventItem(e));
    const texts = [st?.message ?? '', ...mine.map((e) => e.message ?? '')].filter((t) => t && !BARE_PULL_TEXT.test(t.trim()));
    out.push({
      kind: 'image-pull',
      pod: ref,
      node: pod.nodeName,
      container: spec.name,
      image,
      registry: registryOf(image),
      reason: (waiting ? st!.reason : pullEvents[0]?.reason) ?? 'ErrImagePull',
      detail: st?.message || pullEvents[0]?.message || st?.reason || '',
      evidence,
      texts,
    });
  }
  return out;
}

export function componentOf(pod: Readonly<PodInfo>): string | undefined {
  for (const w of WATCHED_COMPONENTS) {
    if (w.namespaces && !w.namespaces.includes(pod.namespace)) continue;
    if (w.labels.some(([k, v]) => pod.labels[k] === v) || w.namePrefix.test(pod.name)) return w.component;
  }
  return undefined;
}

function crashSymptoms(pod: Readonly<PodInfo>, ref: string, c: Readonly<ClusterEvidence>): Symptom[] {
  // Most pods are not crash-looping: look at the states first, the component (name patterns) only then.
  if (!pod.statuses.some((st) => st.state === 'waiting' && !!st.reason && CRASH_WAITING_REASONS.has(st.reason))) return [];
  const component = componentOf(pod);
  if (!component) return [];
  const out: Symptom[] = [];
  for (const st of pod.statuses) {
    if (st.state !== 'waiting' || !st.reason || !CRASH_WAITING_REASONS.has(st.reason)) continue;
    const where = `pod ${ref} container ${st.name}`;
    const evidence: EvidenceItem[] = [{ where, what: `waiting: ${st.reason}${st.message ? `: ${st.message}` : ''}; ${st.restartCount} restarts` }];
    const texts: string[] = [];
    if (st.lastTerminationMessage) {
      evidence.push({ where, what: `last exit ${st.lastTerminationReason ?? ''} (code ${st.lastExitCode ?? '?'}): ${st.lastTerminationMessage}` });
      texts.push(st.lastTerminationMessage);
    }
    const logs = (c.podLogs ?? []).filter((l) => l.namespace === pod.namespace && l.pod === pod.name && l.container === st.name);
    const log = logs.find((l) => l.previous) ?? logs[0];
    if (log) {
      const tail = log.lines.filter((l) => l.trim()).slice(-3);
      for (const l of tail) evidence.push({ where: `log ${log.source}`, what: l });
      texts.push(...log.lines.slice(-20));
    }
    out.push({
      kind: 'crash-loop',
      pod: ref,
      node: pod.nodeName,
      container: st.name,
      image: pod.containers.find((x) => x.name === st.name)?.image,
      component,
      reason: st.reason,
      detail: st.lastTerminationMessage || st.message || st.reason,
      evidence,
      texts,
    });
  }
  return out;
}

function startSymptom(pod: Readonly<PodInfo>, ref: string, evs: readonly EventInfo[], asOf: number | undefined): Symptom | undefined {
  if (!pod.nodeName) return undefined; // not scheduled: the scheduler's business, not the network's
  const creating = pod.statuses.filter((s) => s.state === 'waiting' && !!s.reason && START_WAITING_REASONS.has(s.reason));
  const pending = pod.phase === 'Pending' && !pod.statuses.some((s) => s.state === 'running' || (s.state === 'waiting' && s.reason && !START_WAITING_REASONS.has(s.reason)));
  if (!creating.length && !pending) return undefined;
  const warnings = newestFirst(evs.filter((e) => e.type === 'Warning'));
  const network = warnings.filter((e) => (e.reason && SANDBOX_EVENT_REASONS.has(e.reason)) || CNI_EVENT_TEXT.test(e.message ?? ''));
  const state = creating[0]?.reason ?? pod.phase ?? 'Pending';
  if (network.length) {
    return {
      kind: 'pod-start',
      pod: ref,
      node: pod.nodeName,
      reason: state,
      detail: network[0].message ?? network[0].reason ?? '',
      evidence: [{ where: `pod ${ref}`, what: `${state} on node ${pod.nodeName}` }, ...network.slice(0, 4).map(eventItem)],
      texts: network.map((e) => e.message ?? ''),
    };
  }
  // Other warnings (volumes, quota) explain the wait and are outside this tool's mission.
  if (warnings.length) return undefined;
  const created = pod.creationTimestamp ? Date.parse(pod.creationTimestamp) : NaN;
  if (asOf === undefined || Number.isNaN(created) || asOf - created < STUCK_AFTER_MS) return undefined;
  const age = formatAge(asOf - created);
  return {
    kind: 'pod-start',
    pod: ref,
    node: pod.nodeName,
    reason: state,
    detail: `${state} for ${age} with no event left to say why`,
    evidence: [{ where: `pod ${ref}`, what: `${state} on node ${pod.nodeName} since ${pod.creationTimestamp} (${age} before the newest time in the evidence); no warning event` }],
    texts: [],
  };
}

export function formatAge(ms: number): string {
  const m = Math.floor(ms / 60_000);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  return `${Math.floor(h / 24)}d`;
}

function nodeSymptoms(c: Readonly<ClusterEvidence>): Symptom[] {
  const out: Symptom[] = [];
  for (const n of c.nodes) {
    const ready = n.conditions.find((x) => x.type === 'Ready');
    if (!ready || ready.status === 'True') continue;
    const text = `${ready.reason ?? ''} ${ready.message ?? ''}`;
    if (!NODE_NETWORK_OR_RUNTIME.test(text)) continue;
    out.push({
      kind: 'node-not-ready',
      node: n.name,
      reason: 'NotReady',
      detail: ready.message || ready.reason || `Ready=${ready.status}`,
      evidence: [{ where: `node ${n.name}`, what: `condition Ready=${ready.status}${ready.reason ? ` reason ${ready.reason}` : ''}${ready.message ? `: ${ready.message}` : ''}` }],
      texts: [ready.message ?? ''],
    });
  }
  return out;
}

function dnsLogSymptoms(c: Readonly<ClusterEvidence>, classify: Classify): Symptom[] {
  const out: Symptom[] = [];
  if (!c.podLogs?.length) return out;
  const podNode = new Map(c.pods.map((p) => [`${p.namespace}/${p.name}`, p.nodeName]));
  const byContainer = new Map<string, Symptom>();
  for (const log of c.podLogs ?? []) {
    const recent = log.lines.slice(-DNS_LOG_RECENT_LINES);
    const failures: string[] = [];
    const hints: string[] = [];
    for (const line of recent) {
      if (!DNS_LOG_PREFILTER.test(line) || DNS_LOG_NXDOMAIN_ONLY.test(line)) continue;
      const k = classify(line);
      if (k.cause === 'unknown' || !causeIn(k.cause, DNS_LOG_CAUSES)) continue;
      failures.push(line);
      if (!hints.includes(k.cause)) hints.push(k.cause);
    }
    if (!failures.length) continue;
    const ref = `${log.namespace}/${log.pod}`;
    const key = `${ref}/${log.container}`;
    const item: EvidenceItem = { where: `log ${log.source}`, what: `${failures.length} DNS failure${failures.length === 1 ? '' : 's'} in the last ${recent.length} lines, the last: ${failures[failures.length - 1]}` };
    const prev = byContainer.get(key);
    if (prev) {
      prev.evidence.push(item);
      for (const h of hints) if (!prev.hints!.includes(h)) prev.hints!.push(h);
      continue;
    }
    const s: Symptom = { kind: 'dns-log', pod: ref, node: podNode.get(ref), container: log.container, reason: 'DNS failure', detail: failures[failures.length - 1], evidence: [item], texts: failures, hints };
    byContainer.set(key, s);
    out.push(s);
  }
  return out;
}
