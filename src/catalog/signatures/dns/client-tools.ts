import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What the other DNS clients an operator reaches for print (kdig of knot-dnsutils, drill of ldnsutils, BIND's dig
 * and busybox's nslookup on IPv6 loopback) when the resolver they read from /etc/resolv.conf is missing or not
 * listening. Read in real runs (knot 3.2.6, ldns 1.8.3, BIND 9.18, busybox 1.35) in a network namespace of their own.
 */
export const CLIENT_TOOL_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.kdig-local-stub-no-answer',
    cause: 'dns.node-resolver',
    // kdig reports an ICMP port-unreachable on its UDP query as a timeout ("response timeout for <server>@53(UDP)",
    // then "failed to query server"), so a stopped local stub reads like a silent one. 127.0.0.53 is
    // systemd-resolved's stub; 127.0.0.1 and ::1 are what resolv.conf names for dnsmasq or a local CoreDNS, and what
    // every resolver library falls back to when /etc/resolv.conf is empty or missing. Either way the resolver the
    // node reads is not there; a local CoreDNS that exited on a detected loop leaves the same silence.
    re: /;; (?:warning: response timeout for|error: failed to query server) (?:127\.0\.0\.(?:53|1)|::1)@53\((?:udp|tcp)\)/,
    anchors: ['@53('],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.loop'],
    check: 'cat /etc/resolv.conf on the machine that ran kdig: an empty or missing file makes every resolver fall back to 127.0.0.1/::1; a 127.0.0.53 line needs systemd-resolved running (systemctl status systemd-resolved), a 127.0.0.1 line dnsmasq or a local CoreDNS (its log ending in "plugin/loop: Loop … detected" is dns.loop)',
    source: 'knot-dnsutils kdig 3.2.6 ("WARNING: response timeout for %s@%s(%s)", "ERROR: failed to query server %s@%s(%s)"); real runs with nameserver 127.0.0.53 unserved and an empty/missing resolv.conf',
    samples: [
      ';; WARNING: response timeout for 127.0.0.53@53(UDP)\n;; WARNING: response timeout for 127.0.0.53@53(UDP)\n;; WARNING: response timeout for 127.0.0.53@53(UDP)\n;; ERROR: failed to query server 127.0.0.53@53(UDP)',
      ';; WARNING: response timeout for ::1@53(UDP)\n;; WARNING: response timeout for ::1@53(UDP)\n;; WARNING: response timeout for ::1@53(UDP)\n;; ERROR: failed to query server ::1@53(UDP)\n;; WARNING: response timeout for 127.0.0.1@53(UDP)\n;; WARNING: response timeout for 127.0.0.1@53(UDP)\n;; WARNING: response timeout for 127.0.0.1@53(UDP)\n;; ERROR: failed to query server 127.0.0.1@53(UDP)',
      ';; ERROR: failed to query server ::1@53(UDP)',
    ],
    counterSamples: [';; WARNING: response timeout for 10.96.0.10@53(UDP)', ';; ERROR: failed to query server 10.0.0.5@53(UDP)'],
  }),
  sig({
    id: 'dns.loopback-resolver-refused',
    cause: 'dns.node-resolver',
    // BIND's dig on IPv6 loopback, and busybox nslookup's UDP send to a loopback address, refused: resolv.conf names
    // a local resolver that is not running, or it has no nameserver at all (empty or missing), and glibc, BIND and
    // Go all fall back to 127.0.0.1 and ::1. (dig's own 127.0.0.x refusal is dns.local-stub-refused.)
    re: /communications error to ::1#53: connection refused|nslookup: write to '(?:127\.0\.0\.1|::1)': connection refused/,
    anchors: ['communications error to ::1#53', 'nslookup: write to \''],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.loop'],
    check: 'cat /etc/resolv.conf where the lookup ran: no nameserver line means the fallback to loopback — add the upstream servers (on a node, the file the kubelet\'s resolvConf names); a 127.0.0.1 line needs the local resolver (dnsmasq, a local CoreDNS) running, and a CoreDNS that logged "plugin/loop: Loop … detected" exited on a loop',
    source: 'BIND 9.18 dig ("communications error to %s#53: connection refused"); busybox 1.35 nslookup ("write to \'%s\'"); glibc/Go resolv.conf defaults (127.0.0.1, ::1); real runs with an empty and a missing /etc/resolv.conf',
    samples: [
      ';; communications error to ::1#53: connection refused\n;; communications error to ::1#53: connection refused\n;; communications error to ::1#53: connection refused\n;; communications error to 127.0.0.1#53: connection refused\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> example.com\n;; global options: +cmd\n;; no servers could be reached',
      "nslookup: write to '127.0.0.1': Connection refused\n;; connection timed out; no servers could be reached",
    ],
    counterSamples: ["nslookup: write to '10.96.0.10': Connection refused", ';; communications error to 10.0.0.4#53: connection refused'],
  }),
  sig({
    id: 'dns.drill-no-nameservers',
    cause: 'dns.node-resolver',
    // ldns builds its resolver from /etc/resolv.conf: "No (valid) nameservers defined in the resolver" is a file with
    // no nameserver line, "Could not open the files" a missing file. The machine has no resolver configured.
    re: /error sending query: no \(valid\) nameservers defined in the resolver|could not create a resolver structure: could not open the files/,
    anchors: ['nameservers defined in the resolver', 'could not create a resolver structure'],
    confidence: 0.85,
    specificity: 92,
    check: 'cat /etc/resolv.conf (ls -l it: a dangling symlink to /run/systemd/resolve/stub-resolv.conf reads as missing): give it nameserver lines, or start the service that writes it',
    source: 'ldns 1.8.3 drill (LDNS_STATUS_RES_NO_NS "No (valid) nameservers defined in the resolver"; "Could not create a resolver structure"); real runs with an empty and a missing /etc/resolv.conf',
    samples: [
      'Error: error sending query: No (valid) nameservers defined in the resolver',
      'Warning: Could not create a resolver structure: Could not open the files ((null))\nTry drill @localhost if you have a resolver running on your machine.',
    ],
    counterSamples: ['Error: error sending query: Could not send or receive, because of network error'],
  }),
  sig({
    id: 'dns.host-servfail-cluster-zone',
    cause: 'dns.coredns-down',
    // BIND's host for a Service name: the cluster zone is answered by the kubernetes plugin, so SERVFAIL there is the
    // plugin unsynced with the API (the same reading as dns.nslookup-servfail-cluster-zone, host's wording). A Corefile
    // that forwards the zone upstream answers the same.
    re: /host [\w.-]+\.svc\.cluster\.local\.? not found: 2\(servfail\)/,
    anchors: ['not found: 2(servfail)'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns: "starting server with unsynced Kubernetes API" or "Failed to watch" means the kubernetes plugin cannot reach the API; kubectl -n kube-system get cm coredns -o yaml shows whether the Corefile has the kubernetes plugin for that zone',
    source: 'BIND 9.18 host ("Host %s not found: %d(%s)"); CoreDNS 1.14.7 kubernetes plugin started unsynced (endpoint on a closed port), real run',
    samples: ['Host web.default.svc.cluster.local not found: 2(SERVFAIL)', 'Host kubernetes.default.svc.cluster.local not found: 2(SERVFAIL)'],
    counterSamples: ['Host web.default.svc.cluster.local not found: 3(NXDOMAIN)', 'Host example.com not found: 2(SERVFAIL)'],
  }),
  sig({
    id: 'dns.coredns-forwards-to-cluster-dns',
    cause: 'dns.loop',
    // CoreDNS out of sockets while dialling a cluster-DNS-shaped address (x.y.z.10:53): it forwards to itself — its
    // forward target (or the node resolv.conf it forwards to) is the kube-dns Service. Without the loop plugin each
    // query comes back as a new one until the process runs out of file descriptors. (A plain read timeout towards
    // an x.y.z.10 upstream is an upstream's, often a router on .10, and stays with dns.upstream.)
    re: /plugin\/errors: \d+ [^\s]+ [a-z0-9]+: dial udp (?:10|172|192|100)\.\d+\.\d+\.10:53: socket: too many open files/,
    anchors: ['plugin/errors: '],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system get cm coredns -o yaml: a forward target that is the kube-dns Service IP, or forward . /etc/resolv.conf with the node\'s resolv.conf naming that IP, loops; point forward at real upstream servers and keep the loop plugin in the Corefile',
    source: 'CoreDNS 1.14.7 forward/errors plugins, real run with forward . <its own Service IP> and no loop plugin ("dial udp …: socket: too many open files")',
    samples: [
      '[ERROR] plugin/errors: 2 example.com. A: dial udp 10.96.0.10:53: socket: too many open files',
      '[ERROR] plugin/errors: 2 . NS: dial udp 10.96.0.10:53: socket: too many open files',
    ],
    counterSamples: ['[ERROR] plugin/errors: 2 example.com. A: read udp 10.0.0.2:43480->10.0.0.99:53: i/o timeout', '[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.0.4:50000->192.168.1.10:53: i/o timeout'],
  }),
  sig({
    id: 'dns.kdig-drill-node-servfail',
    cause: 'dns.upstream',
    // SERVFAIL in the words of kdig ("status: SERVFAIL;"), drill ("rcode: SERVFAIL,") and Node's dns.resolve*
    // ("queryA ESERVFAIL <name>"): the server reached could not get an answer — for CoreDNS, its forward failed. The
    // same reading as dns.nslookup-servfail (dig's, nslookup's and host's words), at the same confidence.
    re: /->>header<<- opcode: query; status: servfail;|->>header<<- opcode: query, rcode: servfail,|\bquery(?:a|aaaa|any|cname|mx|ns|ptr|srv|txt) eservfail\b/,
    anchors: ['status: servfail;', 'rcode: servfail,', ' eservfail'],
    confidence: 0.6,
    specificity: 86,
    alternatives: ['dns.loop', 'dns.coredns-down', 'dns.search-ndots'],
    check: 'kubectl -n kube-system logs deploy/coredns | grep -i error: the upstream error behind the SERVFAIL (a read timeout or refusal from the forward target); a name inside cluster.local answered SERVFAIL is the kubernetes plugin unsynced instead',
    source: 'knot-dnsutils kdig 3.2.6 and ldns drill 1.8.3 headers; Node.js dns (c-ares ESERVFAIL); real runs: CoreDNS 1.14.7 forwarding to a dead, a refusing and a SERVFAIL-answering upstream',
    samples: [
      ';; ->>HEADER<<- opcode: QUERY; status: SERVFAIL; id: 52486',
      ';; ->>HEADER<<- opcode: QUERY, rcode: SERVFAIL, id: 18479',
      'Error: queryA ESERVFAIL example.com',
    ],
    counterSamples: [';; ->>HEADER<<- opcode: QUERY; status: NXDOMAIN; id: 43048', 'Error: queryA ENOTFOUND api'],
  }),
  sig({
    id: 'dns.go-lookup-tcp-refused',
    cause: 'unknown',
    // Go's resolver asks over TCP only after a truncated UDP answer (or with options use-vc): "dial tcp <server>:53:
    // connect: connection refused" after a lookup says the server answered over UDP and refused TCP. The DNS server
    // is up; its TCP side is not reachable — a Service without the TCP 53 port, a NetworkPolicy or firewall that lets
    // only UDP through, a server that listens on UDP only. No cause of the list names that.
    re: /lookup [^\s:"\\]+ on ([\d.]+):53: dial tcp \1:53: connect: connection refused/,
    anchors: [':53: dial tcp '],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['dns.service-unreachable', 'node.firewall', 'dns.coredns-down'],
    check: 'dig +tcp @<server> <name> against dig +notcp: only TCP failing means the TCP path — kubectl -n kube-system get svc kube-dns -o yaml must list the dns-tcp port 53/TCP, NetworkPolicies must allow TCP 53 to CoreDNS, and a node firewall must pass it',
    source: 'Go net dnsclient_unix.go (TCP after a truncated UDP reply); real run: CoreDNS 1.14.7 answering truncated over UDP with TCP 53 rejected (tcp-reset)',
    samples: [
      'lookup big.example.com on 10.96.0.10:53: dial tcp 10.96.0.10:53: connect: connection refused',
      'Get "http://big.example.com:8080/healthz": dial tcp: lookup big.example.com on 10.96.0.10:53: dial tcp 10.96.0.10:53: connect: connection refused',
    ],
    counterSamples: ['lookup example.com on 10.96.0.10:53: read udp 10.244.1.5:34572->10.96.0.10:53: read: connection refused'],
  }),
];
