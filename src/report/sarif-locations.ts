/**
 * SARIF physical locations: GitHub code scanning drops a result that has none. A finding points at the
 * file its evidence came from: in a bundle directory the file that held its pods (and their events) or
 * its nodes, an archive as a whole, node evidence files for node findings, else the captures; from a live cluster, a
 * `kubernetes/<kind>/…` path that names the object (no file exists, but the result is kept and says where).
 */
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RootCause } from '../findings/finding.js';

export interface EvidenceInputs {
  /** --bundle as given: a directory or an archive */
  bundle?: string;
  /** --node-evidence as given */
  nodeEvidence?: string;
  /** --pcap files (or `pcap FILE…`) as given */
  captures?: string[];
  /** the files of a bundle directory each kind was read from (ClusterEvidence.files) */
  files?: Partial<Record<string, string[]>>;
}

const ARCHIVE = /\.(tar\.gz|tgz|tar)$/i;

/** A path as a SARIF URI: relative paths stay relative (to the working directory), with `/`. */
export function pathUri(p: string): string {
  if (isAbsolute(p)) return pathToFileURL(p).href;
  return p
    .split(/[\\/]+/)
    .filter((s) => s && s !== '.')
    .map(encodeURIComponent)
    .join('/');
}

/** The artifact URIs of one finding, most specific first (at least one). */
export function artifactUris(f: Pick<RootCause, 'nodes' | 'pods' | 'registry'>, inputs: EvidenceInputs = {}): string[] {
  const uris: string[] = [];
  const add = (p: string | undefined) => {
    if (p && !uris.includes(p)) uris.push(p);
  };
  const bundleFiles = (kind: string) => (inputs.bundle && !ARCHIVE.test(inputs.bundle) ? (inputs.files?.[kind] ?? []).map((rel) => pathUri(join(inputs.bundle!, rel))) : []);
  if (f.pods.length || f.registry) for (const k of ['pods', 'events']) bundleFiles(k).forEach(add);
  if (f.nodes.length) {
    if (inputs.nodeEvidence) add(pathUri(inputs.nodeEvidence));
    bundleFiles('nodes').forEach(add);
  }
  if (inputs.bundle) add(pathUri(inputs.bundle));
  // Capture findings name nodes (the tunnel ends) but no pods: a capture speaks for them when nothing else does.
  if (!uris.length) for (const c of inputs.captures ?? []) add(pathUri(c));
  if (!uris.length) {
    const pod = f.pods[0];
    add(pod ? `kubernetes/pods/${pod.split('/').map(encodeURIComponent).join('/')}` : f.nodes[0] ? `kubernetes/nodes/${encodeURIComponent(f.nodes[0])}` : f.registry ? `kubernetes/registries/${encodeURIComponent(f.registry)}` : 'kubernetes/cluster');
  }
  return uris;
}
