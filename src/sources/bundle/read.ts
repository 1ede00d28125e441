/**
 * The bundle source: `diagnose --bundle PATH` (a directory or .tar.gz) in three layouts:
 *  (a) our own format (./format.ts): the manifest + evidence.json, read as is;
 *  (b) a directory of `kubectl get … -o json` outputs: Lists or single objects, any file names, mixed kinds;
 *  (c) a troubleshoot.sh support bundle: cluster-resources/nodes.json, pods/<ns>.json, events/<ns>.json, …
 * (b) and (c) are read the same way: every .json file is streamed item by item into one ClusterBuilder;
 * an item's kind comes from its own `kind`, its list's kind (PodList → Pod) or, for troubleshoot's
 * kind-less layout, the folder name. A malformed file or item is recorded as unreadable (file, byte,
 * line) and the rest goes on.
 */
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import type { ClusterEvidence } from '../../evidence/cluster.js';
import { ClusterBuilder, KIND_KEY, type BuilderOptions } from '../objects/from-kube.js';
import { EVIDENCE_SCHEMA_VERSION, emptyEvidence, type Evidence } from '../../evidence/types.js';
import { readBounded, type ReadRefused } from '../bounded-read.js';
import { lineAt, openBundle, walk } from './files.js';
import { checkOwnEvidence } from './own-schema.js';
import { BUNDLE_FORMAT, EVIDENCE_FILE, MANIFEST_FILE, type BundleManifest } from './format.js';
import { streamJsonList } from './json-list-stream.js';
import { readPodLogs } from './pod-logs.js';

export type BundleLayout = 'flannel-doctor' | 'troubleshoot' | 'kubectl';

export interface BundleOptions extends BuilderOptions {
  /** progress lines (CLI: stderr when a TTY) */
  progress?: (line: string) => void;
}

export interface BundleRead {
  layout: BundleLayout;
  evidence: Evidence;
  files: number;
}

/** troubleshoot.sh folder / file names → kind, for lists whose items carry no kind. */
const PATH_KINDS: Record<string, string> = {
  nodes: 'Node',
  pods: 'Pod',
  events: 'Event',
  serviceaccounts: 'ServiceAccount',
  'service-accounts': 'ServiceAccount',
  secrets: 'Secret',
  configmaps: 'ConfigMap',
  daemonsets: 'DaemonSet',
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  replicasets: 'ReplicaSet',
  services: 'Service',
  endpoints: 'Endpoints',
};

/** YAML is parsed whole; bigger YAML files are refused with a note (use -o json for big lists). */
const MAX_YAML = 64 * 1024 * 1024;
/** Our own evidence.json is parsed whole (it holds projections, not raw objects). */
const MAX_EVIDENCE_BYTES = 256 * 1024 * 1024;

export async function readBundle(path: string, opts: BundleOptions = {}): Promise<BundleRead> {
  const { dir, cleanup } = await openBundle(path);
  try {
    const files = await walk(dir);
    const manifest = files.find((f) => basename(f) === MANIFEST_FILE);
    if (manifest) return await readOwn(dir, manifest, path, opts);
    const troubleshoot = files.some((f) => /(^|\/)cluster-resources\//.test(f));
    const cluster = await readObjectFiles(dir, files, opts, troubleshoot);
    const evidence = emptyEvidence(['bundle']);
    evidence.cluster = cluster;
    return { layout: troubleshoot ? 'troubleshoot' : 'kubectl', evidence, files: files.length };
  } finally {
    await cleanup();
  }
}

async function readOwn(dir: string, manifestFile: string, shown: string, opts: BundleOptions): Promise<BundleRead> {
  const root = dirname(manifestFile) === '.' ? '' : dirname(manifestFile);
  let manifest: BundleManifest;
  const manifestText = await readBounded(join(dir, manifestFile), { maxBytes: 1024 * 1024 }).catch((e: Error) => {
    throw new InputError(`${shown}: ${manifestFile}`, `cannot read: ${e.message}`);
  });
  try {
    manifest = JSON.parse(manifestText.toString('utf8'));
  } catch (e) {
    throw new InputError(`${shown}: ${manifestFile}`, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new InputError(`${shown}: ${manifestFile}`, 'must be a JSON object');
  if (manifest.format !== BUNDLE_FORMAT) throw new InputError(`${shown}: ${manifestFile}`, `format is "${String(manifest.format)}", expected "${BUNDLE_FORMAT}"`, { field: 'format' });
  if (manifest.evidenceSchemaVersion > EVIDENCE_SCHEMA_VERSION) {
    throw new InputError(`${shown}: ${manifestFile}`, `evidence schema ${manifest.evidenceSchemaVersion} is newer than this flannel-doctor understands (${EVIDENCE_SCHEMA_VERSION}): upgrade`, { field: 'evidenceSchemaVersion' });
  }
  const evFile = join(dir, root, EVIDENCE_FILE);
  const evShown = `${shown}: ${join(root, EVIDENCE_FILE)}`;
  // Not through a link, not a FIFO or device, bounded in size: a crafted bundle cannot hang or point elsewhere.
  const evText = await readBounded(evFile, { maxBytes: MAX_EVIDENCE_BYTES, timeoutMs: 60_000 }).catch((e: Error) => {
    throw new InputError(evShown, `cannot read: ${e.message}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(evText.toString('utf8'));
  } catch (e) {
    throw new InputError(evShown, `not valid JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const evidence = checkOwnEvidence(parsed, evShown);
  const base = emptyEvidence(['bundle']);
  const merged: Evidence = {
    ...base,
    ...evidence,
    nodes: evidence.nodes ?? {},
    messages: evidence.messages ?? [],
    sources: [...new Set([...(evidence.sources ?? []), 'bundle' as const])],
  };
  if (opts.namespace && merged.cluster) merged.cluster = restrictNamespace(merged.cluster, opts);
  return { layout: 'flannel-doctor', evidence: merged, files: 2 };
}

/** Applies -n to evidence read from our own bundle (the builder does it for raw objects). */
function restrictNamespace(c: ClusterEvidence, opts: BuilderOptions): ClusterEvidence {
  const b = new ClusterBuilder(opts);
  return {
    ...c,
    pods: c.pods.filter((p) => b.inScope(p.namespace)),
    events: c.events.filter((e) => b.inScope(e.namespace)),
    serviceAccounts: c.serviceAccounts.filter((s) => b.inScope(s.namespace)),
    pullSecrets: c.pullSecrets.filter((s) => b.inScope(s.namespace)),
  };
}

/** Reads (b) kubectl output directories and (c) troubleshoot bundles. */
export async function readObjectFiles(dir: string, files: string[], opts: BundleOptions, troubleshoot: boolean): Promise<ClusterEvidence> {
  const b = new ClusterBuilder(opts);
  const notRead = new Map<string, string>();
  const heldBy = new Map<string, Set<string>>();
  let done = 0;
  for (const rel of files) {
    if (/(^|\/)pods\/logs\//.test(rel)) continue; // container logs, not objects: read below
    const isJson = /\.json$/i.test(rel);
    const isYaml = /\.ya?ml$/i.test(rel);
    if (!isJson && !isYaml) continue;
    if (troubleshoot && !/(^|\/)cluster-resources\//.test(rel)) continue; // host collectors, analysis.json
    const hint = pathKind(rel);
    if (troubleshoot && /-errors\.json$/i.test(rel)) await readCollectorErrors(b, join(dir, rel), rel);
    else if (isJson) await readJsonFile(b, join(dir, rel), rel, hint, opts.progress, notRead, heldBy);
    else await readYamlFile(b, join(dir, rel), rel, hint, heldBy);
    done++;
    if (done % 50 === 0) opts.progress?.(`read ${done} files…`);
  }
  if (troubleshoot) await readPodLogs(b, dir, files);
  for (const [kind, n] of b.ignored()) notRead.set(kind, `${n} object${n === 1 ? '' : 's'}`);
  if (notRead.size) {
    const list = [...notRead.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([k, why]) => `${k} (${why})`);
    b.unreadable({ what: `${notRead.size} other kind${notRead.size === 1 ? '' : 's'} in the bundle`, reason: `not read, no check uses them: ${list.join(', ')}` });
  }
  const cluster = b.build({ inferMissingSecrets: true });
  if (heldBy.size) cluster.files = Object.fromEntries([...heldBy].sort((x, y) => x[0].localeCompare(y[0])).map(([k, set]) => [k, [...set].sort()]));
  return cluster;
}

/** Records that `rel` held objects of `kind` (the kinds rules read only). */
function heldIn(files: Map<string, Set<string>>, kind: string | undefined, rel: string): void {
  const key = kind ? KIND_KEY[kind] : undefined;
  if (!key) return;
  let set = files.get(key);
  if (!set) files.set(key, (set = new Set()));
  set.add(rel);
}

/** troubleshoot.sh's name for a kind-less file: its folder under cluster-resources, or its file name. */
function layoutName(rel: string): string {
  const m = /(?:^|\/)cluster-resources\/([^/]+?)(?:\.json)?(?:\/|$)/.exec(rel);
  return m?.[1] ?? rel;
}

/** Why a kind-less troubleshoot.sh file is not read (the common ones), else a plain note. */
const KINDLESS_REASON: Record<string, string> = {
  'image-pull-secrets': 'troubleshoot keeps only the registry and user name of a pull secret, not its type and keys',
  'auth-cani-list': "the collector's own permissions",
  groups: 'API discovery',
  resources: 'API discovery',
};

function pathKind(rel: string): string | undefined {
  const parts = rel.split('/');
  const file = parts[parts.length - 1].replace(/\.(json|ya?ml)$/i, '');
  const parent = parts[parts.length - 2];
  return PATH_KINDS[file] ?? (parent ? PATH_KINDS[parent] : undefined);
}

function kindFromList(listKind: string | undefined): string | undefined {
  return listKind && listKind !== 'List' && listKind.endsWith('List') ? listKind.slice(0, -4) : undefined;
}

function markKind(b: ClusterBuilder, kind: string | undefined): void {
  const key = kind ? KIND_KEY[kind] : undefined;
  if (key) b.markRead(key);
}

async function readJsonFile(
  b: ClusterBuilder,
  file: string,
  rel: string,
  hint: string | undefined,
  progress: ((line: string) => void) | undefined,
  notRead: Map<string, string>,
  files: Map<string, Set<string>>,
): Promise<void> {
  const seenKinds = new Set<string>();
  const kindless = () => {
    const name = layoutName(rel);
    notRead.set(name, KINDLESS_REASON[name] ?? 'objects without a kind');
  };
  for await (const ev of streamJsonList(file)) {
    if (ev.type === 'item') {
      if (progress && ev.index % 25_000 === 24_999) progress(`reading ${rel}: ${ev.index + 1} objects…`);
      const kind = (typeof (ev.value as any)?.kind === 'string' ? (ev.value as any).kind : undefined) ?? kindFromList(ev.listKind) ?? hint;
      if (!kind) {
        kindless(); // troubleshoot's kind-less lists of things no rule reads (groups, can-i)
        continue;
      }
      if (!seenKinds.has(kind)) heldIn(files, kind, rel);
      seenKinds.add(kind);
      b.add(kind, ev.value, rel, ev.index);
    } else if (ev.type === 'bad-item') {
      b.unreadable({ what: `item ${ev.index} of ${rel}`, reason: `skipped: ${ev.message}, line ${await lineAt(file, ev.offset)}` });
    } else {
      if (ev.problem) {
        b.unreadable({ what: rel, reason: `${ev.problem.message}${ev.problem.offset ? `, line ${await lineAt(file, ev.problem.offset)}` : ''}; items before it were read` });
        continue;
      }
      const env = ev.envelope as Record<string, unknown> | undefined;
      if (ev.itemsSeen) {
        // A list (possibly empty): its kind proves the kind was collected.
        const listKind = kindFromList(typeof env?.kind === 'string' ? env.kind : undefined) ?? hint;
        markKind(b, listKind);
        for (const k of seenKinds) markKind(b, k);
        // An empty list of a kind no check reads is present too: name it.
        if (!seenKinds.size && !(listKind && KIND_KEY[listKind])) {
          const name = listKind ?? layoutName(rel);
          if (!notRead.has(name)) notRead.set(name, '0 objects');
        }
      } else if (env && typeof env.kind === 'string') {
        markKind(b, env.kind);
        heldIn(files, env.kind, rel);
        b.add(env.kind, env, rel);
      } else if (env) kindless();
    }
  }
}

/**
 * troubleshoot.sh writes what its collectors could not read to `<what>-errors.json` (an array of
 * messages such as `pods is forbidden: …`): those become unreadable entries, as from the kube source.
 */
async function readCollectorErrors(b: ClusterBuilder, file: string, rel: string): Promise<void> {
  const what = rel.split('/').slice(-2).join('/').replace(/-errors\.json$/i, '').replace(/^cluster-resources\//, '');
  const note = (message: string, ns?: string) => {
    if (!message.trim()) return;
    const forbidden = /forbidden/i.test(message);
    b.unreadable({ what: `${what}${ns ? ` in namespace ${ns}` : ''} (troubleshoot collector)`, reason: message.slice(0, 500), ...(forbidden ? { code: 403 } : {}) });
  };
  for await (const ev of streamJsonList(file)) {
    if (ev.type === 'item' && typeof ev.value === 'string') note(ev.value);
    // Older troubleshoot.sh wrote {"<namespace>": "<error>"} instead of an array.
    if (ev.type === 'end' && ev.envelope && typeof ev.envelope === 'object' && !Array.isArray(ev.envelope)) {
      for (const [ns, msg] of Object.entries(ev.envelope as Record<string, unknown>)) if (typeof msg === 'string') note(msg, ns || undefined);
    }
  }
}

async function readYamlFile(b: ClusterBuilder, file: string, rel: string, hint: string | undefined, files: Map<string, Set<string>>): Promise<void> {
  // Size first, before a byte is read (a multi-GB YAML would never fit in a string anyway).
  let text: string;
  try {
    text = (await readBounded(file, { maxBytes: MAX_YAML, timeoutMs: 60_000 })).toString('utf8');
  } catch (e) {
    const r = e as ReadRefused;
    b.unreadable({ what: rel, reason: r.code === 'EFBIG' ? `YAML larger than ${MAX_YAML / 1024 / 1024} MB is not read: save big lists with -o json` : `cannot read: ${r.message}` });
    return;
  }
  // yaml loads only for YAML files (troubleshoot.sh bundles); kubectl -o json bundles never need it.
  const { parseAllDocuments } = await import('yaml');
  for (const doc of parseAllDocuments(text)) {
    if ('errors' in doc && doc.errors.length) {
      const err = doc.errors[0];
      b.unreadable({ what: rel, reason: `not valid YAML: ${err.message.split('\n')[0]}${err.linePos ? ` (line ${err.linePos[0].line})` : ''}` });
      continue;
    }
    const v = doc.toJS({ maxAliasCount: 100 }) as any;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v) || Array.isArray(v.items)) {
      // A List, or a bare array of objects (troubleshoot.sh's custom-resources/<crd>/<ns>.yaml)
      const items: any[] = Array.isArray(v) ? v : v.items;
      const listKind = (Array.isArray(v) ? undefined : kindFromList(v.kind)) ?? hint;
      markKind(b, listKind);
      items.forEach((it: any, i: number) => {
        const kind = it?.kind ?? listKind;
        if (kind) {
          markKind(b, kind);
          heldIn(files, kind, rel);
          b.add(kind, it, `${rel} (item ${i})`);
        }
      });
    } else if (typeof v.kind === 'string') {
      markKind(b, v.kind);
      heldIn(files, v.kind, rel);
      b.add(v.kind, v, rel);
    }
  }
}
