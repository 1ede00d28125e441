import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flannel's early vxlan backend (before v0.7's static routes) answered the kernel's L3 misses on flannel.1 itself:
 * for each miss it looked the destination up in the subnet leases it had watched, and logged "Route for <ip> not
 * found" (or "L3 miss but route for <ip> not found") when no lease holds that address. Traffic then goes nowhere:
 * the destination's node has no lease (replaced, its lease expired) or the pod's address lies outside every lease
 * (a docker bridge or cni0 addressed from another range).
 */
export const FLANNEL_VXLAN_L3_MISS_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.vxlan-l3-miss-no-lease',
    cause: 'flannel.route-missing',
    re: /l3 miss but route for \S+ not found|l3 miss: \S+[\s\S]{0,300}?\broute for \S+ not found/,
    anchors: ['l3 miss'],
    also: ['not found'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['cni.bridge-ip-conflict'],
    check: 'etcdctl ls /coreos.com/network/subnets (or kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR): a lease must hold the address of the miss; if none does, the pod behind it is addressed outside its node\'s lease (ip addr show docker0 / cni0 against /run/flannel/subnet.env) or its node lost its lease',
    source: 'flannel vxlan backend (pre-v0.7): handleL3Miss, "L3 miss: %v" then "Route for %v not found"',
    samples: [
      'I1129 04:00:59.447507 01378 network.go:225] L3 miss: 10.2.86.2\nI1129 04:00:59.447584 01378 network.go:229] Route for 10.2.86.2 not found',
      'flanneld-start[15205]: I1229 13:41:12.913005   15205 network.go:243] L3 miss but route for 192.168.47.7 not found',
    ],
    counterSamples: ['I1129 04:00:59.447507 01378 network.go:225] L3 miss: 10.2.86.2\nI1129 04:00:59.447584 01378 network.go:236] AddL3 succeeded'],
  }),
];
