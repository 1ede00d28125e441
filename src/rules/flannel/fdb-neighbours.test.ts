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
        { cause: 'flannel.stale-fdb', nodes: ['n1'], messageIncludes: `VTEP MAC is ${NEW_MAC}; no FDB entry ${NEW_MAC} dst 172.31.250.12 (only the old MAC` },
        { cause: 'flannel.stale-fdb', nodes: ['n3'], messageIncludes: `VTEP MAC is ${NEW_MAC}` },
      ],
    },
    {
      name: 'n3 re-addressed; n1 still sends to the old IP',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[2].annotations['flannel.alpha.coreos.com/public-ip'] = '172.31.250.23'), { nodes: ['n1'] });
        return e;
      })(),
      expect: [{ cause: 'flannel.stale-fdb', nodes: ['n1'], messageIncludes: 'n3 is at 172.31.250.23' }],
    },
    {
      name: 'neighbour entry for n1 flushed on n2',
      evidence: breakNode('n2', (n) => (n.neighbours = n.neighbours.filter((x) => x.dst !== '10.244.0.0'))),
      expect: [{ cause: 'flannel.stale-fdb', nodes: ['n2'], messageIncludes: `no neighbour 10.244.0.0 → ${peer('n1').vtepMac}` }],
    },
  ],
});
