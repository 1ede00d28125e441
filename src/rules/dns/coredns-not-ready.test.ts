import type { PodInfo, WorkloadInfo } from '../../evidence/cluster.js';
import { event } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './coredns-not-ready.js';

const coredns = (name: string, ready: boolean, extra: Partial<PodInfo> = {}): PodInfo => ({
  namespace: 'kube-system',
  name,
  labels: { 'k8s-app': 'kube-dns' },
  nodeName: 'n1',
  imagePullSecrets: [],
  hostNetwork: false,
  phase: 'Running',
  conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', init: false }],
  statuses: [{ name: 'coredns', init: false, image: 'registry.k8s.io/coredns/coredns:v1.11.1', ready, restartCount: 0, state: ready ? 'running' : 'waiting', reason: ready ? undefined : 'CrashLoopBackOff' }],
  ...extra,
});
const deployment = (replicas: number): WorkloadInfo => ({
  kind: 'Deployment',
  namespace: 'kube-system',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  selector: { 'k8s-app': 'kube-dns' },
  desired: replicas,
  ready: 0,
  containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', init: false }],
  hostNetwork: false,
});
const LOOP = '[FATAL] plugin/loop: Loop (127.0.0.1:46313 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."';

testRule(rule, {
  healthy: [
    { name: 'two ready pods', evidence: { cluster: { pods: [coredns('coredns-a', true), coredns('coredns-b', true)] } } },
    { name: 'no CoreDNS at all and no deployment', evidence: { cluster: { pods: [] } } },
    { name: 'deployment scaled to zero on purpose', evidence: { cluster: { pods: [], workloads: [deployment(0)] } } },
    { name: 'an old evicted pod next to a ready one', evidence: { cluster: { pods: [coredns('coredns-a', true), coredns('coredns-old', false, { phase: 'Failed' })] } } },
  ],
  faulty: [
    {
      name: 'one pod crash-looping',
      evidence: { cluster: { pods: [coredns('coredns-a', true), coredns('coredns-b', false)] } },
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'notReady',
          data: { pod: 'kube-system/coredns-b', state: 'Running, CrashLoopBackOff' },
          nodes: ['n1'],
          pods: ['kube-system/coredns-b'],
          fix: [
            'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
            'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
            'Restart CoreDNS after the fix: kubectl rollout restart deployment -n kube-system coredns',
          ],
        },
      ],
    },
    {
      name: 'deployment without pods',
      evidence: { cluster: { pods: [], workloads: [deployment(2)] } },
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'none',
          data: {},
          fix: [
            'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
            'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
            'Restart CoreDNS after the fix: kubectl rollout restart deployment -n kube-system coredns',
          ],
        },
      ],
    },
    {
      name: 'pending: sandbox cannot be created (the event is evidence)',
      evidence: {
        cluster: {
          pods: [coredns('coredns-c', false, { phase: 'Pending', statuses: [{ name: 'coredns', init: false, image: 'registry.k8s.io/coredns/coredns:v1.11.1', ready: false, restartCount: 0, state: 'waiting', reason: 'ContainerCreating' }] })],
          events: [
            {
              ...event(
                'kube-system/coredns-c',
                'FailedCreatePodSandBox',
                'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "b69d5c3f": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.',
              ),
              involved: { kind: 'Pod', namespace: 'kube-system', name: 'coredns-c' },
            },
          ],
        },
      },
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'notReady',
          data: { pod: 'kube-system/coredns-c', state: 'Pending, ContainerCreating' },
          nodes: ['n1'],
          pods: ['kube-system/coredns-c'],
          fix: [
            'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
            'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
            'Restart CoreDNS after the fix: kubectl rollout restart deployment -n kube-system coredns',
          ],
        },
      ],
    },
    {
      name: 'loop detected in the previous log (catalog classifies it)',
      evidence: {
        cluster: { pods: [coredns('coredns-b', false, { statuses: [{ name: 'coredns', init: false, image: 'registry.k8s.io/coredns/coredns:v1.11.1', ready: false, restartCount: 6, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationReason: 'Error', lastTerminationMessage: LOOP, lastExitCode: 1 }] })] },
      },
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'loop',
          data: { pod: 'kube-system/coredns-b', state: 'Running, CrashLoopBackOff, last exit Error, 6 restarts' },
          nodes: ['n1'],
          pods: ['kube-system/coredns-b'],
          fix: [
            'Point the kubelet at the real resolver list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml (or --resolv-conf), then systemctl restart kubelet and restart CoreDNS.',
            'Or forward CoreDNS to explicit upstreams: in the coredns ConfigMap replace "forward . /etc/resolv.conf" with "forward ." followed by the IPs of working resolvers.',
          ],
        },
      ],
    },
  ],
});
