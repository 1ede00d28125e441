import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flanneld v0.28.9 retries a route it cannot add and then reports every attempt, one per line
 * ("failed to add vxlanRoute (<subnet> -> <gw>): All attempts fail:\n#1: invalid argument\n#2: …"), so the errno no
 * longer sits on the wrapper's line as flannel.add-route-refused reads it. Reproduced against a real kube-apiserver:
 * a node whose podCIDR lay inside the node network (10.0.0.0/24 beside eth0's 10.0.0.1/24), and an old lease address
 * left on flannel.1, made the remote lease's gateway an address of this host; the kernel refuses such a nexthop
 * with EINVAL ("Nexthop has invalid gateway"). Which lease collides with what only the node's addresses tell.
 */
export const FLANNEL_ROUTE_RETRY_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.add-route-refused-retried',
    cause: 'unknown',
    re: /(failed to add (v6 )?vxlanroute|error adding (v6 )?route to)[^\n]{0,200}?: all attempts fail:\s*#1: (invalid argument|file exists)/,
    anchors: ['vxlanroute', 'error adding route to', 'error adding v6 route'],
    confidence: 0.5,
    specificity: 87,
    alternatives: ['flannel.network-mismatch', 'flannel.route-missing', 'flannel.config-invalid'],
    check: 'ip -br addr and ip route on the node, against kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR: "invalid argument" means the kernel refused the nexthop (a lease subnet whose gateway address is already on this host: a podCIDR inside the node network, an old address left on flannel.1); "file exists" means another route already covers that subnet',
    source: 'flannel pkg/backend/vxlan (route add retried, errors joined "All attempts fail:" then "#n: <errno>"); reproduced with flanneld v0.28.9 --kube-subnet-mgr against kube-apiserver v1.36.3, a podCIDR overlapping the node network',
    samples: [
      'E1207 03:47:30.216388     513 vxlan_network.go:383] failed to add vxlanRoute (10.244.1.0/24 -> 10.244.1.0): All attempts fail:\n#1: invalid argument\n#2: invalid argument\n#3: invalid argument',
      'failed to add vxlanRoute (10.0.0.0/24 -> 10.0.0.0): All attempts fail:\n#1: invalid argument\n#2: invalid argument',
    ],
    counterSamples: ['failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): All attempts fail:\n#1: network is unreachable'],
  }),
];
