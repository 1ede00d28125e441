import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Tools that scan registries for new tags on the cluster's behalf (Flux v1's image warmer and its successors, Keel,
 * Argo CD Image Updater): what they log when a tag they listed has no manifest behind it (issue 13).
 */
export const REGISTRY_SCANNER_SIGNATURES: Signature[] = [
  sig({
    id: 'image.flux-warmer-manifest-missing',
    cause: 'image.not-found',
    // Flux v1's warmer lists a repository's tags, then fetches each tag's manifest; a tag listed without a manifest
    // (deleted, or pushed only partly) is logged as missing, and an automated workload pinned to it cannot pull.
    re: /manifest for tag \S+ missing in repository \S+/,
    anchors: ['missing in repository'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.auth-rejected'],
    check: 'the tag in the registry (crane manifest <repo>:<tag>, or the registry\'s UI): a tag listed but without a manifest was deleted or half pushed; an auth scope that lists tags but may not read manifests reads the same',
    source: 'fluxcd/flux registry/cache/warming.go ("manifest for tag %s missing in repository %s")',
    samples: [
      'caller=repocachemanager.go:223 component=warmer canonical_name=index.docker.io/grafana/promtail auth={map[]} warn="manifest for tag master-fc6c5c0 missing in repository grafana/promtail"',
      'component=warmer warn="manifest for tag v1.2.3 missing in repository acme/app"',
    ],
    counterSamples: ['component=warmer info="refreshing image" image=acme/app tag_count=12 to_update=0'],
  }),
];
