import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './route-remote-subnets.js';

const HOST_GW = 'flannel.alpha.coreos.com/backend-type';
/** The healthy cluster switched to host-gw: routes via node IPs on eth0, no flannel.1 entries. */
const hostGw = (mutate: (routes: { dst: string; gateway?: string; dev?: string; onlink: boolean; scope?: string }[]) => void = () => {}) => {
  const e = breakCluster((c) =>
    c.nodes.forEach((n) => {
      n.annotations[HOST_GW] = 'host-gw';
      n.annotations['flannel.alpha.coreos.com/backend-data'] = 'null';
    }),
  );
  for (const n of e.nodes!) {
    n.netConf = { file: '/etc/kube-flannel/net-conf.json', raw: { Network: '10.244.0.0/16', Backend: { Type: 'host-gw' } }, problems: [] };
    n.links = n.links!.filter((l) => l.name !== 'flannel.1');
    n.routes = n.routes!.map((r) => (r.dev === 'flannel.1' ? { dst: r.dst, gateway: `172.31.250.${11 + Number(r.dst.split('.')[2])}`, dev: 'eth0', onlink: false } : r));
    mutate(n.routes);
  }
  return e;
};

testRule(rule, {
  healthy: [
    { name: 'routes to both peers', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    {
      name: 'DirectRouting peers routed via their node IP',
      evidence: breakNode('n1', (n) => {
        n.netConf = { file: '/etc/kube-flannel/net-conf.json', raw: { Network: '10.244.0.0/16', Backend: { Type: 'vxlan', DirectRouting: true } }, problems: [] };
        n.routes = n.routes.map((r) => (r.dev === 'flannel.1' ? { dst: r.dst, gateway: r.dst.startsWith('10.244.1.') ? '172.31.250.12' : '172.31.250.13', dev: 'eth0', onlink: false } : r));
      }, { nodes: ['n1'] }),
    },
    {
      name: "n2's podCIDR moved outside Network: its own fault, not a missing route elsewhere",
      evidence: (() => {
        const e = breakCluster((c) => {
          c.nodes[1].podCIDR = '10.245.2.0/24';
          c.nodes[1].podCIDRs = ['10.245.2.0/24'];
        });
        e.nodes!.find((n) => n.name === 'n2')!.subnetEnv = undefined;
        return e;
      })(),
    },
    {
      name: 'n3 re-joined with a new podCIDR and its flannel has no lease yet',
      evidence: (() => {
        const e = breakCluster((c) => {
          c.nodes[2].podCIDR = '10.244.9.0/24';
          c.nodes[2].podCIDRs = ['10.244.9.0/24'];
        });
        e.nodes!.find((n) => n.name === 'n3')!.subnetEnv = undefined;
        return e;
      })(),
    },
    { name: 'host-gw on one L2 segment', evidence: hostGw() },
  ],
  faulty: [
    {
      name: 'host-gw with a peer route missing',
      evidence: (() => {
        const e = hostGw();
        const n1 = e.nodes!.find((n) => n.name === 'n1')!;
        n1.routes = n1.routes!.filter((r) => r.dst !== '10.244.1.0/24');
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.route-missing',
          messageId: 'missing',
          data: { node: 'n1', peer: 'n2', subnet: '10.244.1.0/24' },
          nodes: ['n1'],
          fix: [
            'On n1: ip route replace 10.244.1.0/24 via 172.31.250.12',
            'Or restart flannel on n1: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
          steps: [
            { text: 'On n1', on: 'node', run: 'ip route replace 10.244.1.0/24 via 172.31.250.12', verify: 'ip route show exact 10.244.1.0/24 via 172.31.250.12 | grep -q .' },
            {
              text: 'Or restart flannel on n1',
              on: 'cluster',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n1 --for=condition=Ready --timeout=120s',
            },
          ],
        },
      ],
    },
    {
      name: 'host-gw across a router: nodes on different subnets',
      evidence: (() => {
        // n3 sits in another subnet behind a router; the others' routes would point at it in vain.
        const e = hostGw();
        e.cluster!.nodes![2].annotations['flannel.alpha.coreos.com/public-ip'] = '10.20.0.13';
        const n3 = e.nodes!.find((n) => n.name === 'n3')!;
        n3.routes = [
          { dst: 'default', gateway: '10.20.0.1', dev: 'eth0', onlink: false },
          { dst: '10.20.0.0/24', dev: 'eth0', onlink: false, scope: 'link' },
          { dst: '10.244.2.0/24', dev: 'cni0', onlink: false, scope: 'link' },
        ];
        // an older manifest: flannel's DaemonSet in kube-system under another name (the restart names it)
        e.cluster!.workloads = [{ kind: 'DaemonSet', namespace: 'kube-system', name: 'kube-flannel-ds-amd64', labels: { app: 'flannel' }, selector: { app: 'flannel' }, containers: [], hostNetwork: true }];
        return { ...e, nodes: [n3] };
      })(),
      expect: [
        {
          cause: 'flannel.backend-unsupported',
          messageId: 'hostGwL3',
          data: { node: 'n3', peer: 'n1', peerIp: '172.31.250.11' },
          nodes: ['n3'],
          fix: [
            'Use the vxlan backend (net-conf.json Backend.Type "vxlan", or vxlan with "DirectRouting": true to keep host-gw speed on the shared segment)',
            'Then restart flannel on every node so it starts with the new backend: kubectl -n kube-system rollout restart daemonset kube-flannel-ds-amd64',
          ],
          steps: [
            { text: 'Use the vxlan backend (net-conf.json Backend.Type "vxlan", or vxlan with "DirectRouting": true to keep host-gw speed on the shared segment)', on: 'person', manual: 'advice for a person: no exact command' },
            {
              text: 'Then restart flannel on every node so it starts with the new backend',
              on: 'cluster',
              run: 'kubectl -n kube-system rollout restart daemonset kube-flannel-ds-amd64',
              verify: 'kubectl -n kube-system rollout status daemonset kube-flannel-ds-amd64 --timeout=180s',
            },
          ],
        },
        {
          cause: 'flannel.backend-unsupported',
          messageId: 'hostGwL3',
          data: { node: 'n3', peer: 'n2', peerIp: '172.31.250.12' },
          nodes: ['n3'],
          fix: [
            'Use the vxlan backend (net-conf.json Backend.Type "vxlan", or vxlan with "DirectRouting": true to keep host-gw speed on the shared segment)',
            'Then restart flannel on every node so it starts with the new backend: kubectl -n kube-system rollout restart daemonset kube-flannel-ds-amd64',
          ],
        },
      ],
    },
    {
      name: 'route to n3 deleted on n1',
      evidence: breakNode('n1', (n) => (n.routes = n.routes.filter((r) => r.dst !== '10.244.2.0/24'))),
      expect: [
        {
          cause: 'flannel.route-missing',
          messageId: 'missing',
          data: { node: 'n1', peer: 'n3', subnet: '10.244.2.0/24' },
          nodes: ['n1'],
          fix: [
            'On each node listed: ip route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
          steps: [
            { text: 'On each node listed', on: 'node', run: 'ip route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink', verify: 'ip route show exact 10.244.2.0/24 via 10.244.2.0 dev flannel.1 | grep -q onlink' },
            {
              text: 'Or restart flannel on each node listed so it re-programs every peer',
              on: 'cluster',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n1 --for=condition=Ready --timeout=120s',
            },
          ],
        },
      ],
    },
    {
      name: 'left-over host-gw route on n2',
      evidence: breakNode('n2', (n) => (n.routes = n.routes.map((r) => (r.dst === '10.244.0.0/24' ? { dst: r.dst, gateway: '172.31.250.11', dev: 'eth0', onlink: false } : r)))),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'wrong',
          data: { node: 'n2', peer: 'n1', subnet: '10.244.0.0/24', got: '10.244.0.0/24 via 172.31.250.11 dev eth0', want: '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink' },
          nodes: ['n2'],
          fix: [
            'On each node listed: ip route replace 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'blackhole for a peer subnet',
      evidence: breakNode('n3', (n) => (n.routes = n.routes.map((r) => (r.dst === '10.244.0.0/24' ? { dst: r.dst, type: 'blackhole', onlink: false } : r)))),
      expect: [
        {
          cause: 'flannel.route-missing',
          messageId: 'wrong',
          data: { node: 'n3', peer: 'n1', subnet: '10.244.0.0/24', got: 'blackhole 10.244.0.0/24', want: '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink' },
          nodes: ['n3'],
          fix: [
            'On each node listed: ip route replace 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
  ],
});
