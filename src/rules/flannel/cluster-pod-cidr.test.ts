import type { WorkloadInfo } from '../../evidence/cluster.js';
import { node, pod } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-pod-cidr.js';

const ds = (args: string[]): WorkloadInfo => ({
  kind: 'DaemonSet',
  namespace: 'kube-flannel',
  name: 'kube-flannel-ds',
  labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' },
  selector: { app: 'flannel' },
  desired: 2,
  ready: 1,
  containers: [{ name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.28.9', init: false, command: ['/opt/bin/flanneld'], args }],
  hostNetwork: true,
});
const withCidr = (name: string, cidr: string) => node(name, { podCIDR: cidr, podCIDRs: [cidr] });
const crashing = {
  ...pod('kube-flannel/kube-flannel-ds-x7k2p', 'ghcr.io/flannel-io/flannel:v0.28.9', { node: 'n3', labels: { app: 'flannel' }, container: 'kube-flannel' }),
};
crashing.statuses = [
  {
    ...crashing.statuses[0],
    ready: false,
    state: 'waiting',
    reason: 'CrashLoopBackOff',
    restartCount: 12,
    lastTerminationReason: 'Error',
    lastExitCode: 1,
    lastTerminationMessage: 'E1127 10:02:11.123456       1 main.go:335] Error registering network: failed to acquire lease: node "n3" pod cidr not assigned',
  },
];

testRule(rule, {
  healthy: [
    { name: 'every node has a podCIDR', evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), withCidr('n2', '10.244.1.0/24')], workloads: [ds(['--ip-masq', '--kube-subnet-mgr'])] } } },
    { name: 'no flannel in the cluster at all', evidence: { cluster: { nodes: [node('n1')] } } },
    { name: 'flannel with an etcd datastore does not use podCIDR', evidence: { cluster: { nodes: [node('n1')], workloads: [ds(['--etcd-endpoints=https://10.0.0.1:2379'])] } } },
    { name: 'a Windows node is not flannel\'s Linux DaemonSet\'s business', evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), node('win1', { operatingSystem: 'windows' })], workloads: [ds(['--kube-subnet-mgr'])] } } },
  ],
  faulty: [
    {
      name: 'node n3 without podCIDR and its flannel pod crash-looping',
      evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), node('n3')], workloads: [ds(['--ip-masq', '--kube-subnet-mgr'])], pods: [crashing] } },
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n3'] }],
    },
    {
      name: 'embedded flannel seen only through node annotations',
      evidence: {
        cluster: {
          nodes: [{ ...withCidr('n1', '10.42.0.0/24'), annotations: { 'flannel.alpha.coreos.com/kube-subnet-manager': 'true' } }, node('n2')],
        },
      },
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n2'] }],
    },
  ],
});
