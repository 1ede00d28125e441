import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './route-remote-subnets.js';

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
  ],
  faulty: [
    {
      name: 'route to n3 deleted on n1',
      evidence: breakNode('n1', (n) => (n.routes = n.routes.filter((r) => r.dst !== '10.244.2.0/24'))),
      expect: [{ cause: 'flannel.route-missing', nodes: ['n1'], messageIncludes: '10.244.2.0/24' }],
    },
    {
      name: 'left-over host-gw route on n2',
      evidence: breakNode('n2', (n) => (n.routes = n.routes.map((r) => (r.dst === '10.244.0.0/24' ? { dst: r.dst, gateway: '172.31.250.11', dev: 'eth0', onlink: false } : r)))),
      expect: [{ cause: 'flannel.stale-fdb', nodes: ['n2'], messageIncludes: 'via 172.31.250.11 dev eth0' }],
    },
    {
      name: 'blackhole for a peer subnet',
      evidence: breakNode('n3', (n) => (n.routes = n.routes.map((r) => (r.dst === '10.244.0.0/24' ? { dst: r.dst, type: 'blackhole', onlink: false } : r)))),
      expect: [{ cause: 'flannel.route-missing', nodes: ['n3'], messageIncludes: 'blackhole' }],
    },
  ],
});
