import type { RawLogLine } from '../../evidence/node.js';
import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './log-signals.js';

const FLANNEL_LOG = '/var/log/pods/kube-flannel_kube-flannel-ds-x7k2q_0d1c/kube-flannel/3.log';
/** A raw flanneld line; the engine judges it (the cause named in each case is what the catalog finds). */
const line = (text: string, count = 1, extra: Partial<RawLogLine> = {}): RawLogLine => ({ file: FLANNEL_LOG, line: 12, text, count, component: 'flanneld', ...extra });
const NO_CIDR = line('E1127 12:00:01.123456       1 main.go:332] Error registering network: failed to acquire lease: node "n2" pod cidr not assigned', 6);
const RBAC = line('E1127 12:00:03.000001       1 reflector.go:147] Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes" in API group "" at the cluster scope', 40);

testRule(rule, {
  healthy: [
    { name: 'no classified lines', evidence: healthy() },
    { name: 'old "pod cidr not assigned" while flannel now runs', evidence: breakNode('n2', (n) => (n.logs = [NO_CIDR])) },
    {
      name: 'an RBAC denial followed by a later, now-fixed flannel error is history',
      evidence: breakNode('n2', (n) => (n.logs = [{ ...RBAC, file: '/var/log/flanneld.log', line: 10 }, line('E1127 16:51:21.053000       1 main.go:333] Failed to create SubnetManager: error parsing subnet config: invalid character', 1, { file: '/var/log/flanneld.log', line: 30 })])),
    },
    { name: 'a line no signature names', evidence: breakNode('n1', (n) => (n.logs = [line('E1127 12:00:03.000001       1 main.go:100] Failed to do something no signature knows', 40)])) },
    {
      name: 'containerd socket refused at boot, node Ready now',
      evidence: breakNode('n3', (n) => (n.logs = [line('failed to get container status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused"', 3, { component: 'kubelet', file: '/var/log/kubelet.log' })])),
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
          line('E1127 16:50:31.969000       1 main.go:370] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "10.245.2.0/24" PodCIDR of the "n2" node', 1, { line: 40, file: '/var/log/flanneld.log' }),
          { ...NO_CIDR, file: '/var/log/flanneld.log', line: 52 },
        ];
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'seen',
          data: { node: 'n2', component: 'flanneld', cause: 'flannel.no-pod-cidr', count: 6, plural: 's', text: 'E1127 12:00:01.123456       1 main.go:332] Error registering network: failed to acquire lease: node "n2" pod cidr not assigned' },
          nodes: ['n2'],
          severity: 'error',
          fix: [
            'Enable CIDR allocation: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm: networking.podSubnet / --pod-network-cidr=10.244.0.0/16).',
            "Or set the node's CIDR by hand (only while it is empty): kubectl patch node n2 -p '{\"spec\":{\"podCIDR\":\"10.244.5.0/24\",\"podCIDRs\":[\"10.244.5.0/24\"]}}'",
            'Restart the flannel pod on the node: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
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
      expect: [
        {
          cause: 'flannel.rbac',
          messageId: 'seen',
          data: { node: 'n3', component: 'flanneld', cause: 'flannel.rbac', count: 40, plural: 's', text: 'E1127 12:00:03.000001       1 reflector.go:147] Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flann…' },
          nodes: ['n3'],
          severity: 'error',
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
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'seen',
          data: { node: 'n2', component: 'flanneld', cause: 'flannel.no-pod-cidr', count: 6, plural: 's', text: 'E1127 12:00:01.123456       1 main.go:332] Error registering network: failed to acquire lease: node "n2" pod cidr not assigned' },
          nodes: ['n2'],
          severity: 'error',
          fix: [
            'Enable CIDR allocation: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm: networking.podSubnet / --pod-network-cidr=10.244.0.0/16).',
            "Or set the node's CIDR by hand (only while it is empty): kubectl patch node n2 -p '{\"spec\":{\"podCIDR\":\"10.244.5.0/24\",\"podCIDRs\":[\"10.244.5.0/24\"]}}'",
            'Restart the flannel pod on the node: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'RBAC denial repeating while flannel runs',
      evidence: breakNode('n1', (n) => (n.logs = [RBAC])),
      expect: [
        {
          cause: 'flannel.rbac',
          messageId: 'seen',
          data: { node: 'n1', component: 'flanneld', cause: 'flannel.rbac', count: 40, plural: 's', text: 'E1127 12:00:03.000001       1 reflector.go:147] Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flann…' },
          nodes: ['n1'],
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
      name: 'flannel.network-mismatch: flanneld is down on n2 and its last error says the Network does not contain the podCIDR',
      evidence: breakNode('n2', (n) => {
        n.subnetEnv = undefined;
        n.logs = [line('E1127 16:50:31.969000       1 main.go:370] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "10.245.1.0/24" PodCIDR of the "n2" node', 2, { file: '/var/log/flanneld.log', line: 40 })];
      }),
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'seen',
          data: { node: 'n2', component: 'flanneld', cause: 'flannel.network-mismatch', count: 2, plural: 's', text: 'E1127 16:50:31.969000       1 main.go:370] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doe…' },
          nodes: ['n2'],
          severity: 'error',
          fix: [
            "Compare: kubectl get cm -n kube-flannel kube-flannel-cfg -o jsonpath=\"{.data.net-conf\\.json}\" with kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR",
            'Set Network to the cluster CIDR (kube-controller-manager --cluster-cidr) in the kube-flannel-cfg ConfigMap, then restart the DaemonSet: kubectl rollout restart ds -n kube-flannel kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'flannel.config-invalid: flanneld is down on n2 and its last error says net-conf.json does not parse',
      evidence: breakNode('n2', (n) => {
        n.subnetEnv = undefined;
        n.logs = [line('E1127 16:51:21.053000       1 main.go:333] Failed to create SubnetManager: error parsing subnet config: invalid character \'}\' looking for beginning of object key string', 2, { file: '/var/log/flanneld.log', line: 40 })];
      }),
      expect: [
        {
          cause: 'flannel.config-invalid',
          messageId: 'seen',
          data: { node: 'n2', component: 'flanneld', cause: 'flannel.config-invalid', count: 2, plural: 's', text: "E1127 16:51:21.053000       1 main.go:333] Failed to create SubnetManager: error parsing subnet config: invalid character '}' looking for beginning of object…" },
          nodes: ['n2'],
          severity: 'error',
          fix: [
            "Show it: kubectl get cm -n kube-flannel kube-flannel-cfg -o jsonpath=\"{.data.net-conf\\.json}\" | jq .",
            'Fix it to the documented form: {"Network": "10.244.0.0/16", "EnableNFTables": false, "Backend": {"Type": "vxlan"}}',
            'Restart flannel: kubectl rollout restart ds -n kube-flannel kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'flannel.backend-unsupported: flanneld is down on n2 and its last error says the kernel cannot create the VXLAN device',
      evidence: breakNode('n2', (n) => {
        n.subnetEnv = undefined;
        n.logs = [line('E1127 16:52:00.000000       1 main.go:370] Error registering network: failed to create vxlan device: operation not supported', 2, { file: '/var/log/flanneld.log', line: 40 })];
      }),
      expect: [
        {
          cause: 'flannel.backend-unsupported',
          messageId: 'seen',
          data: { node: 'n2', component: 'flanneld', cause: 'flannel.backend-unsupported', count: 2, plural: 's', text: 'E1127 16:52:00.000000       1 main.go:370] Error registering network: failed to create vxlan device: operation not supported' },
          nodes: ['n2'],
          severity: 'error',
          fix: [
            'For vxlan, load the module on n2: test -d /sys/module/vxlan || modprobe vxlan',
            'If the vxlan module is not found, install the kernel extras (e.g. linux-modules-extra-raspi on Raspberry Pi Ubuntu).',
            'For host-gw across routers or NAT, switch the backend to vxlan in net-conf.json and restart flannel.',
          ],
        },
      ],
    },
    {
      name: 'runtime.unavailable: containerd refuses kubelet and the node is NotReady',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[2].conditions = [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' }]));
        e.nodes!.find((n) => n.name === 'n3')!.logs = [line('failed to get container status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused"', 3, { component: 'kubelet', file: '/var/log/kubelet.log' })];
        return e;
      })(),
      expect: [
        {
          cause: 'runtime.unavailable',
          messageId: 'seen',
          data: { node: 'n3', component: 'kubelet', cause: 'runtime.unavailable', count: 3, plural: 's', text: 'failed to get container status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/conta…' },
          nodes: ['n3'],
          fix: [
            'Check why it stopped: systemctl status containerd; journalctl -u containerd --since -10m',
            'Start containerd again on the node; the kubelet reconnects to its socket by itself: systemctl restart containerd',
            'If the CRI plugin is disabled, remove "cri" from disabled_plugins in /etc/containerd/config.toml (or regenerate it: containerd config default > /etc/containerd/config.toml) and restart containerd.',
            "Check that the kubelet's --container-runtime-endpoint matches the socket (unix:///run/containerd/containerd.sock).",
          ],
        },
      ],
    },
    {
      // The signature reads a handler the node's runtime does not define: the fix is its subject's (define the
      // handler, install its shim), not the cause's "restart containerd".
      name: "runtime.unavailable read by a signature with a subject: the finding's fix is the subject's",
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[2].conditions = [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'PLEG is not healthy' }]));
        e.nodes!.find((n) => n.name === 'n3')!.logs = [line('E1127 12:00:09.000001    2101 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to get sandbox runtime: no runtime for \\"kata-qemu\\" is configured"', 5, { component: 'kubelet', file: '/var/log/kubelet.log' })];
        return e;
      })(),
      expect: [
        {
          cause: 'runtime.unavailable',
          messageId: 'seen',
          data: { node: 'n3', component: 'kubelet', cause: 'runtime.unavailable', count: 5, plural: 's', text: 'E1127 12:00:09.000001    2101 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to get sandbox runtime: no runtime for \\"kata-qemu\\" is configured"' },
          nodes: ['n3'],
          fix: [
            'Find the handler the pod needs: kubectl get runtimeclass <name> -o jsonpath={.handler} (Docker: the --runtime name).',
            'Define it in the node\'s runtime config (containerd: [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>] with its runtime_type; CRI-O: [crio.runtime.runtimes.<handler>]; Docker: a "runtimes" entry in /etc/docker/daemon.json) and restart the runtime.',
            'Install the handler\'s shim on that node\'s PATH (containerd-shim-<name>-v<n>), of a release that matches the runtime\'s; or keep such pods off nodes without it (the RuntimeClass\'s scheduling.nodeSelector).',
          ],
        },
      ],
    },
  ],
});
