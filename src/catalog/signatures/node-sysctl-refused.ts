import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * A node-level sysctl that the process setting it may not write: procps' sysctl answering "permission denied on key"
 * for the forwarding or bridge-netfilter keys. The writer runs in a container or a user namespace that does not own
 * the setting (a Proxmox or LXC container, an unprivileged pod, a rootless runtime), so the value stays what the
 * namespace started with — forwarding off, bridged traffic past iptables (issue 13).
 */
export const NODE_SYSCTL_REFUSED_SIGNATURES: Signature[] = [
  sig({
    id: 'node.sysctl-forwarding-refused',
    cause: 'node.ip-forward',
    re: /permission denied on key \\?["']?net\.ipv(4\.ip_forward|4\.conf\.all\.forwarding|6\.conf\.all\.forwarding)/,
    anchors: ['permission denied on key'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'cat /proc/sys/net/ipv4/ip_forward where the workload runs: inside a container the setting belongs to the host or to the container\'s own network namespace — set it on the host (or in the container\'s configuration) rather than from inside',
    source: 'procps sysctl ("permission denied on key \'%s\'", quoted with double quotes in procps-ng 4)',
    samples: ['sysctl: permission denied on key "net.ipv4.ip_forward"', "sysctl: permission denied on key 'net.ipv4.ip_forward', ignoring"],
    counterSamples: ['sysctl: permission denied on key "vm.max_map_count"'],
  }),
  sig({
    id: 'node.sysctl-bridge-nf-refused',
    cause: 'node.br-netfilter',
    re: /permission denied on key \\?["']?net\.bridge\.bridge-nf-call-ip6?tables/,
    anchors: ['permission denied on key'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'lsmod | grep br_netfilter and cat /proc/sys/net/bridge/bridge-nf-call-iptables on the host: the module and the setting are the host kernel\'s; load and set them there, not from inside a container',
    source: 'procps sysctl ("permission denied on key \'%s\'")',
    samples: ['sysctl: permission denied on key "net.bridge.bridge-nf-call-iptables"', "sysctl: permission denied on key 'net.bridge.bridge-nf-call-ip6tables'"],
    counterSamples: ['sysctl: permission denied on key "net.core.somaxconn"'],
  }),
];
