import { defineRule } from '../define-rule.js';
import { flannelDaemonSets, flanneldArgs, flanneldContainer } from '../../evidence/flannel-objects.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export default defineRule({
  id: 'flannel/cluster-daemonset-config',
  layer: 'flannel',
  description:
    'Notes on the flannel DaemonSet that are not faults yet: no resource requests (flanneld can be starved or evicted first), and no --iface while nodes have several IPv4 InternalIP addresses (flanneld then picks the default-route interface).',
  causes: ['flannel.daemon-down', 'flannel.wrong-iface'],
  scope: 'cluster',
  needs: ['cluster.workloads', 'cluster.nodes'],
  severity: 'info',
  messages: {
    noResources: 'flannel DaemonSet {ds} sets no resource requests for {container}',
    noIface: 'nodes {nodes} have several IPv4 InternalIP addresses but flannel DaemonSet {ds} gives no --iface, --iface-regex or --iface-can-reach',
  },
  check({ cluster, report }) {
    for (const ds of flannelDaemonSets(cluster)) {
      const ref = `${ds.namespace}/${ds.name}`;
      const c = flanneldContainer(ds);
      if (!c) continue;
      if (!c.resources?.requests || !Object.keys(c.resources.requests).length) {
        report({
          messageId: 'noResources',
          cause: 'flannel.daemon-down',
          data: { ds: ref, container: c.name },
          evidence: [{ where: `daemonset ${ref} container ${c.name}`, what: 'resources.requests not set' }],
          fix: ['Give kube-flannel requests like the official manifest (cpu 100m, memory 50Mi) so the scheduler and the eviction manager respect it; add a memory limit sized for the cluster.'],
        });
      }
      const args = flanneldArgs(ds);
      if (args.some((a) => /^--iface(-regex|-can-reach)?(=|$)/.test(a))) continue;
      const multi = cluster.nodes.filter((n) => n.addresses.filter((a) => a.type === 'InternalIP' && IPV4.test(a.address)).length > 1);
      if (!multi.length) continue;
      report({
        messageId: 'noIface',
        cause: 'flannel.wrong-iface',
        data: { ds: ref, nodes: multi.map((n) => n.name).join(', ') },
        nodes: multi.map((n) => n.name),
        evidence: multi.map((n) => ({ where: `node ${n.name}`, what: `InternalIP ${n.addresses.filter((a) => a.type === 'InternalIP').map((a) => a.address).join(', ')}` })),
        fix: ['Pin the interface: add --iface=<nic> or --iface-can-reach=<control-plane IP> to the kube-flannel args.'],
      });
    }
  },
});
