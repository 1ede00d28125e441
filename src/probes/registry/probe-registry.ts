/**
 * The registry probe: from a node's point of view, walk what containerd does for one image —
 * dns → tcp → (proxy) → tls → GET /v2/ → auth → HEAD manifest → platform — timing every phase and
 * recording how the failing one failed: what the transport or TLS showed (step, code, alert), or the
 * registry's HTTP answer. Mirrors from hosts.toml are tried in order, then the server, like containerd.
 * What a result means (its cause, a broken mirror) is judged by the rules (src/rules/_registry-verdict.ts).
 */
import type { ProbePhase, RegistryAnswer, RegistryFailure, RegistryProbeResult } from '../../evidence/probes.js';
import { parseImageReference, type ImageReference } from '../../parsers/image-reference.js';
import { authenticate } from './auth-flow.js';
import { dial, notTls, observed, phase, PhaseError, round, speaksPlainHttp, type DialContext, type DialTarget, type ProxyConfig } from './dial.js';
import { ConnPool } from './conn-pool.js';
import { readRuntimeProxy } from './runtime-proxy.js';
import { requireSuccess } from './http-answer.js';
import { resolveRegistryHosts, type HostsResolution, type RegistryHostConfig } from './hosts-config.js';
import { PhaseTimeout, type HttpConnection, type HttpResponse } from './http1.js';
import { NodeResolver } from './node-resolver.js';
import { checkConfig, checkIndex, isIndexType, MANIFEST_ACCEPT, ociArch } from './platform.js';
import { credentialsFor, loadPullCredentials, type PullCredentials, type RegistryCredential } from './pull-credentials.js';

export interface RegistryProbeOptions {
  /** The node's file tree: etc/resolv.conf, etc/hosts, etc/containerd/certs.d. Default "/". */
  hostRoot?: string;
  /** Node name recorded in the results. */
  node?: string;
  /** A dockerconfigjson or Secret JSON file path, or already-parsed credentials. */
  pullSecret?: string | PullCredentials;
  /** Budget per image; every phase ends within it. Default 10 000. */
  timeoutMs?: number;
  /** Images probed at once. Default 8. */
  concurrency?: number;
  /** OCI architecture the node needs (amd64, arm64 …). Default: this machine's. */
  arch?: string;
  /**
   * Proxy settings the runtime uses. Default: containerd's systemd Environment= under hostRoot when
   * it sets a proxy, else HTTPS_PROXY/HTTP_PROXY/NO_PROXY of this process.
   */
  proxy?: ProxyConfig;
  /**
   * Check the node's platform: 'full' fetches an index or, for a single manifest, its config blob;
   * 'index' only looks inside indexes; false skips it. Default 'full' (true means 'full'), except for
   * Docker Hub where a manifest GET counts as a pull against the rate limit: there the default is false.
   */
  checkPlatform?: boolean | 'full' | 'index';
  /** Reuse keep-alive connections, the /v2/ answer and tokens across images of one endpoint. Default true. */
  reuse?: boolean;
  /** Directory of containerd's hosts.toml tree, relative to hostRoot. Default etc/containerd/certs.d. */
  certsDir?: string;
}

/** Probes every image; never throws for registry problems (they become results), only for bad input files. */
export async function probeRegistry(images: string[], opts: RegistryProbeOptions = {}): Promise<RegistryProbeResult[]> {
  const hostRoot = opts.hostRoot ?? '/';
  const resolver = await NodeResolver.forHostRoot(hostRoot);
  const creds = typeof opts.pullSecret === 'string' ? await loadPullCredentials(opts.pullSecret) : opts.pullSecret;
  const hostsCache = new Map<string, Promise<HostsResolution>>();
  const env = process.env;
  const proxy = opts.proxy ?? (await readRuntimeProxy(hostRoot)) ?? { httpsProxy: env.HTTPS_PROXY ?? env.https_proxy, httpProxy: env.HTTP_PROXY ?? env.http_proxy, noProxy: env.NO_PROXY ?? env.no_proxy };
  const pool = new ConnPool();
  const platform = opts.checkPlatform === undefined || opts.checkPlatform === true ? 'full' : opts.checkPlatform;
  const shared: Shared = { resolver, creds, proxy, timeoutMs: opts.timeoutMs ?? 10_000, arch: opts.arch ?? ociArch(), checkPlatform: platform, hubPlatform: opts.checkPlatform === undefined ? false : platform, node: opts.node, pool: opts.reuse === false ? undefined : pool };
  const hostsFor = (ns: string) => {
    let p = hostsCache.get(ns);
    if (!p) hostsCache.set(ns, (p = resolveRegistryHosts(hostRoot, ns, opts.certsDir)));
    return p;
  };
  const results: RegistryProbeResult[] = new Array(images.length);
  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const i = next++;
      results[i] = await probeOne(images[i]!, shared, hostsFor);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, images.length)) }, worker));
  } finally {
    pool.closeAll();
  }
  return results;
}

interface Shared {
  resolver: NodeResolver;
  creds: PullCredentials | undefined;
  proxy: ProxyConfig;
  timeoutMs: number;
  arch: string;
  checkPlatform: false | 'full' | 'index';
  /** the platform mode for Docker Hub images (HEAD is free there, GET is a counted pull) */
  hubPlatform: false | 'full' | 'index';
  node?: string;
  pool?: ConnPool;
}

interface Attempt {
  host: RegistryHostConfig;
  phases: ProbePhase[];
  ok: boolean;
  failure?: RegistryFailure;
  answer?: RegistryAnswer;
  failedPhase?: string;
  error?: string;
  rateLimit?: { limit?: string; remaining?: string };
  digest?: string;
  mediaType?: string;
}

async function probeOne(image: string, s: Shared, hostsFor: (ns: string) => Promise<HostsResolution>): Promise<RegistryProbeResult> {
  const t0 = performance.now();
  const start = Date.now();
  const parsed = parseImageReference(image);
  if (!parsed.ok) {
    return { image, registry: '', node: s.node, phases: [{ name: 'reference', ok: false, ms: 0, error: parsed.error }], ok: false, failedPhase: 'reference', ms: 0 };
  }
  const ref = parsed.ref;
  const cred = credentialsFor(s.creds, ref.domain, ref.path);
  const res = await hostsFor(ref.domain);
  const hosts = res.hosts.filter((h) => h.capabilities.includes(ref.digest ? 'pull' : 'resolve'));
  const attempts: Attempt[] = [];
  const deadline = start + s.timeoutMs;
  for (let i = 0; i < hosts.length; i++) {
    // each host gets an equal share of what is left, like containerd's per-host dial timeout
    const share = Math.floor((deadline - Date.now()) / (hosts.length - i));
    const a = await attemptHost(ref, hosts[i]!, cred, s, Date.now() + Math.max(share, 1));
    attempts.push(a);
    if (a.ok) break;
    // image-level verdicts from the server are final; mirrors fall through to the next host
    if (!hosts[i]!.mirror) break;
  }
  const last = attempts[attempts.length - 1];
  const failedMirrors = attempts.filter((a) => a.host.mirror && !a.ok);
  const result: RegistryProbeResult = {
    image,
    registry: ref.domain,
    node: s.node,
    endpoint: last?.host.url,
    phases: attempts.length > 1 ? attempts.flatMap((a) => a.phases.map((p) => ({ ...p, name: `${a.host.mirror ? 'mirror ' : ''}${a.host.host} ${p.name}` }))) : (last?.phases ?? []),
    ok: !!last?.ok,
    ms: round(performance.now() - t0),
    attempts: attempts.map((a) => ({ endpoint: a.host.url, mirror: a.host.mirror, ok: a.ok, ...(a.failure ? { failure: a.failure } : {}), failedPhase: a.failedPhase, error: a.error, ...(a.answer ? { answer: a.answer } : {}) })),
    credentials: cred ? { key: cred.key } : null,
    hostsFile: res.file,
    rateLimit: last?.rateLimit,
    digest: last?.digest,
    mediaType: last?.mediaType,
  };
  if (!hosts.length) {
    result.failedPhase = 'hosts';
    result.phases = [{ name: 'hosts', ok: false, ms: 0, error: `no host in ${res.file ?? 'hosts.toml'} has the ${ref.digest ? 'pull' : 'resolve'} capability (no resolve hosts: not found)` }];
    return result;
  }
  if (res.problems.length) result.phases.unshift({ name: 'hosts', ok: true, ms: 0, detail: res.problems.join('; ') });
  if (last && !last.ok) result.failedPhase = last.failedPhase;
  // the pull works through the fallback, but every pull first waits on the broken mirror
  else if (last?.ok && failedMirrors.length) result.failedPhase = `mirror ${failedMirrors[0]!.host.host} ${failedMirrors[0]!.failedPhase ?? ''}`.trim();
  return result;
}

async function attemptHost(ref: ImageReference, host: RegistryHostConfig, cred: RegistryCredential | undefined, s: Shared, deadline: number): Promise<Attempt> {
  const a: Attempt = { host, phases: [], ok: false };
  const ctx: DialContext = { resolver: s.resolver, proxy: s.proxy, now: () => Date.now(), phases: a.phases };
  const target: DialTarget = { scheme: host.scheme, host: host.host, skipVerify: host.skipVerify, ca: host.ca };
  let conn: HttpConnection | undefined;
  let poolable = !!s.pool;
  const poolKey = `${host.url}|${host.skipVerify}|${host.ca.length}`;
  try {
    conn = s.pool?.take(poolKey);
    if (conn) ctx.phases.push({ name: 'connect', ok: true, ms: 0, detail: `reused keep-alive connection to ${host.host}` });
    else try {
      conn = await dial(ctx, target, deadline);
    } catch (e) {
      // no TLS came back: containerd retries in plain HTTP where hosts.toml allows it; otherwise
      // the probe looks whether the port speaks HTTP, and records that
      if (e instanceof PhaseError && notTls(e.failure) && host.httpFallback) {
        poolable = false;
        conn = await dial(ctx, { ...target, scheme: 'http' }, deadline);
      } else if (e instanceof PhaseError && notTls(e.failure)) {
        const answersHttp = await speaksPlainHttp(ctx, target, deadline);
        const message = answersHttp ? e.message : e.message.replace('http: server gave HTTP response to HTTPS client', 'TLS handshake failed: the server did not speak TLS');
        throw new PhaseError(e.phase, { ...e.failure!, answersHttp }, message);
      } else throw e;
    }
    const ns = host.mirror ? `?ns=${encodeURIComponent(ref.domain)}` : '';
    const c = conn;
    const req = (name: string, method: string, path: string, headers: Record<string, string>) =>
      phase(
        ctx,
        name,
        () => c.request(method, path, headers, deadline, name),
        (r) => `${method} ${path} → ${r.status}`,
        (e) => new PhaseError(name, observed('request', e), e instanceof PhaseTimeout ? `${method} ${host.url}${path}: request timed out (Client.Timeout exceeded while awaiting headers)` : `${method} ${host.url}${path}: ${e.message}`),
      );
    const base = host.apiRoot;
    const cached = poolable ? s.pool?.v2.get(poolKey) : undefined;
    let v2: HttpResponse;
    if (cached) {
      v2 = cached;
      ctx.phases.push({ name: 'v2', ok: true, ms: 0, detail: `GET ${base}/ → ${cached.status} (answer of an earlier image)` });
    } else {
      v2 = await req('v2', 'GET', `${base}/`, {});
      if (poolable && (v2.status === 200 || v2.status === 401)) s.pool?.v2.set(poolKey, v2);
    }
    a.rateLimit = rateLimitOf(v2);
    requireSuccess(v2, 'v2', !!cred, false);
    let authorization: string | undefined;
    if (v2.status === 401) authorization = await authenticate(ctx, v2, ref, cred, s.pool, host, deadline);
    const manifestPath = `${base}/${ref.path}/manifests/${ref.digest ?? ref.tag ?? 'latest'}${ns}`;
    const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
    if (authorization) headers['Authorization'] = authorization;
    if (c.closed) throw new PhaseError('manifest', { step: 'request', code: 'CLOSED' }, 'registry closed the connection after /v2/');
    const head = await req('manifest', 'HEAD', manifestPath, headers);
    a.rateLimit = rateLimitOf(head) ?? a.rateLimit;
    requireSuccess(head, 'manifest', !!cred, !!authorization);
    a.digest = head.headers['docker-content-digest'];
    a.mediaType = head.headers['content-type'];
    const mode = ref.dockerHub ? s.hubPlatform : s.checkPlatform;
    if (mode && !c.closed) await checkPlatform(ctx, c, ref, a, base, ns, headers, s.arch, deadline, host, mode);
    a.ok = true;
  } catch (e) {
    const pe = e instanceof PhaseError ? e : new PhaseError('probe', { step: 'probe', code: (e as NodeJS.ErrnoException)?.code ?? 'ERROR' }, String((e as Error)?.message ?? e));
    if (pe.failure) a.failure = pe.failure;
    if (pe.answer) a.answer = pe.answer;
    a.failedPhase = pe.phase;
    a.error = pe.message;
    if (!a.phases.some((p) => !p.ok)) a.phases.push({ name: pe.phase, ok: false, ms: 0, error: pe.message });
  } finally {
    // a connection that answered cleanly (the registry said yes or no in HTTP) goes back to the pool; anything odd is closed
    const cleanRefusal = a.failure?.code === 'NO_CREDENTIALS' || a.failure?.code === 'NO_PLATFORM' || (a.answer !== undefined && a.answer.status < 500);
    if (conn && poolable && s.pool && !conn.closed && (a.ok || cleanRefusal)) s.pool.give(poolKey, conn);
    else conn?.close();
  }
  return a;
}

function rateLimitOf(r: HttpResponse): { limit?: string; remaining?: string } | undefined {
  const limit = r.headers['ratelimit-limit'];
  const remaining = r.headers['ratelimit-remaining'];
  return limit || remaining ? { limit, remaining } : undefined;
}

async function checkPlatform(ctx: DialContext, c: HttpConnection, ref: ImageReference, a: Attempt, base: string, ns: string, headers: Record<string, string>, arch: string, deadline: number, host: RegistryHostConfig, mode: 'full' | 'index'): Promise<void> {
  if (mode === 'index' && !isIndexType(a.mediaType)) return;
  const fail = (e: Error) => new PhaseError('platform', observed('platform', e), `${host.url}: ${e.message}`);
  await phase(
    ctx,
    'platform',
    async () => {
      const body = await c.request('GET', `${base}/${ref.path}/manifests/${a.digest ?? ref.digest ?? ref.tag ?? 'latest'}${ns}`, headers, deadline, 'platform');
      requireSuccess(body, 'platform', false, true);
      const ct = body.headers['content-type'] ?? a.mediaType;
      let check;
      if (isIndexType(ct)) check = checkIndex(body.body, arch);
      else {
        let cfgDigest: string | undefined;
        try {
          cfgDigest = JSON.parse(body.body.toString('utf8'))?.config?.digest;
        } catch {
          /* schema1 or garbage: not checked */
        }
        if (!cfgDigest || c.closed) return `single manifest; platform not checked`;
        const blob = await c.request('GET', `${base}/${ref.path}/blobs/${cfgDigest}${ns}`, headers, deadline, 'platform');
        if (blob.status !== 200) return `config blob answered ${blob.status}; platform not checked`;
        check = checkConfig(blob.body, arch);
      }
      if (!check.ok) throw new PhaseError('platform', { step: 'platform', code: 'NO_PLATFORM' }, check.detail);
      return check.detail;
    },
    (d) => d,
    fail,
  );

}
