import type { Evidence } from '../evidence/types.js';
import type { NodeEvidence } from '../evidence/node.js';

/** Which of `needs` the evidence lacks (for a node-scoped rule, `node` is the node judged). */
export function missingNeeds(needs: readonly string[], evidence: Evidence, node?: NodeEvidence): string[] {
  return needs.filter((need) => !hasNeed(need, evidence, node));
}

function hasNeed(need: string, evidence: Evidence, node?: NodeEvidence): boolean {
  const dot = need.indexOf('.');
  const area = dot < 0 ? need : need.slice(0, dot);
  const key = dot < 0 ? '' : need.slice(dot + 1);
  switch (area) {
    case 'cluster':
      return !!evidence.cluster && (key === '' || evidence.cluster.read.includes(key));
    case 'node':
      return !!node && (key === '' || node.gathered.includes(key));
    case 'probes':
      return !!evidence.probes && (key === '' || evidence.probes.ran.includes(key));
    case 'messages':
      return evidence.messages.length > 0;
    default:
      return false;
  }
}

/** A hint telling how to provide missing evidence. */
export function needHint(needs: string[]): string | undefined {
  if (needs.some((n) => n.startsWith('node'))) {
    return 'node evidence: `flannel-doctor node -o json` on each node, the agent (deploy/), or --lab';
  }
  if (needs.includes('probes.pcap')) return 'a packet capture: `tcpdump -i <underlay> -w x.pcap`, then `flannel-doctor diagnose --pcap x.pcap`';
  if (needs.includes('probes.bandwidth')) return 'bandwidth: `flannel-doctor probe bandwidth -o json > bw.json` (iperf3 between the nodes and their pods), then `flannel-doctor diagnose --bandwidth bw.json`';
  if (needs.some((n) => n.startsWith('probes'))) return 'probes: `flannel-doctor probe registry|dns|mesh` on a node, the agent (deploy/), or --lab';
  if (needs.some((n) => n.startsWith('cluster'))) return 'cluster objects: grant read access (deploy/manifests/10-rbac.yaml) or add them to the bundle';
  return undefined;
}
