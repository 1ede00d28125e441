import type { Condition } from '../../evidence/cluster.js';
import { node } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-node-ready.js';

const FLANNEL = { 'flannel.alpha.coreos.com/kube-subnet-manager': 'true' };
const withConds = (name: string, conditions: Condition[], annotations = FLANNEL) => node(name, { conditions, annotations, podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] });
const upCond: Condition = { type: 'NetworkUnavailable', status: 'False', reason: 'FlannelIsUp', message: 'Flannel is running on this node' };
const readyCond: Condition = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' };

testRule(rule, {
  healthy: [
    { name: 'Ready with flannel up', evidence: { cluster: { nodes: [withConds('n1', [upCond, readyCond]), withConds('n2', [upCond, readyCond])] } } },
    { name: 'no NetworkUnavailable condition at all (k3s)', evidence: { cluster: { nodes: [withConds('n1', [readyCond])] } } },
  ],
  faulty: [
    {
      name: 'containerd: cni plugin not initialized',
      evidence: {
        cluster: {
          nodes: [
            withConds('n1', [upCond, readyCond]),
            withConds('n2', [
              {
                type: 'Ready',
                status: 'False',
                reason: 'KubeletNotReady',
                message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
              },
            ]),
          ],
        },
      },
      expect: [
        {
          cause: 'cni.config-missing',
          messageId: 'cni',
          data: { node: 'n2', message: 'container runtime network not ready' },
          nodes: ['n2'],
          fix: [
            'Check that a flannel pod runs on the node: kubectl get pods -n kube-flannel -o wide --field-selector spec.nodeName=n2',
            'If it is missing, check the DaemonSet (tolerations, nodeSelector, image pull) and its events: kubectl describe ds -n kube-flannel kube-flannel-ds',
            'Confirm the file appears: ls /etc/cni/net.d/ (expect 10-flannel.conflist); restart containerd if it does not pick it up.',
          ],
        },
      ],
    },
    {
      name: 'dockershim era: cni config uninitialized',
      evidence: {
        cluster: {
          nodes: [withConds('n1', [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized' }])],
        },
      },
      expect: [
        {
          cause: 'cni.config-missing',
          messageId: 'cni',
          data: { node: 'n1', message: 'NetworkPluginNotReady' },
          nodes: ['n1'],
          fix: [
            'Check that a flannel pod runs on the node: kubectl get pods -n kube-flannel -o wide --field-selector spec.nodeName=n1',
            'If it is missing, check the DaemonSet (tolerations, nodeSelector, image pull) and its events: kubectl describe ds -n kube-flannel kube-flannel-ds',
            'Confirm the file appears: ls /etc/cni/net.d/ (expect 10-flannel.conflist); restart containerd if it does not pick it up.',
          ],
        },
      ],
    },
    {
      name: 'kubelet stopped posting status',
      evidence: { cluster: { nodes: [withConds('n3', [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }])] } },
      expect: [
        {
          cause: 'node.not-ready',
          messageId: 'notReady',
          data: { node: 'n3', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
          nodes: ['n3'],
          fix: [
            'Read the condition message: kubectl describe node n3 | sed -n "/Conditions/,/Addresses/p"',
            'On the node: systemctl status kubelet containerd; journalctl -u kubelet --since -10m',
            "If the kubelet exits at start-up, its last \"failed to run Kubelet\" line says why: swap on (swapoff -a and drop the swap line from /etc/fstab, or set failSwapOn: false), or a cgroup driver different from the runtime's (cgroupDriver in /var/lib/kubelet/config.yaml must match SystemdCgroup in containerd's config.toml).",
            'If the message says the network plugin is not ready, fix the CNI cause (cni.config-missing).',
          ],
        },
      ],
    },
    {
      name: 'NetworkUnavailable=True while flannel has not come up',
      evidence: { cluster: { nodes: [withConds('n2', [{ type: 'NetworkUnavailable', status: 'True', reason: 'NoRouteCreated', message: 'Node created without a route' }, readyCond])] } },
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'networkUnavailable',
          data: { node: 'n2', reason: 'NoRouteCreated' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            'Find the flannel pods and their state: kubectl get pods -n kube-flannel -l app=flannel -o wide',
            'Read why it stops: kubectl logs -n kube-flannel -l app=flannel -c kube-flannel --tail=50 --previous, and the pod events (OOMKilled, image pull): kubectl get events -n kube-flannel --field-selector involvedObject.kind=Pod',
            'Fix the cause it names (podCIDR, RBAC, net-conf.json, br_netfilter, image access), or raise the memory limit if it is OOMKilled.',
          ],
        },
      ],
    },
    {
      name: 'cni.config-invalid: the runtime found no valid network in the CNI config dir',
      evidence: {
        cluster: {
          nodes: [withConds('n2', [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Unable to update cni config: no valid networks found in /etc/cni/net.d' }])],
        },
      },
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'cni',
          data: { node: 'n2', message: 'no valid networks found in' },
          nodes: ['n2'],
          fix: [
            "List the files: ls -l /etc/cni/net.d/ and move away every config that is not flannel's (e.g. leftovers of calico or weave).",
            'Validate the JSON: jq . /etc/cni/net.d/10-flannel.conflist, and compare it with the kube-flannel-cfg ConfigMap key cni-conf.json.',
            'Use a cniVersion the installed plugins support (0.3.1 in the stock manifest) and restart the flannel pod to rewrite the file.',
          ],
        },
      ],
    },
  ],
});
