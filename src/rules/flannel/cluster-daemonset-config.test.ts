import type { WorkloadInfo } from '../../evidence/cluster.js';
import { node } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-daemonset-config.js';

const ds = (args: string[], requests?: Record<string, string>): WorkloadInfo => ({
  kind: 'DaemonSet',
  namespace: 'kube-flannel',
  name: 'kube-flannel-ds',
  labels: { app: 'flannel' },
  selector: { app: 'flannel' },
  containers: [
    { name: 'install-cni', image: 'ghcr.io/flannel-io/flannel:v0.28.9', init: true },
    { name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.28.9', init: false, command: ['/opt/bin/flanneld'], args, resources: requests ? { requests } : undefined },
  ],
  hostNetwork: true,
});
const REQ = { cpu: '100m', memory: '50Mi' };
const twoNics = node('n1', { addresses: [{ type: 'InternalIP', address: '10.0.2.15' }, { type: 'InternalIP', address: '192.168.56.11' }] });

testRule(rule, {
  healthy: [
    { name: 'the official manifest', evidence: { cluster: { workloads: [ds(['--ip-masq', '--kube-subnet-mgr'], REQ)], nodes: [node('n1')] } } },
    { name: 'several NICs with --iface', evidence: { cluster: { workloads: [ds(['--ip-masq', '--kube-subnet-mgr', '--iface=eth1'], REQ)], nodes: [twoNics] } } },
    { name: 'dual-stack is one IPv4 address', evidence: { cluster: { workloads: [ds(['--kube-subnet-mgr'], REQ)], nodes: [node('n1', { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }, { type: 'InternalIP', address: 'fd00::11' }] })] } } },
    { name: 'no DaemonSet (k3s)', evidence: { cluster: { nodes: [twoNics] } } },
  ],
  faulty: [
    { name: 'no requests', evidence: { cluster: { workloads: [ds(['--kube-subnet-mgr'])], nodes: [node('n1')] } }, expect: [
      {
        cause: 'flannel.daemon-down',
        messageId: 'noResources',
        data: { ds: 'kube-flannel/kube-flannel-ds', container: 'kube-flannel' },
        fix: [
          'Give kube-flannel requests like the official manifest (cpu 100m, memory 50Mi) so the scheduler and the eviction manager respect it; add a memory limit sized for the cluster.',
        ],
      },
    ] },
    { name: 'two NICs and no --iface', evidence: { cluster: { workloads: [ds(['--kube-subnet-mgr'], REQ)], nodes: [twoNics] } }, expect: [
      {
        cause: 'flannel.wrong-iface',
        messageId: 'noIface',
        data: { ds: 'kube-flannel/kube-flannel-ds', nodes: 'n1' },
        nodes: ['n1'],
        fix: [
          'Pin the interface: add --iface=<nic> or --iface-can-reach=<control-plane IP> to the kube-flannel args.',
        ],
      },
    ] },
  ],
});
