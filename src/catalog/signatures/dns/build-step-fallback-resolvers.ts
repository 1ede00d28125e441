import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A build step (RUN in BuildKit or the classic builder) that cannot reach Google's public resolvers. Both builders
 * copy the host's /etc/resolv.conf into the step's container and drop its loopback nameservers (a local dnsmasq,
 * systemd-resolved's 127.0.0.53 stub) which the step cannot use; when none is left they write 8.8.8.8 and 8.8.4.4
 * instead. On a network that blocks them, or has no route out, every lookup of the step fails, internal names too.
 */
export const BUILD_STEP_FALLBACK_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'build.step-public-resolver-unreachable',
    cause: 'dns.node-resolver',
    // busybox nslookup (the Alpine and busybox base images) names the server it tried: "can't connect to remote host
    // (<ip>): <errno>". 8.8.8.8 or 8.8.4.4 there is the fallback written by the builder, unless the image or the
    // Dockerfile set them on purpose; the fix is the builder host's resolver, not the name looked up.
    re: /nslookup: can't connect to remote host \((8\.8\.8\.8|8\.8\.4\.4)\): (network is unreachable|connection refused|no route to host|connection timed out)/,
    anchors: ["can't connect to remote host (8.8."],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['node.firewall', 'dns.upstream'],
    check: 'the resolv.conf the builder starts from (cat /etc/resolv.conf where buildkitd or dockerd runs): only 127.x or ::1 nameservers makes build steps use 8.8.8.8 and 8.8.4.4 (buildkitd logs "No non-localhost DNS nameservers are left in resolv.conf"); give the builder a reachable resolver (buildkitd.toml [dns] nameservers, daemon.json "dns") or allow the public resolvers through the firewall',
    source: 'busybox networking/nslookup.c ("can\'t connect to remote host (%s)") inside a build step; BuildKit executor/oci/resolvconf.go and moby libnetwork resolvconf (loopback nameservers dropped, 8.8.8.8 and 8.8.4.4 written when none is left)',
    samples: [
      '#5 0.139 nslookup: can\'t connect to remote host (8.8.8.8): Network is unreachable',
      '#5 0.077 nslookup: can\'t connect to remote host (8.8.8.8): Network is unreachable\n#5 ERROR: process "/bin/sh -c nslookup reg.bk" did not complete successfully: exit code: 1',
    ],
    counterSamples: [
      "nslookup: can't connect to remote host (10.96.0.10): Network is unreachable",
      "wget: can't connect to remote host (127.0.0.1): Connection refused",
    ],
  }),
];
