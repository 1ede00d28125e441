/**
 * The kube source: reads the objects the rules need from a live API server into ClusterEvidence.
 * Lists are paginated (limit=500 + continue) and run concurrently; a 403/404 on one resource becomes
 * an `unreadable` entry and the rest goes on; an API that does not answer at all is a ToolError.
 * Secrets are never listed: only those named as imagePullSecrets are fetched, one GET each, and
 * summarised at once (no value is kept).
 */
import { setMaxListeners } from 'node:events';
import { ToolError } from '../../errors.js';
import type { ClusterEvidence, Unreadable } from '../../evidence/cluster.js';
import { ClusterBuilder, DNS_SERVICE, SYSTEM_NAMESPACES, WANTED_CONFIGMAPS, type KindKey } from '../objects/from-kube.js';
import { KubeClient, KubeRequestError, loadKubeConfig, type KubeTarget } from './client.js';

export interface KubeSourceOptions extends KubeTarget {
  /** -n: pods, events, service accounts and secrets of this namespace (+ kube-system, kube-flannel) */
  namespace?: string;
  /** overall budget in ms (default 30 s) */
  timeoutMs?: number;
  /** per-request budget in ms (default min(overall, 20 s)) */
  requestTimeoutMs?: number;
  /** page size (default 500) */
  pageSize?: number;
  /** progress lines (the CLI passes a stderr writer when it is a TTY) */
  progress?: (line: string) => void;
  /** parallel single-object GETs (secrets) */
  concurrency?: number;
}

interface ListSpec {
  key: KindKey;
  kind: string;
  /** API path prefix, e.g. /api/v1 or /apis/apps/v1 */
  base: string;
  resource: string;
  /** namespaces to list in; undefined = cluster-wide */
  namespaces?: string[];
}

const CORE = '/api/v1';
const APPS = '/apis/apps/v1';

export async function gatherKube(opts: KubeSourceOptions = {}): Promise<ClusterEvidence> {
  const kc = loadKubeConfig(opts);
  const client = new KubeClient(kc);
  const overall = opts.timeoutMs ?? 30_000;
  const perRequest = Math.min(opts.requestTimeoutMs ?? 20_000, overall);
  const deadline = new AbortController();
  setMaxListeners(0, deadline.signal); // one listener per in-flight request
  const timer = setTimeout(() => deadline.abort(), overall);
  timer.unref?.();
  const namespace = opts.namespace;
  const b = new ClusterBuilder({ namespace });
  const run = new Run(client, b, perRequest, deadline.signal, opts.pageSize ?? 500, opts.progress);
  try {
    await run.checkAlive();
    const userNs = namespace ? [...new Set([namespace, ...SYSTEM_NAMESPACES])] : undefined;
    const lists: ListSpec[] = [
      { key: 'nodes', kind: 'Node', base: CORE, resource: 'nodes' },
      { key: 'pods', kind: 'Pod', base: CORE, resource: 'pods', namespaces: userNs },
      { key: 'events', kind: 'Event', base: CORE, resource: 'events', namespaces: userNs },
      { key: 'serviceaccounts', kind: 'ServiceAccount', base: CORE, resource: 'serviceaccounts', namespaces: userNs },
      { key: 'daemonsets', kind: 'DaemonSet', base: APPS, resource: 'daemonsets' },
      { key: 'deployments', kind: 'Deployment', base: APPS, resource: 'deployments', namespaces: ['kube-system'] },
    ];
    const gets: Promise<void>[] = [
      run.getMany('configmaps', 'ConfigMap', CORE, 'configmaps', WANTED_CONFIGMAPS, { absentIsFine: true }),
      run.getMany('services', 'Service', CORE, 'services', [DNS_SERVICE], { absentIsFine: true }),
      run.getMany('endpoints', 'Endpoints', CORE, 'endpoints', [DNS_SERVICE], { absentIsFine: true }),
    ];
    const listed = lists.map((l) => run.list(l));
    // Secrets need the pods and service accounts first: only the referenced ones are read.
    await Promise.all([listed[1], listed[3]]);
    const refs = b.referencedSecrets().map((r) => {
      const i = r.indexOf('/');
      return { namespace: r.slice(0, i), name: r.slice(i + 1) };
    });
    const secretsDone = run.getMany('secrets', 'Secret', CORE, 'secrets', refs, { missing: (ns, n) => b.markMissingSecret(ns, n) });
    await Promise.all([...listed, ...gets, secretsDone]);
  } finally {
    clearTimeout(timer);
  }
  const built = b.build({ readAt: new Date().toISOString() });
  if (run.serverClockOffsetMs !== undefined) built.serverClockOffsetMs = run.serverClockOffsetMs;
  return built;
}

/** One gathering run: shared client, deadline and builder. */
class Run {
  serverClockOffsetMs?: number;

  constructor(
    private readonly client: KubeClient,
    private readonly b: ClusterBuilder,
    private readonly perRequest: number,
    private readonly signal: AbortSignal,
    private readonly pageSize: number,
    private readonly progress?: (line: string) => void,
  ) {}

  /** GET /version: a dead or unauthorised API ends the run with a ToolError (exit 2). */
  async checkAlive(): Promise<void> {
    let res;
    try {
      res = await this.client.get('/version', this.perRequest, this.signal);
    } catch (e) {
      throw new ToolError(`cannot reach the Kubernetes API at ${this.client.server}: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The Date header has 1 s resolution: offsets under 2 s are noise.
    const server = res.date ? Date.parse(res.date) : NaN;
    if (Number.isFinite(server) && Math.abs(server - Date.now()) > 2000) this.serverClockOffsetMs = server - Date.now();
    if (res.status === 401) throw new ToolError(`the Kubernetes API at ${this.client.server} rejected the credentials (401 Unauthorized): check the kubeconfig user or run kubectl to refresh them`);
    if (res.status >= 500) throw new ToolError(`the Kubernetes API at ${this.client.server} answered ${res.status}: ${res.body?.message ?? ''}`.trim());
  }

  async list(spec: ListSpec): Promise<void> {
    const where = spec.namespaces ?? [undefined];
    let ok = true;
    for (const ns of where) ok = (await this.listOne(spec, ns)) && ok;
    if (ok) this.b.markRead(spec.key);
  }

  private async listOne(spec: ListSpec, ns: string | undefined, retried = false): Promise<boolean> {
    const path = `${spec.base}${ns ? `/namespaces/${encodeURIComponent(ns)}` : ''}/${spec.resource}`;
    const what = `${spec.resource}${ns ? ` in namespace ${ns}` : ''}`;
    let cont: string | undefined;
    let count = 0;
    do {
      const q = new URLSearchParams({ limit: String(this.pageSize) });
      if (cont) q.set('continue', cont);
      let res;
      try {
        res = await this.client.get(`${path}?${q}`, this.perRequest, this.signal);
      } catch (e) {
        this.unreadable(what, e, `list ${spec.resource}`);
        return false;
      }
      if (res.status === 410 && !retried) {
        // The continue token expired (a slow read of a big list): start over; the builder dedupes.
        return this.listOne(spec, ns, true);
      }
      if (res.status !== 200) {
        this.statusUnreadable(what, res.status, res.body, 'list', spec.resource);
        return false;
      }
      const items: unknown[] = Array.isArray(res.body?.items) ? res.body.items : [];
      for (const it of items) this.b.add(spec.kind, it, `GET ${path}`);
      count += items.length;
      cont = typeof res.body?.metadata?.continue === 'string' && res.body.metadata.continue ? res.body.metadata.continue : undefined;
      if (cont) this.progress?.(`reading ${what}: ${count}…`);
    } while (cont);
    this.progress?.(`read ${count} ${what}`);
    return true;
  }

  /** GET named objects; 404 → `missing` (or nothing when absentIsFine), 403 → unreadable. */
  async getMany(
    key: KindKey,
    kind: string,
    base: string,
    resource: string,
    refs: readonly { namespace: string; name: string }[],
    o: { absentIsFine?: boolean; missing?: (ns: string, name: string) => void; concurrency?: number },
  ): Promise<void> {
    let ok = true;
    let next = 0;
    const worker = async () => {
      while (next < refs.length) {
        const r = refs[next++];
        const path = `${base}/namespaces/${encodeURIComponent(r.namespace)}/${resource}/${encodeURIComponent(r.name)}`;
        const what = `${resource} ${r.namespace}/${r.name}`;
        let res;
        try {
          res = await this.client.get(path, this.perRequest, this.signal);
        } catch (e) {
          this.unreadable(what, e, `get ${resource}`);
          ok = false;
          continue;
        }
        if (res.status === 200) this.b.add(kind, res.body, `GET ${path}`);
        else if (res.status === 404 && (o.absentIsFine || o.missing) && res.body?.reason === 'NotFound') o.missing?.(r.namespace, r.name);
        else if (res.status === 403) {
          // One line per namespace, not one per object: "secrets in namespace shop (a, b)".
          const names = forbidden.get(r.namespace) ?? [];
          names.push(r.name);
          forbidden.set(r.namespace, names);
          ok = false;
        } else {
          this.statusUnreadable(what, res.status, res.body, 'get', resource);
          ok = false;
        }
      }
    };
    const forbidden = new Map<string, string[]>();
    await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 16, Math.max(refs.length, 1)) }, worker));
    for (const [ns, names] of [...forbidden].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      this.statusUnreadable(`${resource} in namespace ${ns} (${names.sort().join(', ')})`, 403, undefined, 'get', resource);
    }
    if (ok) this.b.markRead(key);
  }

  private statusUnreadable(what: string, status: number, body: any, verb: string, resource: string): void {
    const needs = `${verb} ${resource}`;
    const u: Unreadable = { what, code: status, reason: '' };
    if (status === 403) {
      u.reason = `forbidden: needs ${needs}`;
      u.needs = needs;
    } else if (status === 404) u.reason = `not served by this API server (404)${body?.message ? `: ${body.message}` : ''}`;
    else if (status === 401) u.reason = 'unauthorized (401): the credentials were rejected';
    else u.reason = `HTTP ${status}${body?.message ? `: ${body.message}` : ''}`;
    this.b.unreadable(u);
  }

  private unreadable(what: string, e: unknown, needs: string): void {
    const msg = e instanceof KubeRequestError && e.reason === 'Timeout' ? `timed out: ${e.message}` : `request failed: ${e instanceof Error ? e.message : String(e)}`;
    this.b.unreadable({ what, reason: msg, needs });
  }
}

