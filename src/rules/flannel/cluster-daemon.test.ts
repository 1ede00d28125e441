import type { ContainerStatusInfo, PodInfo, WorkloadInfo } from '../../evidence/cluster.js';
import { node, pod } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-daemon.js';

const IMG = 'ghcr.io/flannel-io/flannel:v0.28.9';
const DS: WorkloadInfo = {
  kind: 'DaemonSet',
  namespace: 'kube-flannel',
  name: 'kube-flannel-ds',
  labels: { app: 'flannel' },
  selector: { app: 'flannel' },
  desired: 3,
  ready: 3,
  containers: [{ name: 'kube-flannel', image: IMG, init: false, args: ['--ip-masq', '--kube-subnet-mgr'] }],
  hostNetwork: true,
};
const n = (name: string, cidr?: string) => node(name, cidr ? { podCIDR: cidr, podCIDRs: [cidr] } : {});
const NODES = [n('n1', '10.244.0.0/24'), n('n2', '10.244.1.0/24'), n('n3', '10.244.2.0/24')];
const fl = (suffix: string, nodeName: string, st?: Partial<ContainerStatusInfo>): PodInfo => {
  const p = pod(`kube-flannel/kube-flannel-ds-${suffix}`, IMG, { node: nodeName, labels: { app: 'flannel', tier: 'node' }, container: 'kube-flannel' });
  if (!st) return p;
  return { ...p, phase: st.state === 'waiting' && st.reason?.startsWith('Err') ? 'Pending' : 'Running', conditions: [{ type: 'Ready', status: 'False' }], statuses: [{ ...p.statuses[0], ready: false, ...st }] };
};
const healthyPods = [fl('a1b2c', 'n1'), fl('d4e5f', 'n2'), fl('g7h8i', 'n3')];

testRule(rule, {
  healthy: [
    { name: 'one Ready flannel pod per node', evidence: { cluster: { nodes: NODES, workloads: [DS], pods: healthyPods } } },
    { name: 'k3s: flannel embedded, no DaemonSet, no pods', evidence: { cluster: { nodes: NODES, pods: [pod('kube-system/coredns-b96499967-tncf4', 'rancher/mirrored-coredns-coredns:1.9.1')] } } },
    { name: 'Windows node has no Linux flannel pod', evidence: { cluster: { nodes: [...NODES, node('win1', { operatingSystem: 'windows' })], workloads: [DS], pods: healthyPods } } },
  ],
  faulty: [
    {
      name: 'own image pull failing on n2',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], fl('d4e5f', 'n2', { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${IMG}"` }), healthyPods[2]] } },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n2'], messageIncludes: 'cannot pull its own image' }],
    },
    {
      name: 'OOMKilled',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [fl('a1b2c', 'n1', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 9, lastTerminationReason: 'OOMKilled', lastExitCode: 137 }), healthyPods[1], healthyPods[2]] } },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n1'], messageIncludes: 'OOMKilled' }],
    },
    {
      name: 'crash-looping on a node without podCIDR (no log collected)',
      evidence: {
        cluster: { nodes: [NODES[0], NODES[1], n('n3')], workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 14, lastTerminationReason: 'Error', lastExitCode: 1 })] },
      },
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n3'], pods: ['kube-flannel/kube-flannel-ds-g7h8i'] }],
    },
    {
      name: 'RBAC: the log line collected in the bundle names the cause (catalog classifies it)',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'running', reason: undefined, restartCount: 0 })] },
        messages: [
          {
            text: 'E1127 10:02:11.123456       1 reflector.go:147] Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes" in API group "" at the cluster scope',
            where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:31',
            pod: 'kube-flannel/kube-flannel-ds-g7h8i',
            node: 'n3',
          },
        ],
      },
      expect: [{ cause: 'flannel.rbac', nodes: ['n3'] }],
    },
    {
      name: 'crash-looping for an unknown reason',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 3, lastTerminationReason: 'Error', lastExitCode: 2 })] } },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n3'] }],
    },
    {
      name: 'no flannel pod on a NoExecute-tainted node',
      evidence: { cluster: { nodes: [NODES[0], NODES[1], { ...NODES[2], taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }], workloads: [DS], pods: [healthyPods[0], healthyPods[1]] } },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n3'], messageIncludes: 'NoExecute' }],
    },
    {
      name: 'old per-architecture DaemonSets: none for the arm64 node',
      evidence: {
        cluster: {
          nodes: [NODES[0], NODES[1], { ...NODES[2], architecture: 'arm64' }],
          workloads: [{ ...DS, namespace: 'kube-system', name: 'kube-flannel-ds-amd64' }],
          pods: [{ ...healthyPods[0], namespace: 'kube-system' }, { ...healthyPods[1], namespace: 'kube-system' }],
        },
      },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n3'], messageIncludes: 'kube-flannel-ds-arm64' }],
    },
    {
      name: 'pods not readable in detail, DaemonSet short',
      evidence: { cluster: { nodes: NODES, workloads: [{ ...DS, ready: 1 }] } },
      expect: [{ cause: 'flannel.daemon-down', messageIncludes: '1 of 3' }],
    },
  ],
});
