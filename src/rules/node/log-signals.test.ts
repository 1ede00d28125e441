import type { ClassifiedLogLine } from '../../evidence/node.js';
import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './log-signals.js';

const FLANNEL_LOG = '/var/log/pods/kube-flannel_kube-flannel-ds-x7k2q_0d1c/kube-flannel/3.log';
const line = (cause: string, text: string, count = 1, extra: Partial<ClassifiedLogLine> = {}): ClassifiedLogLine => ({ file: FLANNEL_LOG, line: 12, text, cause, confidence: 0.95, count, component: 'flanneld', ...extra });
const NO_CIDR = line('flannel.no-pod-cidr', 'E1127 12:00:01.123456       1 main.go:332] Error registering network: failed to acquire lease: node "n2" pod cidr not assigned', 6);
const RBAC = line('flannel.rbac', 'E1127 12:00:03.000001       1 reflector.go:147] Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes" in API group "" at the cluster scope', 40);

testRule(rule, {
  healthy: [
    { name: 'no classified lines', evidence: healthy() },
    { name: 'old "pod cidr not assigned" while flannel now runs', evidence: breakNode('n2', (n) => (n.logs = [NO_CIDR])) },
    {
      name: 'an RBAC denial followed by a later, now-fixed flannel error is history',
      evidence: breakNode('n2', (n) => (n.logs = [{ ...RBAC, file: '/var/log/flanneld.log', line: 10 }, line('flannel.config-invalid', 'E1127 16:51:21.053000       1 main.go:333] Failed to create SubnetManager: error parsing subnet config: invalid character', 1, { file: '/var/log/flanneld.log', line: 30 })])),
    },
    { name: 'low-confidence line', evidence: breakNode('n1', (n) => (n.logs = [{ ...RBAC, confidence: 0.4 }])) },
    {
      name: 'containerd socket refused at boot, node Ready now',
      evidence: breakNode('n3', (n) => (n.logs = [line('runtime.unavailable', 'failed to get container status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused"', 3, { component: 'kubelet', file: '/var/log/kubelet.log' })])),
    },
  ],
  faulty: [
    {
      name: 'only the latest flannel error counts: an older network-mismatch line is history',
      evidence: (() => {
        const e = breakCluster((c) => {
          c.nodes[1].podCIDR = undefined;
          c.nodes[1].podCIDRs = [];
        });
        const n2 = e.nodes!.find((n) => n.name === 'n2')!;
        n2.subnetEnv = undefined;
        n2.logs = [
          line('flannel.network-mismatch', 'E1127 16:50:31.969000       1 main.go:370] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "10.245.2.0/24" PodCIDR of the "n2" node', 1, { line: 40, file: '/var/log/flanneld.log' }),
          { ...NO_CIDR, file: '/var/log/flanneld.log', line: 52 },
        ];
        return e;
      })(),
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n2'], severity: 'error' }],
    },
    {
      name: 'flannel pod crash-looping on RBAC while its old subnet.env remains',
      evidence: (() => {
        const e = breakCluster((c) =>
          c.pods.push({ namespace: 'kube-flannel', name: 'kube-flannel-ds-flv9l', labels: { app: 'flannel' }, nodeName: 'n3', imagePullSecrets: [], hostNetwork: true, phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containers: [], statuses: [{ name: 'kube-flannel', init: false, image: 'ghcr.io/flannel-io/flannel:v0.28.9', ready: false, restartCount: 9, state: 'waiting', reason: 'CrashLoopBackOff' }] }),
        );
        e.nodes!.find((n) => n.name === 'n3')!.logs = [RBAC];
        return e;
      })(),
      expect: [{ cause: 'flannel.rbac', nodes: ['n3'], severity: 'error' }],
    },
    {
      name: 'flannel crash-looping without podCIDR',
      evidence: (() => {
        const e = breakCluster((c) => {
          c.nodes[1].podCIDR = undefined;
          c.nodes[1].podCIDRs = [];
        });
        const n2 = e.nodes!.find((n) => n.name === 'n2')!;
        n2.subnetEnv = undefined;
        n2.logs = [NO_CIDR];
        return e;
      })(),
      expect: [{ cause: 'flannel.no-pod-cidr', nodes: ['n2'], severity: 'error', messageIncludes: 'pod cidr not assigned' }],
    },
    {
      name: 'RBAC denial repeating while flannel runs',
      evidence: breakNode('n1', (n) => (n.logs = [RBAC])),
      expect: [{ cause: 'flannel.rbac', nodes: ['n1'], severity: 'warning', messageIncludes: '40 lines' }],
    },
  ],
});
