import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * CoreDNS start-up texts outside the plugins' own "plugin/<name>: …" refusals: the caddy loader and directive table
 * coremain runs the Corefile through, its command line, and the bind plugin's interface listing that CoreDNS 1.14
 * turned from a refusal into a warning.
 */
export const COREDNS_SETUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-directive-no-action',
    cause: 'dns.coredns-down',
    // caddy's executeDirectives: the Corefile names a directive this build lists (plugin.cfg) but registered no setup
    // for — a plugin named in a custom build's directive order without being compiled in. coremain exits on it.
    re: /no action found for directive '[\w.-]+' with server type 'dns'/,
    anchors: ['no action found for directive'],
    confidence: 0.85,
    specificity: 92,
    check: 'kubectl -n kube-system get configmap coredns -o yaml and the CoreDNS binary\'s plugins (coredns -plugins): drop the directive from the Corefile or run an image built with that plugin',
    source: 'coredns/caddy plugins.go ("no action found for directive \'%s\' with server type \'%s\' (missing a plugin?)")',
    samples: [
      "no action found for directive 'k8s_gateway' with server type 'dns' (missing a plugin?)",
      "[FATAL] no action found for directive 'unbound' with server type 'dns' (missing a plugin?)",
    ],
    counterSamples: ["Corefile:4 - Error during parsing: Unknown directive 'unbound'"],
  }),
  sig({
    id: 'dns.coredns-extra-arguments',
    cause: 'dns.coredns-down',
    // coremain.Run: arguments flag.Parse left over (a flag written with a space after "-dns.port=", an option after a
    // positional word, a container args list split wrong) end the process before the Corefile is read.
    re: /extra command line arguments: \[[^\]\n]{0,300}\]/,
    anchors: ['extra command line arguments'],
    confidence: 0.75,
    specificity: 90,
    check: 'kubectl -n kube-system get deploy coredns -o yaml (or the unit\'s ExecStart): the args after the ones CoreDNS knows (-conf <file>, -dns.port <n>) are what it refused; each flag and its value must parse before any bare word',
    source: 'CoreDNS coremain/run.go ("extra command line arguments: %s", flag.Args())',
    samples: ['extra command line arguments: [-dns.port 1053]', 'coredns[911]: extra command line arguments: [Corefile]'],
    counterSamples: ['flag provided but not defined: -config'],
  }),
  sig({
    id: 'dns.coredns-bind-interfaces-warning',
    cause: 'unknown',
    // CoreDNS 1.14's bind setup warns when Go's interface listing fails (netlink refused in a sandbox, IPv6 off at
    // boot) and goes on: bind lines with addresses still work; one naming an interface fails next with "not a valid
    // IP address or interface name". The warning alone names no outage.
    re: /plugin\/bind: failed to get interfaces list, cannot bind by interface name/,
    anchors: ['cannot bind by interface name'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['dns.coredns-down'],
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns: a later "plugin/bind: not a valid IP address or interface name" (and the pod restarting) means the Corefile\'s bind line names an interface — bind to its address instead; without it CoreDNS serves',
    source: 'CoreDNS v1.14 plugin/bind/setup.go (log.Warning(plugin.Error("bind", "failed to get interfaces list, cannot bind by interface name: %s")))',
    samples: [
      '[WARNING] plugin/bind: failed to get interfaces list, cannot bind by interface name: route ip+net: netlinkrib: permission denied',
      '[WARNING] plugin/bind: failed to get interfaces list, cannot bind by interface name: route ip+net: netlinkrib: address family not supported by protocol',
    ],
    counterSamples: ['plugin/bind: failed to get interfaces list: route ip+net: netlinkrib: permission denied'],
  }),
];
