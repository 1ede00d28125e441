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
    {
      // the node controller marks the pods of a silent node NotReady; their containers still run
      name: "n2's kubelet stopped posting status: its flannel pod, marked NotReady by the node controller, is the node's finding",
      evidence: {
        cluster: {
          nodes: [NODES[0]!, { ...NODES[1]!, conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }] }, NODES[2]!],
          workloads: [DS],
          pods: [healthyPods[0]!, { ...healthyPods[1]!, conditions: [{ type: 'Ready', status: 'False' }] }, healthyPods[2]!],
        },
      },
    },
  ],
  faulty: [
    {
      name: 'own image pull failing on n2',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], fl('d4e5f', 'n2', { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${IMG}"` }), healthyPods[2]] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'pullFailing',
          data: { pod: 'kube-flannel/kube-flannel-ds-d4e5f', node: 'n2', state: 'waiting ImagePullBackOff', image: 'ghcr.io/flannel-io/flannel:v0.28.9' },
          nodes: ['n2'],
          pods: ['kube-flannel/kube-flannel-ds-d4e5f'],
          fix: [
            "flannel's own image ghcr.io/flannel-io/flannel:v0.28.9 cannot be pulled on n2: see the image/registry finding for that node, or pre-load the image (ctr -n k8s.io images import) and keep imagePullPolicy IfNotPresent.",
          ],
        },
      ],
    },
    {
      name: 'OOMKilled',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [fl('a1b2c', 'n1', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 9, lastTerminationReason: 'OOMKilled', lastExitCode: 137 }), healthyPods[1], healthyPods[2]] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'oom',
          data: { pod: 'kube-flannel/kube-flannel-ds-a1b2c', node: 'n1', state: 'waiting CrashLoopBackOff, 9 restarts, last exit OOMKilled (137)', limit: 'unset' },
          nodes: ['n1'],
          pods: ['kube-flannel/kube-flannel-ds-a1b2c'],
          fix: [
            "Raise the kube-flannel container's memory limit (limits.memory, now unset) in the DaemonSet; large clusters need more than the manifest's 50Mi request.",
          ],
        },
      ],
    },
    {
      name: 'crash-looping on a node without podCIDR (no log collected)',
      evidence: {
        cluster: { nodes: [NODES[0], NODES[1], n('n3')], workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 14, lastTerminationReason: 'Error', lastExitCode: 1 })] },
      },
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 14 restarts, last exit Error (1)', matched: 'node n3 has no podCIDR' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            'Enable CIDR allocation: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm: networking.podSubnet / --pod-network-cidr=10.244.0.0/16).',
            "Or set the node's CIDR by hand (only while it is empty): kubectl patch node n3 -p '{\"spec\":{\"podCIDR\":\"10.244.5.0/24\",\"podCIDRs\":[\"10.244.5.0/24\"]}}'",
            'Restart the flannel pod on the node: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
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
      expect: [
        {
          cause: 'flannel.rbac',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'running', matched: 'User "system:serviceaccount:kube-flannel:flannel" cannot' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            'Check the permissions: kubectl auth can-i list nodes --as=system:serviceaccount:kube-flannel:flannel',
            'Bind the ClusterRole flannel to the ServiceAccount the DaemonSet runs as, in the namespace it runs in (the ClusterRoleBinding of the flannel manifest): kubectl create clusterrolebinding flannel --clusterrole=flannel --serviceaccount=kube-flannel:flannel --dry-run=client -o yaml | kubectl apply -f -',
            'If the ClusterRole itself is missing or lacks rules, re-apply it from the flannel manifest of your version.',
            'Restart flannel on every node: a crash-looping flanneld would otherwise wait out its back-off: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'crash-looping for an unknown reason',
      evidence: { cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 3, lastTerminationReason: 'Error', lastExitCode: 2 })] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'notReady',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 3 restarts, last exit Error (2)' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            'Read why it stops: kubectl -n kube-flannel logs kube-flannel-ds-g7h8i -c kube-flannel --previous',
            'kubectl -n kube-flannel describe pod kube-flannel-ds-g7h8i',
          ],
        },
      ],
    },
    {
      name: 'no flannel pod on a NoExecute-tainted node',
      evidence: { cluster: { nodes: [NODES[0], NODES[1], { ...NODES[2], taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }], workloads: [DS], pods: [healthyPods[0], healthyPods[1]] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'missing',
          data: { node: 'n3', why: ' (taint dedicated=gpu:NoExecute is not tolerated)' },
          nodes: ['n3'],
          fix: [
            'Add a toleration {operator: Exists, effect: NoExecute} to the flannel DaemonSet, or remove the taint from n3.',
          ],
        },
      ],
    },
    {
      name: "the DaemonSet's node affinity names n3 in a NotIn: an exact JSON patch lets n3 run flannel again",
      evidence: {
        cluster: {
          nodes: NODES,
          workloads: [{ ...DS, nodeAffinity: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n3'] }], matchFields: [] }] }],
          pods: [healthyPods[0], healthyPods[1]],
        },
      },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'missing',
          data: { node: 'n3', why: " (the DaemonSet's node selection excludes it: kubernetes.io/hostname NotIn [n3])" },
          nodes: ['n3'],
          fix: [
            `Let the node n3 run flannel again: drop it from kubernetes.io/hostname NotIn [n3] in DaemonSet kube-flannel/kube-flannel-ds: kubectl -n kube-flannel patch daemonset kube-flannel-ds --type json -p '[{"op":"test","path":"/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/1","value":{"key":"kubernetes.io/hostname","operator":"NotIn","values":["n3"]}},{"op":"remove","path":"/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/1"}]'`,
          ],
        },
      ],
    },
    {
      name: 'a nodeSelector label n3 lacks: said, with the label, but no patch is guessed',
      evidence: { cluster: { nodes: NODES, workloads: [{ ...DS, nodeSelector: { 'flannel/enabled': 'true' } }], pods: [healthyPods[0], healthyPods[1]] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'missing',
          data: { node: 'n3', why: " (the DaemonSet's node selection excludes it: nodeSelector flannel/enabled=true (node has no label flannel/enabled))" },
          nodes: ['n3'],
          fix: [
            "Every Linux node needs flannel: change the DaemonSet's nodeSelector or node affinity so that n3 qualifies (nodeSelector flannel/enabled=true (node has no label flannel/enabled)), or give n3 the labels it asks for.",
          ],
        },
      ],
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
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'missing',
          data: { node: 'n3', why: ' (no DaemonSet kube-flannel-ds-arm64 for its architecture arm64)' },
          nodes: ['n3'],
          fix: [
            'This flannel release ships one DaemonSet per architecture: apply its kube-flannel-ds-arm64, or better upgrade to a current multi-arch manifest (one DaemonSet kube-flannel-ds).',
          ],
        },
      ],
    },
    {
      name: 'pods not readable in detail, DaemonSet short',
      evidence: { cluster: { nodes: NODES, workloads: [{ ...DS, ready: 1 }] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'dsShort',
          data: { ds: 'kube-flannel/kube-flannel-ds', ready: 1, desired: 3 },
          fix: [
            'Find the flannel pods and their state: kubectl get pods -n kube-flannel -l app=flannel -o wide',
            'Read why it stops: kubectl logs -n kube-flannel -l app=flannel -c kube-flannel --tail=50 --previous, and the pod events (OOMKilled, image pull): kubectl get events -n kube-flannel --field-selector involvedObject.kind=Pod',
            'Fix the cause it names (podCIDR, RBAC, net-conf.json, br_netfilter, image access), or raise the memory limit if it is OOMKilled.',
          ],
        },
      ],
    },
    {
      name: 'flannel.config-invalid: crash-looping, its last log line: net-conf.json names a backend that does not exist',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 4, lastTerminationReason: 'Error', lastExitCode: 1 })] },
        messages: [{ text: 'E1127 10:02:11.123456       1 main.go:332] Error fetching backend: unknown backend type: vxlna', where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:12', pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3' }],
      },
      expect: [
        {
          cause: 'flannel.config-invalid',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 4 restarts, last exit Error (1)', matched: 'Error fetching backend' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            "Show it: kubectl get cm -n kube-flannel kube-flannel-cfg -o jsonpath=\"{.data.net-conf\\.json}\" | jq .",
            'Fix it to the documented form: {"Network": "10.244.0.0/16", "EnableNFTables": false, "Backend": {"Type": "vxlan"}}',
            'Restart flannel: kubectl rollout restart ds -n kube-flannel kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'flannel.network-mismatch: crash-looping, its last log line: the node podCIDR lies outside the flannel Network',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 4, lastTerminationReason: 'Error', lastExitCode: 1 })] },
        messages: [{ text: 'E1127 10:02:11.123456       1 main.go:332] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "192.168.1.0/24" PodCIDR of the "n3" node', where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:12', pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3' }],
      },
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 4 restarts, last exit Error (1)', matched: "specified in the flannel net config doesn't contain" },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            "Compare: kubectl get cm -n kube-flannel kube-flannel-cfg -o jsonpath=\"{.data.net-conf\\.json}\" with kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR",
            'Set Network to the cluster CIDR (kube-controller-manager --cluster-cidr) in the kube-flannel-cfg ConfigMap, then restart the DaemonSet: kubectl rollout restart ds -n kube-flannel kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'flannel.wrong-iface: crash-looping, its last log line: no interface matches --iface',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 4, lastTerminationReason: 'Error', lastExitCode: 1 })] },
        messages: [{ text: 'E1127 10:02:11.123456       1 main.go:332] Could not find valid interface matching eth1: failed to find IPv4 address for interface eth1', where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:12', pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3' }],
      },
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 4 restarts, last exit Error (1)', matched: 'Could not find valid interface matching' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            "Tell flannel which interface to use: add --iface with the NIC on the node network (or --iface-can-reach with another node's IP) to the kube-flannel container args in the DaemonSet.",
            'Or annotate the node with the address other nodes reach it at: kubectl annotate node n3 flannel.alpha.coreos.com/public-ip-overwrite=192.168.56.10',
            'Restart the flannel pod on the node; the public IP is fixed at start: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'flannel.backend-unsupported: crash-looping, its last log line: the kernel cannot create the VXLAN device',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 4, lastTerminationReason: 'Error', lastExitCode: 1 })] },
        messages: [{ text: 'E1127 10:02:11.123456       1 main.go:332] Error registering network: failed to create vxlan device: operation not supported', where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:12', pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3' }],
      },
      expect: [
        {
          cause: 'flannel.backend-unsupported',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 4 restarts, last exit Error (1)', matched: 'failed to create vxlan device' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            'For vxlan, load the module on n3: test -d /sys/module/vxlan || modprobe vxlan',
            'If the vxlan module is not found, install the kernel extras (e.g. linux-modules-extra-raspi on Raspberry Pi Ubuntu).',
            'For host-gw across routers or NAT, switch the backend to vxlan in net-conf.json and restart flannel.',
          ],
        },
      ],
    },
    {
      name: 'node.br-netfilter: crash-looping, its last log line: br_netfilter is not loaded',
      evidence: {
        cluster: { nodes: NODES, workloads: [DS], pods: [healthyPods[0], healthyPods[1], fl('g7h8i', 'n3', { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 4, lastTerminationReason: 'Error', lastExitCode: 1 })] },
        messages: [{ text: 'E1127 10:02:11.123456       1 main.go:332] Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory', where: 'bundle pods/logs/kube-flannel/kube-flannel-ds-g7h8i/kube-flannel.log:12', pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3' }],
      },
      expect: [
        {
          cause: 'node.br-netfilter',
          messageId: 'crashCause',
          data: { pod: 'kube-flannel/kube-flannel-ds-g7h8i', node: 'n3', state: 'waiting CrashLoopBackOff, 4 restarts, last exit Error (1)', matched: 'Failed to check br_netfilter' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-g7h8i'],
          fix: [
            'On n3: load the br_netfilter kernel module: test -d /sys/module/br_netfilter || modprobe br_netfilter',
            'On n3: set net.bridge.bridge-nf-call-iptables = 1 in the running kernel: sysctl -w net.bridge.bridge-nf-call-iptables=1',
            'Load br_netfilter at every boot, from a file of its own: echo br_netfilter > /etc/modules-load.d/flannel-doctor-br_netfilter.conf',
            "Persist net.bridge.bridge-nf-call-iptables = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.bridge.bridge-nf-call-iptables 1 > /etc/sysctl.d/90-flannel-doctor-net.bridge.bridge-nf-call-iptables.conf && sysctl --system",
          ],
        },
      ],
    },
  ],
});
