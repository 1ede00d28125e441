import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Members of a clustered application finding each other (etcd's peer URLs, HashiCorp memberlist's gossip): the
 * lookup or the dial is the application's own, to a peer that may not exist yet, so it names no cause by itself.
 */
export const CLUSTER_PEER_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.etcd-peer-url-unresolved',
    cause: 'unknown',
    // etcd resolves every --initial-cluster peer URL before it starts (netutil.resolveTCPAddrs). Run as a StatefulSet,
    // a peer's name under the headless Service exists only once that pod is Ready, unless the Service publishes
    // not-ready addresses: the same words come from a peer not started yet, cluster DNS down, or a node resolver
    // (etcd on the host network) that does not know the names.
    re: /failed to resolve url host|etcdmain: failed to resolve \S+ to match --initial-cluster/,
    anchors: ['failed to resolve url host', 'to match --initial-cluster'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable', 'dns.node-resolver'],
    check: 'kubectl get endpoints <headless-service> -o wide (a peer not Ready is not published unless spec.publishNotReadyAddresses: true), then from a pod: nslookup <peer>.<headless-service>; on the host network, getent hosts <peer> on the node',
    source: 'etcd client/pkg/netutil (resolveTCPAddrs: "failed to resolve URL Host"), server/etcdmain',
    samples: [
      '{"level":"warn","caller":"netutil/netutil.go:121","msg":"failed to resolve URL Host","url":"http://etcd-2.etcd-headless.default.svc.cluster.local:2380","host":"etcd-2.etcd-headless.default.svc.cluster.local:2380","retry-interval":"1s","error":"lookup etcd-2.etcd-headless.default.svc.cluster.local on 10.149.0.2:53: server misbehaving"}',
      '2020-02-09 08:22:39.988125 C | etcdmain: failed to resolve http://etcd-2.etcd:2380 to match --initial-cluster=etcd-2=http://etcd-2.etcd:2380 (failed to resolve "http://etcd-2.etcd:2380" (i/o timeout))',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/etcd:3.5"'],
  }),
  sig({
    id: 'dns.memberlist-push-pull-failed',
    cause: 'unknown',
    // memberlist's periodic full-state sync with one member. A member gone or restarted, a port closed between hosts,
    // or an address only reachable inside one host's container network all read the same.
    re: /memberlist: push\/pull with \S+ failed: /,
    anchors: ['memberlist: push/pull with'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['node.firewall', 'flannel.vxlan-blocked'],
    check: 'is the address the member advertises reachable from here? nc -vz <address> <gossip port> from the other member (TCP and UDP; 7946, 8301, 4648): a container bridge address (172.17.x) is not, a closed port is the firewall',
    source: 'hashicorp/memberlist state.go (pushPull: "Push/Pull with %s failed: %s")',
    samples: [
      '2016/04/20 12:20:58 [ERR] memberlist: Push/Pull with node2 failed: dial tcp 172.17.0.5:8301: i/o timeout',
      '[ERR] memberlist: Push/Pull with dev-05.global failed: dial tcp 10.1.38.66:4648: connection refused',
    ],
    counterSamples: ['[debug] memberlist: failed to join 192.168.100.61: dial tcp 192.168.100.61:7946: i/o timeout'],
  }),
];
