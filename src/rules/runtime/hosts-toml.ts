import type { RegistryHostConfig } from '../../evidence/node.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../node/_log-evidence.js';

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
            fix: [`Fix or remove [host."${host.url}"] in ${h.file} (hosts.toml edits need no containerd restart)`, ...(h.capabilities && !h.capabilities.includes('pull') ? [`Let the registry itself serve pulls as a fallback: capabilities = ["pull", "resolve", "push"] at the top of ${h.file}`] : [])],
          });
          break;
        }
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
