import type { FixStepSource } from '../../catalog/fix-types.js';
import { shq } from '../../fix/shell.js';
import type { PodInfo } from '../../evidence/cluster.js';
import type { RegistryHostConfig } from '../../evidence/node.js';
import { recreatePod } from '../image/_pull-secret-fix.js';
import { defineRule, type NodeContext } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** A namespace directory name containerd can match (facts §5.2). */
function namespaceProblem(ns: string): string | undefined {
  if (ns === '_default') return undefined;
  if (ns.includes('://')) return `"${ns}" contains a URL scheme; the directory must be named after the host only (e.g. ${ns.replace(/^\w+:\/\//, '').replace(/\/.*$/, '')})`;
  if (ns.includes('/')) return `"${ns}" contains a path; the directory must be named after host[:port]`;
  if (/_\d+$/.test(ns)) return `"${ns}" looks like host_port without the trailing underscore (containerd looks for ${ns}_ or ${ns.replace(/_(\d+)$/, ':$1')})`;
  if (ns === 'registry-1.docker.io' || ns === 'index.docker.io') return `"${ns}" is never looked up: images from Docker Hub use the namespace "docker.io"`;
  return undefined;
}

/** Retrying the pull of a pod now (its controller makes it anew) once hosts.toml is fixed by hand; waiting for the back-off does the same. */
function retry(pod: string | undefined): FixStepSource {
  const [namespace, name] = pod?.includes('/') ? pod.split('/', 2) : [undefined, pod];
  if (!namespace || !name) return 'Then retry: delete the pod (or wait for the back-off)';
  return { step: 'pod.delete', data: { namespace: shq(namespace), pod: shq(name) }, text: 'Then retry (or wait for the back-off)', manual: 'follows the hosts.toml change above, made by hand' };
}

/** A URL that goes into a command as it is: scheme, host[:port], a plain path. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;
const PLAIN_FILE = /^\/[A-Za-z0-9_.:/-]+$/;
const pulls = (caps: string[] | undefined) => !caps || caps.includes('pull');

/**
 * The exact repair of a hosts.toml whose mirror fails: its [host] table removed (the rest of the file
 * kept); when no other host may then serve pulls, a [host] table letting the registry itself serve
 * them (with the root TLS settings, which apply to `server` only); then the failing pods retried.
 * Undefined when a value cannot go into a command as it is (the text advice stays).
 */
function dropMirror(h: RegistryHostConfig, url: string, node: string, pods: readonly string[], cluster: readonly Readonly<PodInfo>[]): FixStepSource[] | undefined {
  if (h.namespace === '_default' || !PLAIN_URL.test(url) || !PLAIN_FILE.test(h.file)) return undefined;
  const data = { node, file: shq(h.file) };
  const steps: FixStepSource[] = [
    { step: 'containerd.hosts-drop-host', data: { ...data, hostUrl: url }, text: 'On {node}: remove the failing mirror [host."{hostUrl}"] from {file}, the rest of the file kept (containerd reads it on the next pull)' },
  ];
  const rest = h.hosts.filter((x) => x.url !== url);
  if (!rest.some((x) => pulls(x.capabilities))) {
    const server = h.server ?? `https://${h.namespace === 'docker.io' ? 'registry-1.docker.io' : h.namespace}`;
    if (!PLAIN_URL.test(server) || rest.some((x) => x.url === server)) return undefined;
    const lines = [`[host.${JSON.stringify(server)}]`, '  capabilities = ["pull", "resolve"]'];
    if (h.ca?.length) lines.push(`  ca = ${JSON.stringify(h.ca)}`);
    if (h.skipVerify !== undefined) lines.push(`  skip_verify = ${h.skipVerify}`);
    const why = pulls(h.capabilities) ? 'no [host] table would be left, and containerd 1.6 rejects such a file' : `the root capabilities = ${JSON.stringify(h.capabilities)} keep the registry from serving pulls`;
    steps.push({
      step: 'containerd.hosts-add-host',
      data: { ...data, hostUrl: server, header: shq(lines[0]), toml: lines.map(shq).join(' ') },
      text: `On {node}: let the registry itself ({hostUrl}) serve pulls, in a [host] table of {file} (${why})`,
    });
  }
  const byRef = new Map(cluster.map((p) => [`${p.namespace}/${p.name}`, p]));
  for (const ref of pods.slice(0, 10)) {
    const p = byRef.get(ref);
    if (p) steps.push(recreatePod(p, 'to retry the pull now (or wait for the back-off)'));
  }
  steps.push(`Or, to keep pulling through the mirror, fix ${url} (it must answer GET /v2/ from the node) and put its [host] table back.`);
  return steps;
}

export default defineRule({
  id: 'runtime/hosts-toml',
  layer: 'runtime',
  description:
    'Every containerd hosts.toml must parse, sit in a directory named after the registry host, and list mirrors that can serve pulls (an http(s) URL without a duplicated /v2 and with the pull capability).',
  causes: ['registry.mirror-misconfigured'],
  scope: 'node',
  needs: ['node.registryHosts'],
  severity: 'error',
  messages: {
    unparsable: 'node {node}: {file} is invalid: {problem}',
    namespace: 'node {node}: {file} is never used: {problem}',
    v2path: 'node {node}: {file} mirror {url} ends in /v2 without override_path; containerd requests {url}/v2/…',
    noPull: 'node {node}: {file} mirror {url} lacks the "pull" capability and is never used for pulls',
    probeFailed: 'node {node}: mirror {url} from {file} failed its probe ({phase}: {error}); {outcome}',
    pullsFail: 'node {node}: pulls through mirror {url} from {file} fail ({cause}) for {count} pod{plural}{noFallback}',
  },
  docs: 'containerd tries the [host."…"] entries in file order, then `server` (facts §5.2). A host entry whose URL already contains /v2 needs override_path = true. Capabilities decide what a host is used for; a mirror without "pull" is skipped.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'registry.mirror-misconfigured');
    for (const h of node.registryHosts) {
      const where = `node ${node.name}: ${h.file}`;
      const data = { node: node.name, file: h.file };
      const registry = h.namespace === '_default' ? undefined : h.namespace;
      const nsProblem = namespaceProblem(h.namespace);
      if (nsProblem) {
        report({ messageId: 'namespace', severity: 'warning', data: { ...data, problem: nsProblem }, evidence: [{ where, what: `directory ${h.namespace}` }], fix: [`Rename the directory: mv ${h.file.replace(/\/hosts\.toml$/, '')} <certs.d>/<registry host[:port]>`] });
        continue;
      }
      if (h.problems.length) {
        const p = h.problems[0];
        report({
          messageId: 'unparsable',
          registry,
          data: { ...data, problem: `${p.message}${p.line ? ` (line ${p.line})` : ''}${p.field ? ` (${p.field})` : ''}` },
          evidence: h.problems.slice(0, 4).map((q) => ({ where: `${where}${q.line ? `:${q.line}` : ''}`, what: q.message })),
          fix: [`Fix ${h.file}; a minimal mirror config:\n  server = "https://${h.namespace === 'docker.io' ? 'registry-1.docker.io' : h.namespace}"\n  [host."https://<mirror>"]\n    capabilities = ["pull", "resolve"]`],
        });
        continue;
      }
      for (const e of judgeHosts(h)) report({ messageId: e.messageId, severity: e.severity, fix: e.fix, registry, data: { ...data, url: e.url }, evidence: [{ where, what: e.what }] });
      const failures = mirrorFailures(ctx, h);
      // Probe results from this node through this hosts.toml, when probes ran: a mirror that failed
      // is an error when the pull failed with it, a warning when a later host saved the pull.
      for (const r of evidence.probes?.registry ?? []) {
        if (r.node && r.node !== node.name) continue;
        const tried = r.attempts ?? (r.endpoint && !r.ok ? [{ endpoint: r.endpoint, mirror: true, ok: false, failedPhase: r.failedPhase, error: r.phases.find((p) => !p.ok)?.error }] : []);
        for (const a of tried) {
          if (a.ok || !a.mirror) continue;
          const host = h.hosts.find((x) => hostOf(x.url) && hostOf(x.url) === hostOf(a.endpoint));
          if (!host) continue;
          report({
            messageId: 'probeFailed',
            severity: r.ok ? 'warning' : 'error',
            registry: r.registry || undefined,
            data: { ...data, url: host.url, phase: a.failedPhase ?? r.failedPhase ?? '?', error: a.error ?? 'failed', outcome: r.ok ? 'the pull fell back to the next host after it' : 'no other host served the pull' },
            evidence: [{ where, what: `[host."${host.url}"] capabilities = ${JSON.stringify(host.capabilities ?? ['pull', 'resolve', 'push'])}${h.capabilities ? `; server ${h.server ?? h.namespace} capabilities = ${JSON.stringify(h.capabilities)}` : ''}` }, { where: `probe registry ${r.registry} (${r.image}) from ${node.name}`, what: `${a.endpoint}: ${a.failedPhase ?? '?'}: ${a.error ?? 'failed'}` }],
            fix: (!r.ok ? dropMirror(h, host.url, node.name, failures.find((m) => m.url === host.url)?.pods ?? [], evidence.cluster?.pods ?? []) : undefined) ?? [
              `Fix or remove [host."${host.url}"] in ${h.file} (hosts.toml edits need no containerd restart)`,
              ...(h.capabilities && !h.capabilities.includes('pull') ? [`Let the registry itself serve pulls as a fallback: capabilities = ["pull", "resolve", "push"] at the top of ${h.file}`] : []),
            ],
          });
          break;
        }
      }
      for (const m of failures) {
        report({
          messageId: 'pullsFail',
          registry,
          pods: m.pods,
          alternatives: [m.cause],
          data: { ...data, url: m.url, cause: m.cause, count: m.pods.length, plural: m.pods.length === 1 ? '' : 's', noFallback: h.capabilities && !h.capabilities.includes('pull') ? '; the registry itself is not allowed to serve pulls, so there is no fallback' : '' },
          evidence: [
            { where, what: `[host."${m.url}"]${h.capabilities ? `; top-level capabilities = ${JSON.stringify(h.capabilities)}` : ''}` },
            ...m.texts.slice(0, 2).map((t) => ({ where: t.where, what: t.text.length > 400 ? `${t.text.slice(0, 397)}…` : t.text })),
          ],
          fix: dropMirror(h, m.url, node.name, m.pods, evidence.cluster?.pods ?? []) ?? [
            `Fix the mirror URL in ${h.file} or remove [host."${m.url}"] (hosts.toml edits need no containerd restart)`,
            ...(h.capabilities && !h.capabilities.includes('pull') ? [`Or let the registry serve pulls again: capabilities = ["pull", "resolve", "push"] at the top of ${h.file}`] : []),
            retry(m.pods[0]),
          ],
        });
      }
    }
  },
});

function judgeHosts(h: RegistryHostConfig): { messageId: 'v2path' | 'noPull'; severity: 'error' | 'warning'; url: string; what: string; fix: string[] }[] {
  const out: ReturnType<typeof judgeHosts> = [];
  for (const x of h.hosts) {
    let path = '';
    try {
      path = new URL(x.url).pathname.replace(/\/+$/, '');
    } catch {
      continue; // the parser reports malformed keys as problems
    }
    if (/\/v2$/.test(path) && !x.overridePath) {
      out.push({ messageId: 'v2path', severity: 'error', url: x.url, what: `[host."${x.url}"] without override_path`, fix: [`In ${h.file}: use [host."${x.url.replace(/\/v2\/?$/, '')}"], or keep the URL and add override_path = true under it`] });
    }
    if (x.capabilities && !x.capabilities.includes('pull')) {
      out.push({ messageId: 'noPull', severity: 'warning', url: x.url, what: `[host."${x.url}"] capabilities = ${JSON.stringify(x.capabilities)}`, fix: [`In ${h.file}: capabilities = ["pull", "resolve"] under [host."${x.url}"] (["pull"] only for an untrusted public mirror)`] });
    }
  }
  return out;
}

/** Pull errors that failed at the mirror: connectivity, TLS, DNS and 5xx, not image-level answers. */
const MIRROR_FAULTS = new Set([
  'registry.connection-refused', 'registry.connect-timeout', 'registry.dns', 'registry.tls-handshake-timeout', 'registry.tls-untrusted',
  'registry.tls-name-mismatch', 'registry.tls-expired-or-clock', 'registry.http-to-https', 'registry.server-error',
]);

/** The host of the URL a containerd pull error names (Head/Get "<url>"). */
const URL_IN_ERROR = /\b(?:Head|Get|GET|HEAD)\s+"(https?:\/\/[^"/\s]+)[^"]*"/;

/**
 * Pod pull errors on this node whose failing request went to one of this hosts.toml's mirrors.
 * Reads pod statuses, events and free messages of the cluster evidence when present.
 */
function mirrorFailures(ctx: NodeContext<string>, h: RegistryHostConfig): { url: string; cause: string; pods: string[]; texts: { where: string; text: string }[] }[] {
  const { evidence, node } = ctx;
  const cluster = evidence.cluster;
  const texts: { where: string; text: string; pod?: string }[] = [];
  const onNode = new Set<string>();
  for (const p of cluster?.pods ?? []) {
    if (p.nodeName !== node.name) continue;
    const ref = `${p.namespace}/${p.name}`;
    onNode.add(ref);
    for (const st of p.statuses) for (const t of [st.message, st.lastTerminationMessage]) if (t) texts.push({ where: `pod ${ref} container ${st.name}`, text: t, pod: ref });
  }
  for (const e of cluster?.events ?? []) {
    const ref = e.involved.name ? `${e.involved.namespace ?? e.namespace}/${e.involved.name}` : undefined;
    if (e.message && ref && (onNode.has(ref) || e.host === node.name)) texts.push({ where: `event ${ref}`, text: e.message, pod: ref });
  }
  for (const m of evidence.messages) if (m.node === node.name) texts.push({ where: m.where, text: m.text, pod: m.pod });
  const out = new Map<string, { url: string; cause: string; pods: string[]; texts: { where: string; text: string }[] }>();
  for (const t of texts) {
    const hostInError = URL_IN_ERROR.exec(t.text)?.[1];
    if (!hostInError) continue;
    // A [host] entry naming the registry itself is not a mirror: failures there are the registry's.
    const self = new Set([h.namespace, h.server ? hostOf(h.server) : undefined].filter(Boolean));
    const mirror = h.hosts.find((x) => hostOf(x.url) === hostOf(hostInError) && !self.has(hostOf(x.url)));
    if (!mirror) continue;
    const cause = ctx.classify(t.text).cause;
    if (!MIRROR_FAULTS.has(cause)) continue;
    const entry = out.get(mirror.url) ?? { url: mirror.url, cause, pods: [], texts: [] };
    if (t.pod && !entry.pods.includes(t.pod)) entry.pods.push(t.pod);
    entry.texts.push(t);
    out.set(mirror.url, entry);
  }
  return [...out.values()];
}
