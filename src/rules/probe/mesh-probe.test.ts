import type { MeshPathResult } from '../../evidence/probes.js';
import { node } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './mesh-probe.js';

const pair = (from: string, to: string, over: Partial<MeshPathResult> = {}): MeshPathResult[] => [
  { from, to, path: 'mtu-pod', kind: 'pod-pod', ok: true, size: 1422, ms: 0.3 },
  { from, to, path: 'underlay', kind: 'node-node', ok: true },
  { from, to, path: 'vxlan-udp', ok: true },
  ...(over.ok === false ? [{ from, to, path: 'overlay' as const, kind: 'pod-pod' as const, ok: false, error: 'no reply', ...over }] : []),
];
const mesh = (results: MeshPathResult[]) => ({ probes: { mesh: results, ran: ['mesh'] } });
const all = (broken: (a: string, b: string) => Partial<MeshPathResult> | undefined) =>
  ['n1', 'n2', 'n3'].flatMap((a) => ['n1', 'n2', 'n3'].filter((b) => b !== a).flatMap((b) => pair(a, b, broken(a, b) ?? {})));

testRule(rule, {
  healthy: [{ name: 'every pair passes', evidence: mesh(all(() => undefined)) }],
  faulty: [
    {
      name: 'VXLAN blocked at n2: named by being in every broken pair',
      evidence: mesh(all((a, b) => (a === 'n2' || b === 'n2' ? { ok: false, cause: 'flannel.vxlan-blocked', detail: 'underlay works, overlay does not' } : undefined))),
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'pairs',
          data: { detail: 'underlay works, overlay does not', count: 4, pairs: 'n1→n2, n2→n1, n2→n3, n3→n2' },
          nodes: ['n2'],
          fix: [
            'Allow UDP 8472 between all nodes: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload (firewalld), ufw allow 8472/udp (ufw), or the cloud security group.',
            'Test it: tcpdump -ni any udp port 8472 on the receiving node while pinging a remote pod.',
          ],
        },
      ],
    },
    {
      name: 'route missing on n1 (the probe named the node)',
      evidence: mesh(all((a, b) => ((a === 'n1' && b === 'n2') || (a === 'n2' && b === 'n1') ? { ok: false, cause: 'flannel.route-missing', faultNode: 'n1', detail: 'n1 has no route' } : undefined))),
      expect: [
        {
          cause: 'flannel.route-missing',
          messageId: 'pairs',
          data: { detail: 'n1 has no route', count: 2, pairs: 'n1→n2, n2→n1' },
          nodes: ['n1'],
          fix: [
            'Check the routes: ip route | grep flannel.1 (one per other node).',
            'Keep NetworkManager away from flannel: /etc/NetworkManager/conf.d/flannel.conf with [keyfile] unmanaged-devices=interface-name:flannel*;interface-name:cni0',
            'Restart the flannel pod on the node to reprogram the routes: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
    {
      name: 'MTU: only DF probes fail',
      evidence: mesh(all((a, b) => (b === 'n3' ? { ok: false, path: 'mtu-pod', cause: 'flannel.mtu', detail: 'DF probes lost', size: 1422 } : undefined))),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'pairs',
          data: { detail: 'DF probes lost', count: 2, pairs: 'n1→n3, n2→n3' },
          nodes: ['n3'],
          fix: [
            'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
            "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
            "Set \"MTU\" in net-conf.json Backend to the underlay MTU minus the backend's overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.",
          ],
        },
      ],
    },
    {
      name: 'flannel.stale-fdb: n3 forwards to a VTEP MAC that no longer exists',
      evidence: mesh(all((a, b) => (a === 'n3' || b === 'n3' ? { ok: false, cause: 'flannel.stale-fdb', faultNode: 'n3', detail: 'overlay to n3 lost; n1 bridge fdb holds an old flannel.1 MAC for 172.31.250.13' } : undefined))),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'pairs',
          data: { detail: 'overlay to n3 lost; n1 bridge fdb holds an old flannel.1 MAC for 172.31.250.13', count: 4, pairs: 'n1→n3, n2→n3, n3→n1, n3→n2' },
          nodes: ['n3'],
          fix: [
            'Compare the entries with the node annotations: bridge fdb show dev flannel.1; ip neigh show dev flannel.1; kubectl get node n3 -o jsonpath="{.metadata.annotations}"',
            'Stop udev from renaming the MAC: a /etc/systemd/network/10-flannel.link with [Match] OriginalName=flannel* and [Link] MACAddressPolicy=none.',
            'Restart the flannel pods on the affected nodes so that they reprogram the entries: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'flannel.wrong-iface: n2 encapsulates from its NAT address',
      // The Node object gives n2's InternalIP, which the fix pins flannel to.
      evidence: { cluster: { nodes: [node('n1'), node('n2', { addresses: [{ type: 'InternalIP', address: '172.31.250.12' }] }), node('n3')] }, ...mesh(all((a, b) => (a === 'n2' || b === 'n2' ? { ok: false, cause: 'flannel.wrong-iface', faultNode: 'n2', detail: 'VXLAN from n2 leaves with source 10.0.2.15, not its node address' } : undefined))) },
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'pairs',
          data: { detail: 'VXLAN from n2 leaves with source 10.0.2.15, not its node address', count: 4, pairs: 'n1→n2, n2→n1, n2→n3, n3→n2' },
          nodes: ['n2'],
          fix: [
            "Tell flannel which interface to use: add --iface with the NIC on the node network (or --iface-can-reach with another node's IP) to the kube-flannel container args in the DaemonSet.",
            'Or annotate the node with the address other nodes reach it at: kubectl annotate node n2 flannel.alpha.coreos.com/public-ip-overwrite=172.31.250.12',
            'Restart the flannel pod on the node; the public IP is fixed at start: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'node.firewall: the INPUT chain of n3 drops pod traffic',
      evidence: mesh(all((a, b) => (a === 'n3' || b === 'n3' ? { ok: false, cause: 'node.firewall', faultNode: 'n3', detail: 'underlay and VXLAN pass, pod packets to n3 dropped' } : undefined))),
      expect: [
        {
          cause: 'node.firewall',
          messageId: 'pairs',
          data: { detail: 'underlay and VXLAN pass, pod packets to n3 dropped', count: 4, pairs: 'n1→n3, n2→n3, n3→n1, n3→n2' },
          nodes: ['n3'],
          fix: [
            'List the rules: iptables-save | grep -Ei "reject|drop"; nft list ruleset; firewall-cmd --list-all; ufw status verbose',
            'Allow the pod and Service CIDRs (e.g. firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload), or disable the host firewall on cluster nodes as RKE2 recommends.',
          ],
        },
      ],
    },
    {
      name: 'node.forward-drop: the FORWARD policy of n1 is DROP',
      evidence: mesh(all((a, b) => (a === 'n1' || b === 'n1' ? { ok: false, cause: 'node.forward-drop', faultNode: 'n1', detail: 'packets reach n1 and are not forwarded to cni0' } : undefined))),
      expect: [
        {
          cause: 'node.forward-drop',
          messageId: 'pairs',
          data: { detail: 'packets reach n1 and are not forwarded to cni0', count: 4, pairs: 'n1→n2, n1→n3, n2→n1, n3→n1' },
          nodes: ['n1'],
          fix: [
            'Check: iptables -S FORWARD | head -3; iptables -S FLANNEL-FWD',
            "Keep flannel's --iptables-forward-rules at its default (true) and restart the flannel pod, or add accept rules for the cluster CIDR: iptables -A FORWARD -s 10.244.0.0/16 -j ACCEPT; iptables -A FORWARD -d 10.244.0.0/16 -j ACCEPT",
          ],
        },
      ],
    },
    {
      name: 'node.ip-forward: n2 does not route',
      evidence: mesh(all((a, b) => (a === 'n2' || b === 'n2' ? { ok: false, cause: 'node.ip-forward', faultNode: 'n2', detail: 'n2 receives the decapsulated packets and does not route them' } : undefined))),
      expect: [
        {
          cause: 'node.ip-forward',
          messageId: 'pairs',
          data: { detail: 'n2 receives the decapsulated packets and does not route them', count: 4, pairs: 'n1→n2, n2→n1, n2→n3, n3→n2' },
          nodes: ['n2'],
          fix: [
            'On n2: set net.ipv4.ip_forward = 1 in the running kernel: sysctl -w net.ipv4.ip_forward=1',
            "Persist net.ipv4.ip_forward = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.ipv4.ip_forward 1 > /etc/sysctl.d/90-flannel-doctor-net.ipv4.ip_forward.conf && sysctl --system",
          ],
        },
      ],
    },
  ],
});
