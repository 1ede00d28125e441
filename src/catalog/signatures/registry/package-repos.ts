import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A node's package manager failing to connect to its repository while the node is set up (apt and dnf fetching
 * kubeadm, kubelet, containerd or Docker's packages). The path out of the node is the one image pulls take, and
 * the corpus reads it as the node's egress timing out; a name that does not resolve stays with the lookup readings.
 */
export const PACKAGE_REPO_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.package-repo-connect-timeout',
    cause: 'registry.connect-timeout',
    // apt's acquire methods: "Could not connect to <host>:<port> (<address>), connection timed out" (one line per
    // address it tried); dnf and yum through libcurl: "Curl error (28): Timeout was reached for <url>".
    re: /could not connect to [\w.-]+:\d+ \([^)\n]{1,60}\),? connection timed out|curl error \(28\): timeout was reached for /,
    anchors: ['connection timed out', 'timeout was reached for'],
    confidence: 0.6,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'from the node: nc -vz -w5 <repository host> 443 and env | grep -i proxy (and /etc/apt/apt.conf.d/*proxy* or proxy= in /etc/dnf/dnf.conf) — a timeout with no proxy set is a firewall or a route out of the node; a site that reaches the internet only through a proxy needs it set for the package manager too',
    source: 'apt methods/connect.cc ("Could not connect to %s:%s (%s), connection timed out"); libdnf/librepo through libcurl ("Curl error (28): Timeout was reached for %s")',
    samples: [
      'Err:5 https://packages.cloud.google.com/apt kubernetes-xenial InRelease\n  Could not connect to packages.cloud.google.com:443 (142.250.1.100), connection timed out',
      'W: Failed to fetch https://download.docker.com/linux/ubuntu/dists/jammy/InRelease  Could not connect to download.docker.com:443 (18.165.83.71), connection timed out',
      'Errors during downloading metadata for repository \'kubernetes\':\n  - Curl error (28): Timeout was reached for https://pkgs.k8s.io/core:/stable:/v1.30/rpm/repodata/repomd.xml [Connection timed out after 30000 milliseconds]',
    ],
    counterSamples: [
      "Err:1 http://deb.debian.org/debian bookworm InRelease Temporary failure resolving 'deb.debian.org'",
      'Could not connect to packages.cloud.google.com:443 (142.250.1.100). - connect (111: Connection refused)',
    ],
  }),
];
