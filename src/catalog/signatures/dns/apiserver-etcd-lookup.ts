import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kube-apiserver resolving the names in its --etcd-servers. It runs on the host network (a static pod or a host
 * service), so the lookup is the control-plane host's own resolver (/etc/resolv.conf and /etc/hosts), never the
 * cluster DNS. etcd's gRPC client logs every failed dial as "addrConn.createTransport failed to connect to
 * {Addr: …}" with the resolver's answer inside. Read from kube-apiserver v1.36.3 started with --etcd-servers names
 * that the host's resolver answers with NXDOMAIN or SERVFAIL.
 */
export const APISERVER_ETCD_LOOKUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.apiserver-lookup-etcd-name',
    cause: 'dns.node-resolver',
    // The name in --etcd-servers does not resolve on the control-plane host: the host's resolver is down or
    // misconfigured (server misbehaving, i/o timeout, refused), or it works and the name is in neither DNS nor
    // /etc/hosts (no such host: a typo, or a record never made). Not below 0.9 for any other cause: no pod, no
    // CoreDNS and no registry takes part; the check tells a missing record from a broken resolver.
    re: /createtransport failed to connect to \{addr: \\?"[^"\\\s]+:2379\\?"[^\n]{0,300}?lookup \S+ on \S+: (no such host|server misbehaving|read udp \S+: (i\/o timeout|read: connection refused)|dial udp \S+: )/,
    anchors: [':2379'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['dns.upstream'],
    check: 'on the control-plane host: getent hosts <etcd name> (what the API server resolves, through /etc/hosts and /etc/resolv.conf) and resolvectl query <etcd name> or dig @<nameserver> <etcd name> — a name missing everywhere is a record or /etc/hosts line to add (or put the etcd address in --etcd-servers), a nameserver that does not answer is the host resolver to fix',
    source: 'kube-apiserver storage backend (etcd client v3, gRPC "addrConn.createTransport failed to connect to {Addr: …}") with Go\'s resolver errors',
    samples: [
      'W1207 03:34:06.442943    1823 logging.go:55] [core] [Channel #1 SubChannel #3] grpc: addrConn.createTransport failed to connect to {Addr: "etcd.nowhere.internal:2379", ServerName: "etcd.nowhere.internal:2379", }. Err: connection error: desc = "transport: Error while dialing: dial tcp: lookup etcd.nowhere.internal on 127.0.0.53:53: no such host"',
      'W1207 03:34:05.604186    1824 logging.go:55] [core] [Channel #1 SubChannel #3] grpc: addrConn.createTransport failed to connect to {Addr: "etcd-1:2379", ServerName: "etcd-1:2379", }. Err: connection error: desc = "transport: Error while dialing: dial tcp: lookup etcd-1 on 127.0.0.53:53: server misbehaving"',
    ],
    counterSamples: [
      'W1207 03:34:05.593649    1824 logging.go:55] [core] [Channel #4 SubChannel #5] grpc: addrConn.createTransport failed to connect to {Addr: "etcd-1:2379", ServerName: "etcd-1:2379", }. Err: connection error: desc = "transport: Error while dialing: dial tcp: lookup etcd-1: operation was canceled"',
      'W1207 03:08:33.747065      61 logging.go:55] [core] [Channel #79 SubChannel #82] grpc: addrConn.createTransport failed to connect to {Addr: "127.0.0.1:2379", ServerName: "127.0.0.1:2379", }. Err: connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:2379: connect: connection refused"',
    ],
  }),
];
