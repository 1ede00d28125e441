/**
 * Gathers, per pod container, why an image pull is failing: the waiting reason, the kubelet events
 * (facts §4.5) and the CRI error inside them (§4.6), classified by the catalog. Shared by the
 * image/* and registry/* pull rules so both read the same story.
 */
import { PULL_WAITING_REASONS, waitingOnImageStep } from '../../catalog/symptoms.js';
import type { Classification } from '../../catalog/types.js';
import type { ClusterEvidence, ContainerStatusInfo, EventInfo, PodInfo } from '../../evidence/cluster.js';
import type { ProbeEvidence, RegistryProbeResult } from '../../evidence/probes.js';
import { judgeRegistry } from '../_registry-verdict.js';
import type { EvidenceItem } from '../../findings/finding.js';
import { parseImageReference, type ImageReferenceResult } from '../../parsers/image-reference.js';

/** Waiting reasons that mean "the image is not there": the catalog's (also the symptom inventory's). */
export { PULL_WAITING_REASONS };

/** Event reasons kubelet emits around pulls. */
const PULL_EVENT_REASONS = new Set(['Failed', 'InspectFailed', 'ErrImageNeverPull', 'BackOff', 'FailedToRetrieveImagePullSecret']);

export interface PullFailure {
  pod: PodInfo;
  /** namespace/name */
  podRef: string;
  container: string;
  init: boolean;
  image: string;
  parsed: ImageReferenceResult;
  /** Normalised registry host, when the reference parses. */
  registry?: string;
  node?: string;
  /** The waiting reason (ErrImagePull, ImagePullBackOff, …) or the event reason when no status. */
  reason: string;
  /** The texts read, most telling first (status message, Failed events, …). */
  texts: EvidenceItem[];
  /** The best classification among the texts (cause 'unknown' when none fits). */
  classification: Classification;
  /** The text that gave the classification. */
  classifiedText?: EvidenceItem;
  /** Names from a FailedToRetrieveImagePullSecret event, if any. */
  unretrievableSecrets: string[];
}

/** `spec.containers{web}` / `spec.initContainers{init}` → the container name. */
function containerOfFieldPath(fieldPath: string | undefined): string | undefined {
  return /\{([^}]+)\}/.exec(fieldPath ?? '')?.[1];
}

/** The image named in a kubelet event text (`… image "x" …`). */
function imageInText(text: string): string | undefined {
  return /image "([^"]+)"/i.exec(text)?.[1];
}

/** Noise that says nothing about the cause (the follow-up `Error: ErrImagePull` line). */
function isFollowUp(text: string): boolean {
  return /^Error: (ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName)\s*$/.test(text.trim());
}

function podEvents(cluster: Readonly<ClusterEvidence>): Map<string, EventInfo[]> {
  const byPod = new Map<string, EventInfo[]>();
  for (const e of cluster.events) {
    if (e.involved.kind && e.involved.kind !== 'Pod') continue;
    if (!e.reason || !PULL_EVENT_REASONS.has(e.reason) || !e.message) continue;
    const key = `${e.involved.namespace ?? e.namespace}/${e.involved.name ?? ''}`;
    const list = byPod.get(key) ?? [];
    list.push(e);
    byPod.set(key, list);
  }
  // Newest first, so the freshest error leads.
  for (const list of byPod.values()) list.sort((a, b) => (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''));
  return byPod;
}

function eventText(e: EventInfo): EvidenceItem {
  const times = e.count > 1 ? ` (×${e.count})` : '';
  return { where: `event ${e.involved.namespace ?? e.namespace}/${e.involved.name ?? '?'} ${e.reason}${times}`, what: e.message ?? '' };
}

/** Does the event concern this container? By field path, else by image name, else when unique. */
function concerns(e: EventInfo, name: string, image: string, podContainers: number): boolean {
  const c = containerOfFieldPath(e.involved.fieldPath);
  if (c) return c === name;
  const img = imageInText(e.message ?? '');
  if (img) return img === image;
  return podContainers === 1;
}

/** Per frozen cluster, per classifier: the failures, gathered once for every pull rule of a run. */
const gathered = new WeakMap<object, Map<(m: string) => Classification, readonly PullFailure[]>>();

/**
 * Every container that is waiting on its image (or, with no status yet, has pull-failure events)
 * with the texts that explain it. Containers already running are ignored even if old events remain.
 *
 * Three rules read the same story: when the cluster evidence is frozen (as `diagnose` freezes it), the
 * answer is computed once per cluster and classifier and handed out frozen, so no rule can change
 * what the next one reads. Unfrozen evidence (a test building it by hand) is read anew each call.
 */
export function collectPullFailures(cluster: Readonly<ClusterEvidence>, classify: (m: string) => Classification): readonly PullFailure[] {
  if (!Object.isFrozen(cluster)) return gatherPullFailures(cluster, classify);
  let byClassifier = gathered.get(cluster);
  if (!byClassifier) gathered.set(cluster, (byClassifier = new Map()));
  let out = byClassifier.get(classify);
  if (!out) byClassifier.set(classify, (out = freezeFailures(gatherPullFailures(cluster, classify))));
  return out;
}

/** The list, each failure and its lists frozen (pods are the frozen evidence's own). */
function freezeFailures(list: PullFailure[]): readonly PullFailure[] {
  for (const f of list) {
    Object.freeze(f.texts);
    Object.freeze(f.unretrievableSecrets);
    Object.freeze(f);
  }
  return Object.freeze(list);
}

function gatherPullFailures(cluster: Readonly<ClusterEvidence>, classify: (m: string) => Classification): PullFailure[] {
  const events = podEvents(cluster);
  // Pull errors repeat across pods and events (one registry fails them all alike): judge each text once.
  const memo = new Map<string, Classification>();
  const once = (m: string) => {
    let c = memo.get(m);
    if (!c) memo.set(m, (c = classify(m)));
    return c;
  };
  const out: PullFailure[] = [];
  for (const pod of cluster.pods) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
    const podRef = `${pod.namespace}/${pod.name}`;
    const evs = events.get(podRef) ?? [];
    for (const spec of pod.containers) {
      const st: ContainerStatusInfo | undefined = pod.statuses.find((s) => s.name === spec.name && s.init === spec.init);
      const mine = evs.filter((e) => concerns(e, spec.name, spec.image, pod.containers.length));
      const waitingOnImage = st?.state === 'waiting' && waitingOnImageStep(st.reason);
      const noStatusButFailing = !st && mine.some((e) => e.type === 'Warning' && e.reason !== 'FailedToRetrieveImagePullSecret');
      if (!waitingOnImage && !noStatusButFailing) continue;
      const texts: EvidenceItem[] = [];
      if (st?.message && !isFollowUp(st.message)) texts.push({ where: `pod ${podRef} container ${spec.name}`, what: `${st.reason}: ${st.message}` });
      for (const e of mine) if (!isFollowUp(e.message ?? '')) texts.push(eventText(e));
      const unretrievableSecrets = mine
        .filter((e) => e.reason === 'FailedToRetrieveImagePullSecret')
        .flatMap((e) => (/\(([^)]*)\)/.exec(e.message ?? '')?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean));
      const { classification, classifiedText } = bestClassification(texts, once);
      const parsed = parseImageReference(spec.image);
      out.push({
        pod,
        podRef,
        container: spec.name,
        init: spec.init,
        image: spec.image,
        parsed,
        registry: parsed.ok ? parsed.ref.domain : undefined,
        node: pod.nodeName,
        reason: st?.reason ?? mine.find((e) => e.type === 'Warning')?.reason ?? 'Failed',
        texts,
        classification,
        classifiedText,
        unretrievableSecrets: [...new Set(unretrievableSecrets)],
      });
    }
  }
  return out;
}

/**
 * The freshest classified text: the container status first, then events newest first (an old error
 * fixed since must not win over the current one). A missing-secret warning counts only when nothing
 * else speaks.
 */
function bestClassification(texts: EvidenceItem[], classify: (m: string) => Classification): { classification: Classification; classifiedText?: EvidenceItem } {
  let weak: { classification: Classification; classifiedText?: EvidenceItem } | undefined;
  for (const t of texts) {
    if (/^(ImagePullBackOff: )?Back-off pulling image "[^"]*"\s*$/.test(t.what)) continue; // says nothing of the cause
    const c = classify(t.what);
    if (c.cause === 'unknown') continue;
    if (t.where.includes('FailedToRetrieveImagePullSecret')) {
      weak ??= { classification: c, classifiedText: t };
      continue;
    }
    return { classification: c, classifiedText: t };
  }
  return weak ?? { classification: { message: '', cause: 'unknown', confidence: 0, alternatives: [] } };
}

/** `nodes` of a finding about a pod: its node when scheduled. */
export function nodesOf(f: PullFailure): string[] {
  return f.node ? [f.node] : [];
}

/**
 * The innermost error of a CRI pull error chain (facts §4.6): what follows the last `"…": ` (the
 * quoted URL or reference), e.g. `dial tcp: lookup reg on 127.0.0.53:53: no such host`.
 */
export function innermostError(text: string, max = 160): string {
  const i = text.lastIndexOf('": ');
  let t = (i >= 0 ? text.slice(i + 3) : text).trim();
  t = t.replace(/^(rpc error: code = \w+ desc = )/, '');
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Pull answers that read as being about the image or the credentials: a failing registry gives them too. */
export const REGISTRY_ANSWERS = new Set(['image.auth-missing', 'image.auth-rejected', 'image.not-found']);

/**
 * A registry probe that found this registry itself failing (a 5xx or EOF from the registry
 * application, facts §8), preferring one run from the pod's node. While the registry is down its
 * front (a proxy, the token service) can still answer 401, 403 or 404: those texts then say nothing
 * about credentials or the image, and the probe decides.
 */
export function registryDownProbe(probes: Readonly<ProbeEvidence> | undefined, registry: string | undefined, node: string | undefined): RegistryProbeResult | undefined {
  if (!registry) return undefined;
  const down = (probes?.registry ?? []).filter((r) => !r.ok && r.registry === registry).map(judgeRegistry).filter((r) => r.cause === 'registry.server-error');
  return down.find((r) => r.node === node) ?? down[0];
}

/** The probe's failing phase as evidence text. */
export function probeEvidence(r: RegistryProbeResult): EvidenceItem {
  const failed = r.phases.find((p) => !p.ok);
  return { where: `probe registry ${r.registry} (${r.image})${r.node ? ` from ${r.node}` : ''}`, what: `${r.failedPhase ?? failed?.name ?? 'probe'}: ${failed?.error ?? 'failed'}` };
}
