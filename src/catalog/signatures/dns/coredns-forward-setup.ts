import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The forward plugin refusing its targets at CoreDNS start (the process exits, the pod crash-loops), read by where
 * the targets came from. Real runs of CoreDNS 1.14.7 with `forward . /etc/resolv.conf` over an empty file and with
 * a target that is not an address.
 */
export const COREDNS_FORWARD_SETUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-forward-no-upstreams',
    cause: 'dns.node-resolver',
    // forward found no address among its targets. The default Corefile's target is /etc/resolv.conf, which in the
    // CoreDNS pod is the node's resolv.conf (dnsPolicy Default, the kubelet's resolvConf): a file without a
    // nameserver line leaves forward empty and CoreDNS does not start. A Corefile whose own list is unusable says
    // the same, hence below 0.9.
    re: /plugin\/forward: no valid upstream addresses found/,
    anchors: ['no valid upstream addresses found'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['dns.coredns-down'],
    check: 'on the node of the CoreDNS pod: cat the file the kubelet\'s resolvConf names (grep resolvConf /var/lib/kubelet/config.yaml) — it needs nameserver lines with real upstream addresses; if the Corefile forwards to a list of its own (kubectl -n kube-system get cm coredns -o yaml), fix that list',
    source: 'CoreDNS 1.14.7 plugin/forward setup ("no valid upstream addresses found"); real run: forward . /etc/resolv.conf with an empty resolv.conf',
    samples: ['plugin/forward: no valid upstream addresses found', 'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined\nplugin/forward: no valid upstream addresses found'],
    counterSamples: ['plugin/forward: failed to resolve "dns.corp": lookup dns.corp: no such host'],
  }),
  sig({
    id: 'dns.coredns-forward-target-unresolved',
    cause: 'dns.coredns-down',
    // A forward target that is not an IP is looked up as a host name at setup; when that fails (a mistyped address
    // such as 10.0.0.300, or a host name the node's resolver cannot answer) the plugin's setup fails and CoreDNS exits.
    re: /plugin\/forward: failed to resolve "[^"\n]+": lookup [^\s"]+(?: on [\w.:\[\]]+)?: /,
    anchors: ['plugin/forward: failed to resolve "'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['dns.node-resolver'],
    check: 'kubectl -n kube-system get cm coredns -o yaml: the forward line must list IP addresses (or tls:// with tls_servername); a host name there is resolved by the node\'s resolver at start — replace it with the server\'s address',
    source: 'CoreDNS 1.14.7 plugin/forward setup (host name targets resolved at parse time); real runs with forward . 10.0.0.300 and forward . dns.corp.internal',
    samples: ['plugin/forward: failed to resolve "10.0.0.300": lookup 10.0.0.300: no such host', 'plugin/forward: failed to resolve "dns.corp.internal": lookup dns.corp.internal on 10.0.0.98:53: read udp 10.0.0.98:46293->10.0.0.98:53: read: connection refused'],
    counterSamples: ['plugin/forward: no valid upstream addresses found'],
  }),
];
