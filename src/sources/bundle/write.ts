/**
 * Writes flannel-doctor's own bundle (./format.ts): evidence.json + the manifest, as a directory or a
 * .tar.gz. Evidence never holds secret values (pull secrets are summaries); as a second guard every
 * string is passed through `redact` so a token in a log line or config value does not leave the cluster.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as tarCreate } from 'tar';
import { EVIDENCE_SCHEMA_VERSION, type Evidence } from '../../evidence/types.js';
import { VERSION } from '../../version.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, EVIDENCE_FILE, MANIFEST_FILE, type BundleManifest } from './format.js';

export { redact } from './redact.js';
import { redact } from './redact.js';

function redactDeep<T>(v: T): T {
  if (typeof v === 'string') return redact(v) as T;
  if (Array.isArray(v)) return v.map(redactDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redactDeep(x);
    return out as T;
  }
  return v;
}

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
    files: [EVIDENCE_FILE],
  };
  const archive = /\.(tar\.gz|tgz)$/i.test(out);
  const dir = archive ? await mkdtemp(join(tmpdir(), 'fd-bundle-out-')) : out;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, EVIDENCE_FILE), JSON.stringify(redactDeep(evidence)), { mode: 0o600 });
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    if (archive) await tarCreate({ gzip: true, file: out, cwd: dir, portable: true }, [MANIFEST_FILE, EVIDENCE_FILE]);
  } finally {
    if (archive) await rm(dir, { recursive: true, force: true });
  }
  return manifest;
}
