import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy, peer } from '../_healthy-nodes.js';
import rule from './fdb-neighbours.js';

const NEW_MAC = '0a:58:0a:f4:01:99';
const DATA = 'flannel.alpha.coreos.com/backend-data';

testRule(rule, {
  healthy: [
    { name: 'all peers programmed', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    {
      name: 'a node without podCIDR yet is not expected',
      evidence: breakCluster((c) => {
        c.nodes.push({ ...c.nodes[2], name: 'n4', podCIDR: undefined, podCIDRs: [], annotations: {} });
      }),
    },
  ],
  faulty: [
    {
      name: "n2's VTEP MAC changed (udev MACAddressPolicy); n1 and n3 still have the old one",
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[1].annotations[DATA] = JSON.stringify({ VNI: 1, VtepMAC: NEW_MAC })));
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'stale',
          data: { node: 'n1', peer: 'n2', subnet: '10.244.1.0/24', problems: 'neighbour 10.244.1.0 → 9a:2f:47:d3:02:12, VTEP MAC is 0a:58:0a:f4:01:99; no FDB entry 0a:58:0a:f4:01:99 dst 172.31.250.12 (only the old MAC 9a:2f:47:d3:02:12)' },
          nodes: ['n1'],
          fix: [
            'On each node listed: ip neigh replace 10.244.1.0 lladdr 0a:58:0a:f4:01:99 dev flannel.1 nud permanent',
            'On each node listed: bridge fdb replace 0a:58:0a:f4:01:99 dev flannel.1 dst 172.31.250.12 self permanent',
            'Remove the old entry: bridge fdb del 9a:2f:47:d3:02:12 dev flannel.1 dst 172.31.250.12',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
        {
          cause: 'flannel.stale-fdb',
          messageId: 'stale',
          data: { node: 'n3', peer: 'n2', subnet: '10.244.1.0/24', problems: 'neighbour 10.244.1.0 → 9a:2f:47:d3:02:12, VTEP MAC is 0a:58:0a:f4:01:99; no FDB entry 0a:58:0a:f4:01:99 dst 172.31.250.12 (only the old MAC 9a:2f:47:d3:02:12)' },
          nodes: ['n3'],
          fix: [
            'On each node listed: ip neigh replace 10.244.1.0 lladdr 0a:58:0a:f4:01:99 dev flannel.1 nud permanent',
            'On each node listed: bridge fdb replace 0a:58:0a:f4:01:99 dev flannel.1 dst 172.31.250.12 self permanent',
            'Remove the old entry: bridge fdb del 9a:2f:47:d3:02:12 dev flannel.1 dst 172.31.250.12',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'n3 re-addressed; n1 still sends to the old IP',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[2].annotations['flannel.alpha.coreos.com/public-ip'] = '172.31.250.23'), { nodes: ['n1'] });
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'stale',
          data: { node: 'n1', peer: 'n3', subnet: '10.244.2.0/24', problems: 'FDB entry c6:71:0e:5b:03:13 sends to 172.31.250.13, n3 is at 172.31.250.23' },
          nodes: ['n1'],
          fix: [
            'On each node listed: bridge fdb replace c6:71:0e:5b:03:13 dev flannel.1 dst 172.31.250.23 self permanent',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
    {
      name: 'neighbour entry for n1 flushed on n2',
      evidence: breakNode('n2', (n) => (n.neighbours = n.neighbours.filter((x) => x.dst !== '10.244.0.0'))),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'stale',
          data: { node: 'n2', peer: 'n1', subnet: '10.244.0.0/24', problems: 'no neighbour 10.244.0.0 → 6e:4b:1c:8a:01:11' },
          nodes: ['n2'],
          fix: [
            'On each node listed: ip neigh replace 10.244.0.0 lladdr 6e:4b:1c:8a:01:11 dev flannel.1 nud permanent',
            'Or restart flannel on each node listed so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
  ],
});
