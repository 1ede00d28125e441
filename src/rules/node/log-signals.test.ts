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
    { name: 'low-confidence line', evidence: breakNode('n1', (n) => (n.logs = [{ ...RBAC, confidence: 0.4 }])) },
    {
      name: 'containerd socket refused at boot, node Ready now',
      evidence: breakNode('n3', (n) => (n.logs = [line('runtime.unavailable', 'failed to get container status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused"', 3, { component: 'kubelet', file: '/var/log/kubelet.log' })])),
    },
  ],
  faulty: [
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
