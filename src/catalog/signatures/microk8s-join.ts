import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * MicroK8s's cluster agent refusing a join: before it admits a node it checks that the joining node's hostname
 * resolves to the address the node connected from. A node whose name is in no DNS and no /etc/hosts (or maps to
 * another address) is refused with HTTP 400; the fix is the name's resolution, on the nodes.
 */
export const MICROK8S_JOIN_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.microk8s-join-hostname-unresolved',
    cause: 'dns.node-resolver',
    re: /hostname \S+ should resolve to \S+, but it did not\. refusing join|the hostname \([^)\n]{1,100}\) of the joining node does not resolve to the ip/,
    anchors: ['but it did not. refusing join', 'of the joining node does not resolve'],
    confidence: 0.85,
    specificity: 95,
    check: 'on the node the join contacts: getent hosts <joining node name> must give the joining node\'s address (add it to /etc/hosts on every node, or to DNS)',
    source: 'canonical/microk8s cluster agent (join check of the joining node\'s hostname against its address; answers 400)',
    samples: [
      'Connection failed. Hostname ml00 should resolve to 192.168.20.10, but it did not. Refusing join. (400).',
      'Connection failed. The hostname (node-b) of the joining node does not resolve to the IP "10.0.0.3". Refusing join (400).',
    ],
    counterSamples: ['Connection failed. Invalid token (500).'],
  }),
];
