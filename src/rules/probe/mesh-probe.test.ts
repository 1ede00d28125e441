import type { MeshNodeObservation, MeshPathResult } from '../../evidence/probes.js';
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

/**
 * What a 3-node VXLAN mesh probe reads on each node (n1..n3: underlay 172.31.250.1N, pod subnet
 * 10.244.N.0/24, VTEP MAC 02:fd:00:00:00:0N), healthy unless `change` says otherwise.
 */
const seen = (name: string, change: (st: NonNullable<MeshNodeObservation['state']>) => void = () => {}, deltas: Record<string, number> = {}): MeshNodeObservation => {
  const i = Number(name.slice(1));
  const peers = [1, 2, 3].filter((j) => j !== i);
  const state: NonNullable<MeshNodeObservation['state']> = {
    counters: {},
    routes: [{ dst: '0.0.0.0/0', gateway: '172.31.250.1', dev: 'eth0' }, ...peers.map((j) => ({ dst: `10.244.${j}.0/24`, gateway: `10.244.${j}.0`, dev: 'flannel.1' }))],
    neigh: Object.fromEntries(peers.map((j) => [`10.244.${j}.0`, `02:fd:00:00:00:0${j}`])),
    fdb: Object.fromEntries(peers.map((j) => [`02:fd:00:00:00:0${j}`, `172.31.250.1${j}`])),
    vtep: { mac: `02:fd:00:00:00:0${i}`, mtu: 1450 },
    addresses: [`172.31.250.1${i}`, `10.244.${i}.0`],
    links: { eth0: { mtu: 1500, addresses: [`172.31.250.1${i}`] }, 'flannel.1': { mtu: 1450, addresses: [`10.244.${i}.0`] } },
    ipForward: 1,
  };
  change(state);
  return { node: name, target: { underlayIp: `172.31.250.1${i}`, flannelIp: `10.244.${i}.0`, pod: { ip: `10.244.${i}.5` } }, state, counterDeltas: deltas };
};
/** A pair as the probe measures it: nothing judged; `failing` lists the paths that got no answer. */
const measured = (from: string, to: string, failing: string[]): MeshPathResult[] => {
  const [i, j] = [from.slice(1), to.slice(1)];
  const r = (path: MeshPathResult['path'], kind: MeshPathResult['kind'], toIp: string, size?: number): MeshPathResult => {
    const ok = !failing.includes(`${path}/${kind}`);
    return { from, to, path, kind, ok, toIp, ...(size ? { size } : {}), ...(ok ? { ms: 0.3 } : { error: 'no reply' }) };
  };
  return [r('mtu-pod', 'pod-pod', `10.244.${j}.5`, 1422), r('mtu-flannel', 'node-flannel', `10.244.${j}.0`, 1422), { ...r('underlay', 'node-node', `172.31.250.1${j}`), fromIp: `172.31.250.1${i}` }, r('overlay', 'node-flannel', `10.244.${j}.0`), r('overlay', 'node-pod', `10.244.${j}.5`), r('overlay', 'pod-pod', `10.244.${j}.5`)];
};
const measuredMesh = (failing: (a: string, b: string) => string[], nodes: MeshNodeObservation[]) => ({
  probes: { mesh: ['n1', 'n2', 'n3'].flatMap((a) => ['n1', 'n2', 'n3'].filter((b) => b !== a).flatMap((b) => measured(a, b, failing(a, b)))), meshNodes: nodes, ran: ['mesh'] },
});
const POD_PATHS = ['mtu-pod/pod-pod', 'overlay/node-pod', 'overlay/pod-pod'];

testRule(rule, {
  healthy: [
    { name: 'every pair passes', evidence: mesh(all(() => undefined)) },
    { name: 'every measured pair passes; what the probe read is not a finding', evidence: measuredMesh(() => [], [seen('n1', (st) => (st.routes = []))]) },
  ],
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
    {
      name: 'judged from what the probe read: n1 has no route to n2 (nothing named by the probe)',
      evidence: measuredMesh((a, b) => ((a === 'n1' && b === 'n2') || (a === 'n2' && b === 'n1') ? [...POD_PATHS, 'mtu-flannel/node-flannel', 'overlay/node-flannel'] : []), [seen('n1', (st) => (st.routes = st.routes.filter((r) => r.dst !== '10.244.2.0/24'))), seen('n2')]),
      expect: [
        {
          cause: 'flannel.route-missing',
          messageId: 'pairs',
          data: { detail: "n1 has no route to n2's pod subnet (10.244.2.5) other than the default route", count: 2, pairs: 'n1→n2, n2→n1' },
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
      name: "judged from what the probe read: n3 answers on flannel.1 but forwards nothing to its pods (ip_forward 0)",
      evidence: measuredMesh((a, b) => (a === 'n3' || b === 'n3' ? POD_PATHS : []), [seen('n1'), seen('n2'), seen('n3', (st) => (st.ipForward = 0))]),
      expect: [
        {
          cause: 'node.ip-forward',
          messageId: 'pairs',
          data: { detail: 'n3 has net.ipv4.ip_forward = 0: it does not forward between flannel.1 and its pods (n1→n3 pods fail, flannel.1 answers)', count: 4, pairs: 'n1→n3, n2→n3, n3→n1, n3→n2' },
          nodes: ['n3'],
          fix: [
            'On n3: set net.ipv4.ip_forward = 1 in the running kernel: sysctl -w net.ipv4.ip_forward=1',
            "Persist net.ipv4.ip_forward = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.ipv4.ip_forward 1 > /etc/sysctl.d/90-flannel-doctor-net.ipv4.ip_forward.conf && sysctl --system",
          ],
        },
      ],
    },
  ],
});
