import type { Signature } from '../../types.js';
import { withoutPull } from '../context.js';
import { sig } from '../define.js';

/**
 * Node resolvers in front of and behind cluster DNS, read from the programs themselves (unbound 1.17, dnsmasq 2.90,
 * CoreDNS 1.14 forward, BIND 9.18 dig/host/nslookup, busybox 1.35 nslookup, Go net) run against faults built in
 * network namespaces: a validating resolver that rejects a zone, a local stub that accepts queries and never answers,
 * a client whose resolver sits on its own address, a local REJECT rule in front of the DNS Service, TCP/53 dropped
 * after a truncated UDP answer.
 */
export const RESOLVER_READING_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.unbound-validation-failure',
    cause: 'unknown',
    // A validating resolver (unbound, here as CoreDNS's upstream or as the node's resolver) rejects the answers of a
    // zone whose signatures are expired, whose DNSKEY matches no trust anchor or DS, or that comes back unsigned where
    // a chain of trust says it must be signed: it answers SERVFAIL, and every client behind it (pods through CoreDNS,
    // the node itself) sees "server misbehaving" / SERVFAIL for names in that zone only. Whose fault that is the line
    // cannot say: the zone's signing, a forwarder that strips DNSSEC (DS got unsigned CNAME), the resolver's trust
    // anchors or its clock — and whether that resolver sits behind CoreDNS or is the node's own.
    re: /validation failure <[^>\n]{1,300}>: |failed to prime trust anchor -- /,
    anchors: ['validation failure <', 'failed to prime trust anchor'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['dns.upstream', 'dns.node-resolver'],
    check: 'on the resolver: the reason after "validation failure <name type class>:" (signature expired, no keys have a DS, no signatures) names the zone at fault; dig +cd <name> @<resolver> answers when validation is the only problem — fix the zone\'s signing (or its DS at the parent) or the resolver\'s trust-anchor / domain-insecure settings, and check the resolver\'s clock',
    source: 'unbound 1.17 validator (val-log-level: 2 "validation failure <%s>: %s from %s for trust anchor %s while building chain of trust"; "failed to prime trust anchor -- DNSKEY rrset is not secure")',
    samples: [
      'unbound[6074:0] info: validation failure <www.signed.lab. A IN>: signature expired from 192.0.2.100 for trust anchor signed.lab. while building chain of trust',
      'unbound[3522:0] info: validation failure <www.signed.lab. AAAA IN>: no keys have a DS with algorithm ECDSAP256SHA256 from 192.0.2.100 for trust anchor signed.lab. while building chain of trust',
      'unbound[6074:0] info: failed to prime trust anchor -- DNSKEY rrset is not secure signed.lab. DNSKEY IN',
    ],
    counterSamples: ['unbound[6074:0] info: generate keytag query _ta-b298.signed.lab. NULL IN'],
  }),
  sig({
    id: 'dns.unbound-forwarders-failed',
    cause: 'dns.upstream',
    // unbound (log-servfail) answering SERVFAIL because none of its forward-addr / stub-addr servers answered: the
    // resolver runs, its own upstreams are down or unreachable from it. Behind CoreDNS it is the upstream that fails
    // (clients time out or get SERVFAIL); as the node's resolver the node's pulls fail the same way.
    re: /\berror: servfail <[^>\n]{1,300}>: all the configured stub or forward servers failed/,
    anchors: ['all the configured stub or forward servers failed'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['dns.node-resolver', 'node.firewall'],
    check: 'from the unbound host: dig @<forward-addr> example.com for each forward-addr/stub-addr in unbound.conf — none answering means those servers or the path to them (firewall, VPN, air gap); fix the forward-zone or let unbound recurse itself',
    source: 'unbound 1.17 (log-servfail: yes; "SERVFAIL <%s>: all the configured stub or forward servers failed, at zone %s")',
    samples: [
      'unbound[13711:0] error: SERVFAIL <registry-1.docker.io. A IN>: all the configured stub or forward servers failed, at zone . upstream server timeout',
      'unbound[13711:0] error: SERVFAIL <registry-1.docker.io. AAAA IN>: all the configured stub or forward servers failed, at zone . upstream server timeout',
    ],
    counterSamples: ['unbound[13711:0] info: start of service (unbound 1.17.1).'],
  }),
  sig({
    id: 'dns.local-stub-timeout',
    cause: 'dns.node-resolver',
    // The node's local stub (systemd-resolved on 127.0.0.53, dnsmasq on 127.0.0.1) takes the query and never answers
    // in time: the stub runs, but the upstreams it forwards to do not answer it (or it is wedged at its forward
    // limit). Not a Service IP and not CoreDNS: the node's own resolver chain is what fails.
    re: /communications error to 127\.0\.0\.(53|1)#53: timed out/,
    anchors: ['communications error to 127.0.0.'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.upstream', 'dns.loop'],
    check: 'on the node: resolvectl status (or the dnsmasq log) for the upstreams the stub forwards to, then dig @<upstream> example.com — an upstream that does not answer from the node is the fault; a stub forwarding back to itself or to CoreDNS is a loop',
    source: 'BIND dig/host/nslookup 9.18 ("communications error to %s#53: timed out") against a dnsmasq stub on 127.0.0.53 whose upstream is unreachable',
    samples: [';; communications error to 127.0.0.53#53: timed out', 'root@node-1:~# host registry.lab\n;; communications error to 127.0.0.53#53: timed out\n;; communications error to 127.0.0.53#53: timed out\n;; no servers could be reached'],
    counterSamples: [';; communications error to 10.96.0.10#53: timed out'],
  }),
  sig({
    id: 'dns.busybox-local-stub-refused',
    cause: 'dns.node-resolver',
    // busybox nslookup (its own resolver, as in Alpine-based images) on a host whose resolv.conf names a local stub
    // that is not listening: the ICMP port unreachable comes back on the write.
    re: /nslookup: write to '127\.0\.0\.(53|1)': connection refused/,
    anchors: ["nslookup: write to '127.0.0."],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['dns.loop'],
    check: 'systemctl status systemd-resolved (or dnsmasq) on that host and cat /etc/resolv.conf: start the stub it names, or point resolv.conf at real upstream servers',
    source: 'busybox 1.35 nslookup ("write to \'%s\'" perror) against 127.0.0.53 with nothing listening',
    samples: ["nslookup: write to '127.0.0.53': Connection refused", "nslookup: write to '127.0.0.53': Connection refused\n;; connection timed out; no servers could be reached"],
    counterSamples: ["nslookup: write to '10.96.0.10': Connection refused"],
  }),
  sig({
    id: 'dns.client-resolver-on-own-address',
    cause: 'dns.node-resolver',
    // A Go client whose resolver is on its own address (lookup … on A:53 with the UDP read from A to A): the host runs
    // the resolver it asks (unbound or dnsmasq bound to the node IP) and that resolver does not answer — it refuses
    // without a question section (unbound access-control refuse, which Go discards), drops the query (deny), or waits
    // on dead forwarders. A forwarder asking itself logs without "lookup … on" (dns.forwarder-self-loop).
    re: /\blookup [^\s:"\\]+ on (\d+\.\d+\.\d+\.\d+):53: read udp \1:\d+->\1:53: i\/o timeout/,
    anchors: [':53: read udp '],
    confidence: 0.6,
    specificity: 96,
    alternatives: ['dns.upstream', 'dns.loop'],
    check: 'on that host: dig @<address> example.com and the resolver\'s log — REFUSED or no answer means its access-control (unbound access-control, dnsmasq listen/interface options) or its forwarders; a resolver forwarding to itself or to CoreDNS is a loop',
    source: 'Go net dnsclient_unix.go exchange timeout; unbound 1.17 access-control refuse/deny and dead forward-addr read from a client on the same host',
    samples: [
      'lookup registry.lab on 192.0.2.1:53: read udp 192.0.2.1:45691->192.0.2.1:53: i/o timeout',
      'Get "http://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.0.2.1:53: read udp 192.0.2.1:34183->192.0.2.1:53: i/o timeout',
    ],
    counterSamples: ['[ERR] dns: recurse failed: read udp 192.168.137.128:42529->192.168.137.128:53: i/o timeout', 'lookup example.com on 10.96.0.10:53: read udp 10.244.1.5:38850->10.96.0.10:53: i/o timeout'],
  }),
  sig({
    id: 'dns.service-ip-write-eperm',
    cause: 'dns.coredns-down',
    // A host-network client (the node, a hostNetwork pod) writing to the cluster DNS address gets EPERM: a netfilter
    // REJECT in OUTPUT refused the packet locally. kube-proxy installs exactly that for a Service with no ready
    // endpoints (KUBE-SERVICES "has no endpoints" -j REJECT), so CoreDNS not Ready is the usual reading; a host
    // firewall rejecting DNS egress reads the same.
    // Beside a pull the resolver is the node's, not the cluster's: left to the registry readings.
    re: withoutPull(/\blookup [^\s:"\\]+ on (?<svcip>(?:10|172|192|100)\.\d+\.\d+\.10):53: write udp \S+->\k<svcip>:53: write: operation not permitted|nslookup: write to '(?:10|172|192|100)\.\d+\.\d+\.10': operation not permitted/),
    anchors: ['operation not permitted'],
    also: ['write'],
    confidence: 0.55,
    specificity: 94,
    alternatives: ['node.firewall', 'dns.service-unreachable'],
    check: 'kubectl -n kube-system get endpointslices -l k8s-app=kube-dns (no ready endpoints: CoreDNS is down) and, on the node, iptables-save | grep -i reject (or nft list ruleset): a REJECT for the DNS Service IP without a kube-proxy "has no endpoints" comment is a host firewall',
    source: 'Go net (write udp … write: operation not permitted) and busybox nslookup with a kube-proxy-style OUTPUT REJECT for 10.96.0.10:53',
    samples: [
      'lookup example.com on 10.96.0.10:53: write udp 192.0.2.1:35699->10.96.0.10:53: write: operation not permitted',
      "nslookup: write to '10.96.0.10': Operation not permitted",
      'lookup kubernetes.default.svc.cluster.local on 10.96.0.10:53: write udp 192.0.2.1:59691->10.96.0.10:53: write: operation not permitted',
    ],
    counterSamples: ["nslookup: write to '10.96.0.10': Connection refused", 'Error response from daemon: Get https://gcr.io/v1/_ping: dial tcp: lookup gcr.io on 10.0.0.10:53: write udp 10.2.0.60:55957->10.0.0.10:53: write: operation not permitted'],
  }),
  sig({
    id: 'dns.tcp-connect-timeout',
    cause: 'node.firewall',
    // BIND's tools fall back to TCP when a UDP answer comes back truncated (big answers, DNSSEC, many A records) or
    // with +tcp; "Connection to … failed: timed out" is the TCP/53 connect that never completed. UDP/53 works and
    // TCP/53 is dropped on the path (a firewall, security group or NetworkPolicy allowing only UDP) — a dead server
    // or Service IP would fail the UDP query first.
    re: /;; connection to \S+#53\(\S+\) for \S+ failed: timed out/,
    anchors: [';; connection to '],
    confidence: 0.55,
    specificity: 90,
    alternatives: ['dns.service-unreachable', 'dns.coredns-down'],
    check: 'dig +notcp <name> @<server> (UDP) against dig +tcp <name> @<server>: UDP answering and TCP timing out means TCP/53 is dropped — allow TCP 53 next to UDP 53 in the host firewall, security group or NetworkPolicy',
    source: 'BIND 9.18 dig/host/nslookup (";; Connection to %s(%s) for %s failed: %s."; ";; Truncated, retrying in TCP mode.") with TCP/53 to the DNS server dropped',
    samples: [
      ';; Connection to 10.96.0.10#53(10.96.0.10) for big.example.com failed: timed out.',
      ';; Truncated, retrying in TCP mode.\n;; Connection to 10.96.0.10#53(10.96.0.10) for big.example.com failed: timed out.\n;; no servers could be reached',
    ],
    counterSamples: [';; Truncated, retrying in TCP mode.', ';; communications error to 10.96.0.10#53: timed out'],
  }),
  sig({
    id: 'dns.client-formerr',
    cause: 'dns.upstream',
    // The DNS server a client asked answers FORMERR for an ordinary query. A forwarder (CoreDNS, node-local DNS)
    // makes that answer when what came back from its upstream did not parse as a reply to the query: an upstream
    // refusing it with an empty question section (unbound access-control refuse), a TCP/EDNS reply mangled on the
    // path. The client's own query was fine; the hop behind the server it asked is at fault.
    re: /server can't find \S+: formerr|\bnot found: 1\(formerr\)|opcode: query, status: formerr\b/,
    anchors: [': formerr', '(formerr)'],
    confidence: 0.5,
    specificity: 88,
    alternatives: ['node.firewall', 'dns.node-resolver'],
    check: 'ask the upstream the cluster DNS forwards to, from the CoreDNS node: dig @<upstream> <name> — REFUSED there is its access-control (allow the pod or node network in unbound/BIND/dnsmasq); an answer there and FORMERR through CoreDNS points at the forward options (force_tcp, EDNS) or a middlebox on the path',
    source: 'BIND 9.18 host/nslookup/dig and busybox nslookup reading a FORMERR from CoreDNS 1.14 whose upstream unbound answered REFUSED under access-control refuse',
    samples: ['Host example.com not found: 1(FORMERR)', "** server can't find example.com: FORMERR", ';; ->>HEADER<<- opcode: QUERY, status: FORMERR, id: 5391'],
    counterSamples: ["** server can't find example.com: SERVFAIL"],
  }),
  sig({
    id: 'dns.client-refused-answer',
    cause: 'unknown',
    // A resolver answered REFUSED: it will not serve this client or this name. Who refuses and why the line cannot say —
    // an access-control list (unbound access-control refuse, BIND allow-query/allow-recursion, CoreDNS acl), dnsmasq at
    // its --dns-forward-max (queries piling up behind a slow upstream or circling in a loop), a server that is only
    // authoritative for other zones.
    re: /server can't find \S+: refused|\bnot found: 5\(refused\)|opcode: query, status: refused\b/,
    anchors: [': refused', '(refused)'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['dns.node-resolver', 'dns.upstream', 'dns.loop'],
    check: 'find the server that refused (the Server: line, or resolv.conf) and read its config and log: unbound access-control / BIND allow-recursion for the client\'s network, CoreDNS acl, dnsmasq "Maximum number of concurrent DNS queries reached" (a slow upstream or a forwarding loop)',
    source: 'BIND 9.18 host/nslookup/dig and busybox nslookup against unbound access-control refuse, dnsmasq 2.90 at --dns-forward-max, CoreDNS 1.14 acl',
    samples: ['Host registry.lab not found: 5(REFUSED)', "** server can't find registry.lab: REFUSED", ';; ->>HEADER<<- opcode: QUERY, status: REFUSED, id: 57689'],
    counterSamples: [';; communications error to 10.96.0.10#53: connection refused'],
  }),
];
