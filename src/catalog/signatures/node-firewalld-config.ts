import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * firewalld's own complaints about its configuration, read from the real firewalld 1.3 (Debian) run with its own
 * dbus-daemon in a network namespace: a zone file it cannot load, a rule firewall-cmd refuses, a rule added to a zone
 * no interface is in. Each leaves the port or interface the cluster needs (6443, 10250, UDP 8472, flannel.1, cni0)
 * outside the rules the admin meant, so the zone's default REJECT (or DROP) still meets that traffic.
 */
export const NODE_FIREWALLD_CONFIG_SIGNATURES: readonly Signature[] = [
  sig({
    id: 'node.firewalld-stock-config-fallback',
    cause: 'node.firewall',
    // firewall/core/fw.py start(): any error while loading /etc/firewalld makes firewalld start the stock zones
    // instead (state FAILED): every port, service, source and interface binding the admin added is gone, so the
    // public zone rejects 6443, 10250 and UDP 8472 again although the files still list them.
    re: /failed to load user configuration\. falling back to full stock configuration/,
    anchors: ['falling back to full stock configuration'],
    confidence: 0.85,
    specificity: 95,
    check: 'firewall-cmd --state prints "failed" in this state; the ERROR line after it in journalctl -u firewalld (or /var/log/firewalld) names the file to fix in /etc/firewalld, then firewall-cmd --reload and firewall-cmd --list-all',
    source: 'firewalld firewall/core/fw.py start() ("Failed to load user configuration. Falling back to full stock configuration.")',
    samples: [
      'ERROR: Failed to load user configuration. Falling back to full stock configuration.',
      'Dec 07 11:46:26 node2 firewalld[712]: ERROR: Failed to load user configuration. Falling back to full stock configuration.',
    ],
    counterSamples: ['Failed to load full stock configuration. This likely indicates a problem with firewalld.'],
  }),
  sig({
    id: 'node.firewalld-zone-file-invalid',
    cause: 'node.firewall',
    // firewall/core/io/zone.py ("not a valid zone file: <xml parser error>") and io_object.py check_tcpudp ("'<proto>'
    // not from {'tcp'|'udp'|'sctp'|'dccp'}", a <port protocol="vxlan"> or --add-port=8472/vxlan): at start the bad
    // file sends firewalld to its stock configuration; from firewall-cmd the port is not opened.
    re: /not a valid (zone|policy|service) file: |invalid_protocol: '[^'\n]*' not from \{'tcp'\|'udp'/,
    anchors: ['zone file: ', 'policy file: ', 'service file: ', "not from {'tcp'|'udp'"],
    confidence: 0.7,
    specificity: 90,
    check: 'firewall-cmd --check-config names the file and element; fix it (port protocols are tcp, udp, sctp or dccp: VXLAN is 8472/udp), then firewall-cmd --reload and firewall-cmd --state (running, not failed)',
    source: 'firewalld firewall/core/io/zone.py ("not a valid zone file: %s"), firewall/core/io/io_object.py check_tcpudp',
    samples: [
      'ERROR: INVALID_ZONE: not a valid zone file: not well-formed (invalid token): line 6, column 2',
      "ERROR: INVALID_PROTOCOL: 'vxlan' not from {'tcp'|'udp'|'sctp'|'dccp'}",
      "Error: INVALID_PROTOCOL: 'vxlan' not from {'tcp'|'udp'|'sctp'|'dccp'}",
    ],
    counterSamples: ['Error: INVALID_PROTOCOL: vxlan', 'zone file loaded'],
  }),
  sig({
    id: 'node.firewall-cmd-change-refused',
    cause: 'node.firewall',
    // firewall-cmd prints "Error: <CODE>: <detail>" (firewalld's log "ERROR: <CODE>: ...") and changes nothing:
    // a misspelt zone, a port without /udp or /tcp, a bad CIDR or rich rule leaves the port closed. The message
    // shows the refused change, not the blocked traffic, hence the modest confidence.
    re: /(?:^|\s)error: (invalid_(zone|port|addr|rule|protocol|policy|service|icmptype|ipset|interface|forward|destination|source|type)|missing_protocol): /,
    anchors: ['error: invalid_', 'error: missing_protocol'],
    confidence: 0.5,
    specificity: 60,
    check: 'firewall-cmd --get-active-zones (the zone that holds the node\'s interface) and firewall-cmd --zone=<it> --list-all: the port the cluster needs (6443/tcp, 10250/tcp, 8472/udp) must be listed there',
    source: 'firewalld firewall/errors.py codes as firewall-cmd prints them ("Error: INVALID_ZONE: pubic", "Error: INVALID_PORT: bad port (most likely missing protocol)…")',
    samples: [
      'Error: INVALID_ZONE: pubic',
      'Error: INVALID_PORT: bad port (most likely missing protocol), correct syntax is portid[-portid]/protocol',
      'Error: INVALID_ADDR: 10.244.0.0/33',
      'Error: INVALID_RULE: unknown element acept',
      'ERROR: INVALID_ZONE: pubic',
    ],
    counterSamples: ['Warning: ALREADY_ENABLED: \'8472:udp\' already in \'public\'', 'Error: NAME_CONFLICT: new_zone(): \'k8s\''],
  }),
  sig({
    id: 'node.firewall-cmd-wrong-zone',
    cause: 'node.firewall',
    // firewall-cmd's hint when a change without --zone goes to the default zone while the node's interfaces sit in
    // another one: the opened port is in a zone no packet enters.
    re: /performing an operation over default zone|your connections\/interfaces are in zone/,
    anchors: ['performing an operation over default zone', 'connections/interfaces are in zone'],
    confidence: 0.6,
    specificity: 90,
    check: 'firewall-cmd --get-active-zones, then repeat the change with --zone=<the zone that holds eth0 / flannel.1 / cni0>',
    source: 'firewall-cmd (print_msg: "You\'re performing an operation over default zone (\'%s\'), but your connections/interfaces are in zone \'%s\'")',
    samples: [
      "You're performing an operation over default zone ('public'),\nbut your connections/interfaces are in zone 'trusted' (see --get-active-zones)\nYou most likely need to use --zone=trusted option.",
      "but your connections/interfaces are in zone 'trusted' (see --get-active-zones)",
    ],
    counterSamples: ["The interface is under control of NetworkManager, setting zone to 'trusted'."],
  }),
];
