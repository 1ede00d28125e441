/**
 * Writes flannel-doctor's own bundle (./format.ts): evidence.json + the manifest, as a directory or a
 * .tar.gz. Evidence never holds secret values (pull secrets are summaries); as a second guard every
 * string is passed through `redact` (argument lists through `redactArgs`) so a token in a log line,
 * an event message or a container argument does not leave the cluster, and node annotations other than
 * flannel's are left out. README.md in the bundle says what was kept.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as tarCreate } from 'tar';
import { EVIDENCE_SCHEMA_VERSION, type Evidence } from '../../evidence/types.js';
import { VERSION } from '../../version.js';
import { redactArgs } from '../../parsers/redact.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, EVIDENCE_FILE, MANIFEST_FILE, README_FILE, type BundleManifest } from './format.js';

export { redact } from './redact.js';
import { redact } from './redact.js';

/** Node annotations a rule reads (flannel's lease: public IP, backend data, …); the others are left out. */
const KEPT_NODE_ANNOTATIONS = ['flannel.alpha.coreos.com/'];

/** Every string redacted; a list of strings as an argument list (the value after `--db-password`). */
function redactDeep<T>(v: T): T {
  if (typeof v === 'string') return redact(v) as T;
  if (Array.isArray(v)) return (v.every((x) => typeof x === 'string') ? redactArgs(v as string[], '[REDACTED]') : v.map(redactDeep)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redactDeep(x);
    return out as T;
  }
  return v;
}

/** Keeps what the diagnosis needs: node annotations other than flannel's are dropped. */
function minimise(e: Evidence): Evidence {
  if (!e.cluster) return e;
  const nodes = e.cluster.nodes.map((n) => ({ ...n, annotations: Object.fromEntries(Object.entries(n.annotations ?? {}).filter(([k]) => KEPT_NODE_ANNOTATIONS.some((p) => k.startsWith(p)))) }));
  return { ...e, cluster: { ...e.cluster, nodes } };
}

/** What a bundle holds and what it leaves out, written beside the evidence. */
const BUNDLE_README = `# flannel-doctor bundle

Written by \`flannel-doctor bundle collect\`; judge it offline with \`flannel-doctor diagnose --bundle <this>\`.

Kept (evidence.json): the projections the rules read, not raw objects — nodes (addresses, podCIDRs,
conditions, versions, flannel's annotations), pods (phase, conditions, container states with their
messages, images, arguments and commands), events (reason and message), service accounts, pull-secret
summaries, flannel and CoreDNS config maps and workloads, services and endpoints, node evidence (files
the node gathering read, links, routes, iptables, sysctls, raw log lines kept redacted and judged when read) and probe results.

Left out: Secret values (pull secrets are summarised as type, registry hosts and problems), node
annotations other than flannel.alpha.coreos.com/*, everything of an object no rule reads.

Redacted: every string goes through the redactor (credentials in URLs, bearer/basic tokens, PEM private
keys, JWTs, tokens with a known prefix, and values after password/secret/token/key/auth-like names,
including the argument after such a flag); a redacted value reads [REDACTED].
`;

/** Writes the bundle to `out`: a .tar.gz/.tgz file, or else a directory. Returns the manifest. */
export async function writeBundle(evidence: Evidence, out: string, source: string): Promise<BundleManifest> {
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    tool: { name: 'flannel-doctor', version: VERSION },
    createdAt: new Date().toISOString(),
    source,
    evidenceSchemaVersion: evidence.schemaVersion ?? EVIDENCE_SCHEMA_VERSION,
    redacted: true,
    files: [EVIDENCE_FILE, README_FILE],
  };
  const archive = /\.(tar\.gz|tgz)$/i.test(out);
  const dir = archive ? await mkdtemp(join(tmpdir(), 'fd-bundle-out-')) : out;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, EVIDENCE_FILE), JSON.stringify(redactDeep(minimise(evidence))), { mode: 0o600 });
    await writeFile(join(dir, README_FILE), BUNDLE_README, { mode: 0o600 });
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    if (archive) await tarCreate({ gzip: true, file: out, cwd: dir, portable: true }, [MANIFEST_FILE, EVIDENCE_FILE, README_FILE]);
  } finally {
    if (archive) await rm(dir, { recursive: true, force: true });
  }
  return manifest;
}
