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
      expect: [{ cause: 'cni.config-missing', nodes: ['n2'] }],
    },
    {
      name: 'dockershim era: cni config uninitialized',
      evidence: {
        cluster: {
          nodes: [withConds('n1', [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized' }])],
        },
      },
      expect: [{ cause: 'cni.config-missing', nodes: ['n1'] }],
    },
    {
      name: 'kubelet stopped posting status',
      evidence: { cluster: { nodes: [withConds('n3', [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }])] } },
      expect: [{ cause: 'node.not-ready', nodes: ['n3'], messageIncludes: 'NodeStatusUnknown' }],
    },
    {
      name: 'NetworkUnavailable=True while flannel has not come up',
      evidence: { cluster: { nodes: [withConds('n2', [{ type: 'NetworkUnavailable', status: 'True', reason: 'NoRouteCreated', message: 'Node created without a route' }, readyCond])] } },
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n2'], severity: 'warning' }],
    },
  ],
});
