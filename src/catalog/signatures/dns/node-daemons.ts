import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The node's own resolver daemon failing: systemd-resolved (the stub at 127.0.0.53 most distributions point
 * /etc/resolv.conf at) that cannot start or aborts, dnsmasq that has no resolv-file to read. Every lookup of the
 * node — image pulls, the kubelet, pods given the node's resolv.conf — goes through it (facts §9).
 */
export const NODE_DAEMON_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.resolved-not-running',
    cause: 'dns.node-resolver',
    // systemd's words for the unit (its Description is "Network Name Resolution"), the daemon's own exit, an
    // assertion that aborts it, and its set-up steps (the user it runs as, the stub-resolv.conf link) failing; or
    // running with no DNS server on any link (resolvectl's "No appropriate name servers").
    re: /failed to start (systemd-resolved\.service - )?network name resolution|systemd-resolved\.service: (main process exited|failed with result)|execstart=\S*systemd-resolved \(code=(exited|killed|dumped), status=|systemd-resolved\[\d+\]: (assertion '[^'\n]{1,120}' failed at [^\n]{1,200}aborting|cannot resolve user name systemd-resolve|failed to [^\n]{1,120}: )|failed to symlink \S*\/run\/systemd\/resolve\/stub-resolv\.conf|resolve call failed: no appropriate name servers or networks for name found/,
    anchors: ['network name resolution', 'systemd-resolved', 'stub-resolv.conf', 'no appropriate name servers'],
    confidence: 0.8,
    specificity: 93,
    check: 'systemctl status systemd-resolved and journalctl -u systemd-resolved on the node: fix what stops it (its user, its stub-resolv.conf link, a crash on a hosts line), then resolvectl query <registry host>; or point /etc/resolv.conf and the kubelet\'s resolvConf at real nameservers instead of the stub',
    source: 'systemd-resolved unit and daemon start-up (systemd: "Failed to start Network Name Resolution", "Main process exited"; resolved: user lookup, stub-resolv.conf symlink, assertions)',
    samples: [
      '[FAILED] Failed to start Network Name Resolution.\nSee \'systemctl status systemd-resolved.service\' for details.',
      'Jul 09 14:27:43 node-1 systemd-resolved[747]: Cannot resolve user name systemd-resolve: No such process',
      'Process: 3199 ExecStart=/usr/lib/systemd/systemd-resolved (code=exited, status=226/NAMESPACE)',
      'quay.io: resolve call failed: No appropriate name servers or networks for name found',
      'Mar 22 10:57:35 node-2 systemd-resolved[27636]: Assertion \'(_error) != 0\' failed at src/resolve/resolved-etc-hosts.c:112, function parse_line(). Aborting.',
    ],
    counterSamples: ['Started Network Name Resolution.', 'systemd-resolved[612]: Using degraded feature set UDP instead of EDNS0 for DNS server 10.0.0.2.'],
  }),
  sig({
    id: 'dns.dnsmasq-resolv-file-missing',
    cause: 'dns.node-resolver',
    // dnsmasq on the node reads its upstream servers from a resolv-file (/etc/resolv.conf unless told otherwise);
    // with none there it forwards nowhere.
    re: /dnsmasq(\[\d+\])?: [^\n]{0,80}(for resolv-file is missing|failed to read \S*resolv[^\n]{0,40}: no such file)/,
    anchors: ['dnsmasq'],
    confidence: 0.8,
    specificity: 92,
    check: 'the resolv-file dnsmasq is given (resolv-file= in /etc/dnsmasq.conf or /etc/dnsmasq.d, default /etc/resolv.conf) must exist and name upstream servers; or give dnsmasq server= lines and no-resolv',
    source: 'dnsmasq ("directory %s for resolv-file is missing, cannot poll", "failed to read %s: %s")',
    samples: ['Nov 12 01:45:24 node-3 dnsmasq[2849]: dnsmasq: directory /etc/resolv.conf for resolv-file is missing, cannot poll', 'dnsmasq[912]: failed to read /run/dnsmasq/resolv.conf: No such file or directory'],
    counterSamples: ['dnsmasq[912]: reading /etc/resolv.conf', 'dnsmasq[912]: using nameserver 10.0.0.2#53'],
  }),  sig({
    id: 'dns.windows-host-dns-list',
    cause: 'dns.node-resolver',
    // The kubelet on Windows reads the host's DNS servers (GetNetworkParams) for pods that use the node's DNS; a host
    // with no DNS server configured on any adapter gives it none.
    re: /could not get the host's dns server list/,
    anchors: ["could not get the host's dns server list"],
    confidence: 0.8,
    specificity: 92,
    check: 'Get-DnsClientServerAddress on the Windows node: an adapter the node uses needs a DNS server (Set-DnsClientServerAddress, or the DHCP option), then restart the kubelet',
    source: 'kubelet dns_windows.go (getDNSServerList: "Could not get the host\'s DNS Server List")',
    samples: [
      'E1206 04:46:55.003719    3088 dns_windows.go:107] "Encountered error while getting host\'s DNS Server List." err="Could not get the host\'s DNS Server List. Error: Unexpected return value 1168 from GetNetworkParams. Expected: 0. Error: Element not found."',
      "Could not get the host's DNS Server List. Error: Unexpected return value 232 from GetNetworkParams.",
    ],
    counterSamples: ['Get-DnsClientServerAddress -AddressFamily IPv4'],
  }),
];
