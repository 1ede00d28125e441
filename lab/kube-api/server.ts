/**
 * A Kubernetes API test server: real HTTP (node:http, or HTTPS with `tls`) with Kubernetes list
 * semantics, for the lab, the conformance suite and tests. `@kubernetes/client-node` talks to it
 * unmodified. Kinds served (./resources.ts): Namespace, Node, Pod, Event (core/v1, and the same store
 * converted to events.k8s.io/v1), ServiceAccount, Secret, ConfigMap, Service, Endpoints (core/v1);
 * DaemonSet, Deployment, ReplicaSet (apps/v1).
 *
 * API (for the lab and tests):
 *
 *   const api = await KubeApiServer.start({ port?: 0, host?: '127.0.0.1', token?: string, user?: string,
 *                                            tls?: false, gitVersion?: string });
 *   api.url                       'http://127.0.0.1:<port>' ('https://…' with tls: a fresh self-signed
 *                                 certificate from the openssl CLI, given as the CA in kubeconfig())
 *   api.kubeconfig({ namespace?, context? }): string   kubeconfig YAML pointing at it (with the token if set)
 *   api.put(obj)                  create or replace (kind + metadata.name required; namespace defaults to
 *                                 "default" for namespaced kinds); fills uid, creationTimestamp,
 *                                 resourceVersion; Secret stringData → base64 data; either Event shape
 *   api.get(kind, ns|undefined, name)  a copy or undefined
 *   api.remove(kind, ns|undefined, name)
 *   api.list(kind, ns?)           copies, sorted by namespace/name
 *   api.load(objects)             put each (a kubectl List's items, a bundle)
 *   api.forbid({ verb?, resource, namespace?, name? }) → id   403 for matching requests (verb: list|get|
 *                                 create|update|delete|patch|watch; resource: plural, "pods", "secrets",
 *                                 "pods/proxy"; namespace undefined = everywhere); api.allow(id) undoes it
 *   api.delay({ resource?, verb?, ms }) → id    slow responses; api.undelay(id)
 *   api.setProxy((req) => Promise<ProxyResponse>)   handler for GET|POST /api/v1/namespaces/{ns}/pods/{name}[:port]/proxy/{path}
 *   api.expireContinueTokens()    the next page with an older continue token answers 410 Expired
 *   api.requests                  log of { method, path, status } (tests count list pages with it)
 *   api.store.onChange            called after each write (persist with api.list / api.snapshot())
 *   api.snapshot(): object[]      every stored object (for state files)
 *   await api.close()
 *
 * HTTP: GET /version, /api, /apis, /api/v1, /apis/{group}/{version} discovery; for each resource in
 * ./resources.ts: GET list (cluster-wide and namespaced; limit, continue, labelSelector with =, ==,
 * !=, exists, !exists; fieldSelector with = and != on dotted paths), GET one, POST create (409 if it
 * exists), PUT replace, PATCH (merge patch), DELETE; GET and PATCH {name}/status (a strategic merge patch
 * merges status.conditions by type, as for nodes/status). Errors are Status objects with real messages:
 * `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"`,
 * `pods "p" not found`. With `token` set, requests without `Authorization: Bearer <token>` get 401.
 * A standalone process: lab/kube-api/main.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { ListError, ObjectStore } from './store.js';
import { RESOURCES, apiVersionOf, resourceByPath, toEventsV1, type ResourceType } from './resources.js';
import { selfSignedCert } from './tls.js';

type Obj = Record<string, any>;

export interface KubeApiServerOptions {
  port?: number;
  host?: string;
  /** require this bearer token */
  token?: string;
  /** the user named in 403 messages */
  user?: string;
  /** reported by GET /version */
  gitVersion?: string;
  /** serve HTTPS with a fresh self-signed certificate (the kubeconfig carries it as the CA) */
  tls?: boolean;
}

export interface ForbidRule {
  verb?: string;
  resource: string;
  namespace?: string;
  name?: string;
}

export interface DelayRule {
  verb?: string;
  resource?: string;
  ms: number;
}

export interface ProxyRequest {
  method: string;
  namespace: string;
  pod: string;
  port?: string;
  /** path after /proxy, with its query string, starting with "/" */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ProxyResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

interface Route {
  type?: ResourceType;
  namespace?: string;
  name?: string;
  sub?: string; // proxy
  subPath?: string;
  discovery?: Obj;
}

export class KubeApiServer {
  readonly store = new ObjectStore();
  readonly requests: { method: string; path: string; status: number }[] = [];
  private readonly forbidden = new Map<number, ForbidRule>();
  private readonly delays = new Map<number, DelayRule>();
  private nextId = 1;
  private proxy?: (req: ProxyRequest) => Promise<ProxyResponse>;
  private server!: Server;
  private tls?: { cert: string; key: string };
  url = '';

  private constructor(private readonly opts: KubeApiServerOptions) {}

  static async start(opts: KubeApiServerOptions = {}): Promise<KubeApiServer> {
    const s = new KubeApiServer(opts);
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      s.handle(req, res).catch((e) => s.send(res, req, 500, status(500, 'InternalError', String(e))));
    };
    if (opts.tls) {
      s.tls = selfSignedCert(opts.host ?? '127.0.0.1');
      s.server = createTlsServer({ cert: s.tls.cert, key: s.tls.key }, handler);
    } else s.server = createServer(handler);
    s.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
    });
    const a = s.server.address() as AddressInfo;
    s.url = `${opts.tls ? 'https' : 'http'}://${a.address}:${a.port}`;
    return s;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  put(obj: Obj): Obj {
    return this.store.put(obj);
  }
  get(kind: string, ns: string | undefined, name: string): Obj | undefined {
    return this.store.get(kind, ns, name);
  }
  remove(kind: string, ns: string | undefined, name: string): void {
    this.store.remove(kind, ns, name);
  }
  list(kind: string, ns?: string): Obj[] {
    return this.store.all(kind, ns);
  }
  load(objects: Iterable<Obj>): void {
    for (const o of objects) this.store.put(o);
  }
  snapshot(): Obj[] {
    return RESOURCES.filter((r) => r.group !== 'events.k8s.io').flatMap((r) => this.store.all(r.kind));
  }
  forbid(rule: ForbidRule): number {
    const id = this.nextId++;
    this.forbidden.set(id, rule);
    return id;
  }
  allow(id: number): void {
    this.forbidden.delete(id);
  }
  delay(rule: DelayRule): number {
    const id = this.nextId++;
    this.delays.set(id, rule);
    return id;
  }
  undelay(id: number): void {
    this.delays.delete(id);
  }
  setProxy(handler: ((req: ProxyRequest) => Promise<ProxyResponse>) | undefined): void {
    this.proxy = handler;
  }
  expireContinueTokens(): void {
    this.store.expireContinueTokens();
  }

  kubeconfig(o: { namespace?: string; context?: string } = {}): string {
    const ctx = o.context ?? 'fd-test';
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      // client-node refuses plain http unless TLS verification is explicitly off; over TLS the
      // self-signed certificate is its own CA.
      clusters: [
        {
          name: ctx,
          cluster: this.tls
            ? { server: this.url, 'certificate-authority-data': Buffer.from(this.tls.cert).toString('base64') }
            : { server: this.url, 'insecure-skip-tls-verify': true },
        },
      ],
      users: [{ name: `${ctx}-user`, user: this.opts.token ? { token: this.opts.token } : {} }],
      contexts: [{ name: ctx, context: { cluster: ctx, user: `${ctx}-user`, ...(o.namespace ? { namespace: o.namespace } : {}) } }],
      'current-context': ctx,
      preferences: {},
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = (req.method ?? 'GET').toUpperCase();
    if (this.opts.token && req.headers.authorization !== `Bearer ${this.opts.token}`) {
      return this.send(res, req, 401, status(401, 'Unauthorized', 'Unauthorized'));
    }
    if (url.pathname === '/version') {
      return this.send(res, req, 200, { major: '1', minor: '30', gitVersion: this.opts.gitVersion ?? 'v1.30.0-fdtest', platform: 'linux/amd64' });
    }
    const route = parseRoute(url.pathname);
    if (!route) return this.send(res, req, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    if (route.discovery) return this.send(res, req, 200, route.discovery);
    const type = route.type!;
    const verb = route.sub === 'proxy'
      ? method.toLowerCase() === 'get' ? 'get' : 'create'
      : method === 'GET' ? (route.name ? 'get' : url.searchParams.get('watch') === 'true' ? 'watch' : 'list')
      : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : method === 'DELETE' ? 'delete' : method.toLowerCase();
    const resource = route.sub ? `${type.resource}/${route.sub}` : type.resource;
    await this.slow(verb, resource);
    if (this.isForbidden(verb, resource, route.namespace, route.name)) {
      const who = `User "${this.opts.user ?? 'flannel-doctor'}"`;
      const what = route.name && verb !== 'list' ? `${resource} "${route.name}"` : resource;
      const scope = route.namespace ? `in the namespace "${route.namespace}"` : 'at the cluster scope';
      const res403 = status(403, 'Forbidden', `${what} is forbidden: ${who} cannot ${verb} resource "${type.resource}" in API group "${type.group}" ${scope}`);
      res403.details = { ...(route.name ? { name: route.name } : {}), group: type.group || undefined, kind: type.resource };
      return this.send(res, req, 403, res403);
    }
    if (route.sub === 'proxy') return this.proxyTo(req, res, route, url);
    if (route.sub === 'status' && route.name && (verb === 'get' || verb === 'patch')) return this.statusSub(req, res, type, route, verb);
    if (route.sub) return this.send(res, req, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const view = (o: Obj) => (type.group === 'events.k8s.io' ? { kind: 'Event', apiVersion: 'events.k8s.io/v1', ...toEventsV1(o) } : o);
    try {
      if (verb === 'list') {
        const match = selectorMatcher(url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector'));
        const limit = Number(url.searchParams.get('limit') ?? 0) || undefined;
        const page = this.store.page(type.kind, route.namespace, { limit, continue: url.searchParams.get('continue') ?? undefined, match });
        const metadata: Obj = { resourceVersion: page.resourceVersion };
        if (page.continue) metadata.continue = page.continue;
        if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
        // Items in a list carry no kind/apiVersion, as from a real server.
        const items = page.items.map((o) => {
          const v = view(o);
          delete v.kind;
          delete v.apiVersion;
          return v;
        });
        return this.send(res, req, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata, items });
      }
      if (verb === 'get') {
        const o = this.store.get(type.kind, route.namespace, route.name!);
        if (!o) return this.send(res, req, 404, notFound(type, route.name!));
        return this.send(res, req, 200, view(o));
      }
      if (verb === 'delete') {
        const o = this.store.remove(type.kind, route.namespace, route.name!);
        if (!o) return this.send(res, req, 404, notFound(type, route.name!));
        return this.send(res, req, 200, view(o));
      }
      const body = await readJson(req);
      if (route.namespace && type.namespaced) body.metadata = { ...(body.metadata ?? {}), namespace: route.namespace };
      body.kind ??= type.kind;
      if (verb === 'create') {
        const name = body.metadata?.name;
        if (name && this.store.get(type.kind, route.namespace, name)) {
          return this.send(res, req, 409, status(409, 'AlreadyExists', `${type.resource} "${name}" already exists`));
        }
        return this.send(res, req, 201, view(this.store.put(body)));
      }
      if (verb === 'update') return this.send(res, req, 200, view(this.store.put({ ...body, metadata: { ...body.metadata, name: route.name } })));
      if (verb === 'patch') {
        const cur = this.store.get(type.kind, route.namespace, route.name!);
        if (!cur) return this.send(res, req, 404, notFound(type, route.name!));
        return this.send(res, req, 200, view(this.store.put(mergePatch(cur, body))));
      }
      return this.send(res, req, 405, status(405, 'MethodNotAllowed', `${method} is not supported`));
    } catch (e) {
      if (e instanceof ListError) return this.send(res, req, e.code, status(e.code, e.reason, e.message));
      if (e instanceof SyntaxError) return this.send(res, req, 400, status(400, 'BadRequest', `the request body is not JSON: ${e.message}`));
      throw e;
    }
  }

  /**
   * GET or PATCH {resource}/{name}/status: only `.status` changes. A strategic merge patch
   * (application/strategic-merge-patch+json, as kubectl and node-problem-detector send) merges
   * `status.conditions` by `type`, keeping the others; a merge patch replaces the list.
   */
  private async statusSub(req: IncomingMessage, res: ServerResponse, type: ResourceType, route: Route, verb: string): Promise<void> {
    const cur = this.store.get(type.kind, route.namespace, route.name!);
    if (!cur) return this.send(res, req, 404, notFound(type, route.name!));
    if (verb === 'get') return this.send(res, req, 200, cur);
    const body = await readJson(req);
    const strategic = String(req.headers['content-type'] ?? '').includes('strategic-merge-patch');
    const patch = body.status ?? {};
    let next = mergePatch(cur.status ?? {}, patch);
    if (strategic && Array.isArray(patch.conditions)) {
      const merged = [...(cur.status?.conditions ?? [])];
      for (const c of patch.conditions) {
        const i = merged.findIndex((m: Obj) => m.type === c?.type);
        if (i >= 0) merged[i] = mergePatch(merged[i], c);
        else merged.push(c);
      }
      next = { ...next, conditions: merged };
    }
    return this.send(res, req, 200, this.store.put({ ...cur, status: next }));
  }

  private async proxyTo(req: IncomingMessage, res: ServerResponse, route: Route, url: URL): Promise<void> {
    const [pod, port] = route.name!.split(':');
    if (!this.store.get('Pod', route.namespace, pod)) return this.send(res, req, 404, notFound(RESOURCES.find((r) => r.kind === 'Pod')!, pod));
    if (!this.proxy) return this.send(res, req, 503, status(503, 'ServiceUnavailable', `no endpoints available for pod "${pod}"`));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const out = await this.proxy({
      method: req.method ?? 'GET',
      namespace: route.namespace!,
      pod,
      port,
      path: (route.subPath || '/') + url.search,
      headers: req.headers,
      body: Buffer.concat(chunks),
    });
    this.requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status: out.status });
    res.writeHead(out.status, out.headers ?? {});
    res.end(out.body);
  }

  private async slow(verb: string, resource: string): Promise<void> {
    let ms = 0;
    for (const d of this.delays.values()) if ((!d.verb || d.verb === verb) && (!d.resource || d.resource === resource)) ms = Math.max(ms, d.ms);
    if (ms) await new Promise((r) => setTimeout(r, ms));
  }

  private isForbidden(verb: string, resource: string, ns?: string, name?: string): boolean {
    for (const f of this.forbidden.values()) {
      if (f.resource !== resource) continue;
      if (f.verb && f.verb !== verb) continue;
      if (f.namespace !== undefined && f.namespace !== ns) continue;
      if (f.name !== undefined && f.name !== name) continue;
      return true;
    }
    return false;
  }

  private send(res: ServerResponse, req: IncomingMessage, code: number, body: Obj): void {
    this.requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status: code });
    if (res.destroyed) return; // the client gave up (timeouts)
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function status(code: number, reason: string, message: string): Obj {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function notFound(type: ResourceType, name: string): Obj {
  const s = status(404, 'NotFound', `${type.resource}${type.group ? '.' + type.group : ''} "${name}" not found`);
  s.details = { name, ...(type.group ? { group: type.group } : {}), kind: type.resource };
  return s;
}

/** /api/v1/..., /apis/{group}/{version}/... → what is asked for; undefined for an unknown path. */
function parseRoute(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { discovery: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] } };
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { discovery: groupList() };
    if (parts.length < 3) return undefined;
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  if (rest.length === 0) {
    const rs = RESOURCES.filter((r) => r.group === group && r.version === version);
    if (!rs.length) return undefined;
    return {
      discovery: {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: group ? `${group}/${version}` : version,
        resources: rs.map((r) => ({ name: r.resource, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'] })),
      },
    };
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const type = resourceByPath(group, version, rest[0]);
  if (!type) return undefined;
  if (type.namespaced === false && namespace !== undefined) return undefined;
  const route: Route = { type, namespace, name: rest[1] };
  if (rest.length > 2) {
    route.sub = rest[2];
    route.subPath = '/' + rest.slice(3).join('/') + (path.endsWith('/') && rest.length > 3 ? '/' : '');
    if (route.sub !== 'proxy' || type.kind !== 'Pod' || group !== '') return { type, namespace, name: rest[1], sub: rest[2] };
  }
  return route;
}

function groupList(): Obj {
  const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((gv) => {
      const [name, version] = gv.split('/');
      return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    }),
  };
}

function pathValue(o: Obj, path: string): unknown {
  let v: any = o;
  for (const p of path.split('.')) v = v?.[p];
  return v;
}

/** labelSelector (=, ==, !=, key, !key) and fieldSelector (=, ==, != on dotted paths), comma = AND. */
function selectorMatcher(label: string | null, field: string | null): ((o: Obj) => boolean) | undefined {
  const tests: ((o: Obj) => boolean)[] = [];
  for (const term of (label ?? '').split(',').map((t) => t.trim()).filter(Boolean)) {
    const m = /^([^!=\s]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (m) {
      const [, k, op, v] = m;
      tests.push((o) => (op === '!=' ? o.metadata?.labels?.[k] !== v : o.metadata?.labels?.[k] === v));
    } else if (term.startsWith('!')) tests.push((o) => !(term.slice(1) in (o.metadata?.labels ?? {})));
    else tests.push((o) => term in (o.metadata?.labels ?? {}));
  }
  for (const term of (field ?? '').split(',').map((t) => t.trim()).filter(Boolean)) {
    const m = /^([^!=\s]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (!m) continue;
    const [, k, op, v] = m;
    tests.push((o) => (op === '!=' ? String(pathValue(o, k) ?? '') !== v : String(pathValue(o, k) ?? '') === v));
  }
  return tests.length ? (o) => tests.every((t) => t(o)) : undefined;
}

function mergePatch(target: any, patch: any): any {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Obj = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<Obj> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const v = JSON.parse(text || '{}');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SyntaxError('expected a JSON object');
  return v;
}
