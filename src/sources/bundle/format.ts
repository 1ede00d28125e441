/**
 * flannel-doctor's own bundle format (written by `bundle collect`, read by `diagnose --bundle`):
 *
 *   <dir or .tar.gz>/
 *     flannel-doctor-bundle.json   the manifest (below)
 *     evidence.json                one Evidence document (src/evidence/types.ts): cluster projections,
 *                                  node evidence, probes — already redacted: pull secrets are
 *                                  summaries (type, registry hosts, problems), never values
 *     README.md                    what was kept, left out and redacted
 *
 * Because it holds evidence, not raw objects, a newer flannel-doctor re-judges it with newer rules.
 */
export const MANIFEST_FILE = 'flannel-doctor-bundle.json';
export const EVIDENCE_FILE = 'evidence.json';
/** What the bundle holds, what it leaves out and how it was redacted (for whoever receives it). */
export const README_FILE = 'README.md';
export const BUNDLE_FORMAT = 'flannel-doctor-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  tool: { name: 'flannel-doctor'; version: string };
  createdAt: string;
  /** where the evidence came from (kube context name, lab, …) */
  source: string;
  /** evidence schema version inside evidence.json */
  evidenceSchemaVersion: number;
  redacted: true;
  files: string[];
}
