import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * DNS servers that forward (AdGuard Home's dnsproxy, Blocky, Pi-hole's FTL, PowerDNS Recursor, Consul's recursors,
 * dnsmasq): their own words for an upstream that did not answer. Like CoreDNS's forward errors, the server that logs
 * it is up; what failed is the server it asked.
 */
export const FORWARDER_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.forwarder-self-loop',
    cause: 'dns.loop',
    // A forwarder whose upstream is its own address asks itself: the query comes back to the same socket until it
    // times out. The source and destination address of the read are the same (loopback excepted, where a local stub
    // legitimately listens).
    re: /read udp (?!127\.)(\d+\.\d+\.\d+\.\d+):\d+->\1:53: i\/o timeout/,
    anchors: ['read udp'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['dns.upstream'],
    check: 'the forwarder\'s upstream list (Consul recursors, dnsmasq server=, CoreDNS forward, a resolv.conf it reads): an entry equal to the forwarder\'s own address sends its queries back to itself; point it at a resolver beyond it',
    source: 'Go net: a UDP exchange timing out whose local and remote addresses are the same host',
    samples: [
      '[ERR] dns: recurse failed: read udp 192.168.137.128:42529->192.168.137.128:53: i/o timeout',
      '[ERROR] plugin/errors: 2 example.com. A: read udp 10.0.0.4:40000->10.0.0.4:53: i/o timeout',
    ],
    counterSamples: ['recurse failed: read udp 10.35.65.105:46622->10.35.65.103:53: i/o timeout', 'read udp 127.0.0.1:59476->127.0.0.1:53: i/o timeout'],
    subject: {
      title: 'A DNS forwarder forwards to itself',
      explanation: 'The forwarder\'s upstream list holds its own address, so every query it forwards comes back to it and circles until it times out; names it does not serve itself never resolve.',
      fix: ['Remove the forwarder\'s own address from its upstream list (Consul recursors, dnsmasq server=, CoreDNS forward, or the resolv.conf it reads) and point it at a resolver beyond it.'],
      verify: ['dig @<forwarder-address> example.com'],
    },
  }),
  sig({
    id: 'dns.forwarder-upstream-failed',
    cause: 'dns.upstream',
    re: /dnsproxy: upstream \S+ failed to exchange|can't resolve request via upstream server|error resolving from \S+, possible error: |\bdns: recurse failed: |\brecurse failed: read udp |no response from upstream dns server|cannot receive udp dns reply/,
    anchors: ['failed to exchange', 'via upstream server', 'possible error: ', 'recurse failed: ', 'no response from upstream dns server', 'cannot receive udp dns reply'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.firewall', 'dns.node-resolver'],
    check: 'the upstream the forwarder names, from the forwarder\'s host or container: dig @<upstream> example.com — no answer there is the upstream or the path to it (a firewall, a container network that cannot reach the host\'s loopback); an answer means the forwarder\'s own settings (its upstream address or port)',
    source: 'AdGuard dnsproxy, Blocky, Pi-hole FTL, PowerDNS Recursor and Consul DNS upstream errors',
    samples: [
      '[error] dnsproxy: upstream 127.0.0.1:5337 failed to exchange ;example.com. IN A in 500µs: exchanging with 127.0.0.1:5337 over udp: read udp 127.0.0.1:38316->127.0.0.1:5337: read: connection refused',
      "ERROR server: error on processing request:upstream 'tcp+udp:192.168.88.1': can't resolve request via upstream server tcp+udp:192.168.88.1 (192.168.88.1:53): read udp 172.19.0.2:41734->192.168.88.1:53: i/o timeout",
      'error resolving from 127.0.0.1, possible error: Connection refused',
      'ERROR: Cannot receive UDP DNS reply: Timeout - no response from upstream DNS server',
      '[ERR] dns: recurse failed: read udp 10.0.0.5:46622->10.0.0.3:53: i/o timeout',
    ],
    counterSamples: ['[INFO] dnsproxy: upstream 1.1.1.1:53 answered in 12ms'],
    subject: {
      title: 'A DNS forwarder cannot reach its upstream',
      explanation: 'A DNS server that forwards (AdGuard Home, Blocky, Pi-hole, PowerDNS Recursor, Consul, dnsmasq) sent a query on to its upstream and got no usable answer: the upstream is down, unreachable from where the forwarder runs (a firewall, a container network that cannot reach the host\'s loopback), or set at a wrong address or port. Everything that resolves through this forwarder, pods and nodes, sees lookups fail or time out.',
      fix: [
        'Ask the upstream the log names from the forwarder\'s own host or container: dig +time=2 +tries=1 -p <port> @<upstream> example.com.',
        'Point the forwarder at a resolver that answers from there (its upstream DNS settings, dnsmasq server=, Consul recursors, PowerDNS forward-zones); a forwarder in a container reaches the host\'s loopback only with host networking.',
        'Where the path is blocked, allow UDP and TCP port 53 from the forwarder to its upstream in the firewall between them.',
      ],
      verify: ['dig @<forwarder-address> example.com'],
    },
  }),
  sig({
    id: 'dns.upstream-reply-malformed',
    cause: 'unknown',
    // miekg/dns (CoreDNS, and Go DNS servers built on it) could not unpack the reply its upstream sent: fewer bytes
    // than a DNS header. The upstream (or a middlebox between, rewriting or cutting replies) answers with garbage;
    // CoreDNS itself is up. Which side cuts the reply the text does not say: the corpus holds threads settled as the
    // upstream's and others left open (a CoreDNS build reading large SRV answers), so it names the upstream as a candidate.
    re: /dns: overflowing header size/,
    anchors: ['overflowing header size'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['dns.upstream'],
    check: 'ask the upstream directly from the node for the failing name and type (dig @<upstream> <name> AAAA): a malformed or empty reply there is the upstream\'s (or a firewall\'s DNS inspection); the CoreDNS forward targets are in its Corefile',
    source: 'miekg/dns Msg.Unpack (ErrShortRead wrapped as "dns: overflowing header size")',
    samples: ['[ERROR] plugin/errors: 2 login.example.com. A: dns: overflowing header size', 'plugin/errors: 2 api.corp.example. AAAA: dns: overflowing header size'],
    counterSamples: ['[ERROR] plugin/errors: 2 login.example.com. A: read udp 10.244.0.5:41234->10.0.0.2:53: i/o timeout'],
  }),
];
