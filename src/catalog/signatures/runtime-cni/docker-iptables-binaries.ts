import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * dockerd that runs but cannot find the iptables or ip6tables program when a network needs rules: read from
 * dockerd 28.5.2 started with a PATH without them (issue 13). At daemon start the same lack stops dockerd
 * (runtime.dockerd-iptables-init-failed); later, with --iptables=false but --ip6tables on, or for a network created
 * after the binary went away, it fails one network at a time.
 */
export const DOCKER_IPTABLES_BINARY_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.network-iptables-binary-missing',
    cause: 'runtime.unavailable',
    // libnetwork's iptables package looks the program up in dockerd's PATH once and answers "iptables not found"
    // (or "ip6tables not found") for every rule after that: the host lacks the package, or dockerd's unit runs with
    // a PATH that does not hold /usr/sbin. Containers on that network get no NAT or isolation rules, so the bridge
    // driver refuses the network.
    re: /(unable to enable nat rule|failed to setup ip tables)[^\n]{0,200}?\(?(ip6?tables) not found\)?/,
    anchors: ['iptables not found'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['node.firewall'],
    check: 'command -v iptables ip6tables as dockerd sees it (systemctl show docker -p Environment; tr \'\\0\' \'\\n\' < /proc/$(pidof dockerd)/environ | grep PATH): install the iptables package or give dockerd a PATH with /usr/sbin; the dockerd log has "failed to find iptables" at start',
    source: 'moby libnetwork iptables (ErrIptablesNotFound "iptables not found"), bridge driver setupIPTables ("Failed to Setup IP tables: %s", "Unable to enable NAT rule: %v")',
    samples: [
      'Error response from daemon: Failed to Setup IP tables: Unable to enable NAT rule:  (iptables not found)',
      'level=error msg="Handler for POST /v1.50/networks/create returned error: Failed to Setup IP tables: Unable to enable NAT rule:  (iptables not found)"',
    ],
    counterSamples: [
      'level=warning msg="failed to find iptables" error="exec: \\"iptables\\": executable file not found in $PATH"',
    ],
  }),
];
