import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './subnet-env.js';
import { pod } from '../image/_fixtures.js';

testRule(rule, {
  healthy: [
    { name: 'subnet.env on every node', evidence: healthy() },
    { name: 'ipmasq false is still complete', evidence: breakNode('n1', (n) => (n.subnetEnv!.ipmasq = false)) },
  ],
  faulty: [
    {
      name: 'file absent after reboot',
      evidence: breakNode('n2', (n) => (n.subnetEnv = undefined)),
      expect: [
        {
          cause: 'cni.subnet-env-missing',
          messageId: 'missing',
          data: { node: 'n2', file: '/run/flannel/subnet.env' },
          nodes: ['n2'],
          fix: [
            'Find the flannel pod on n2: kubectl -n kube-flannel get pods -o wide --field-selector spec.nodeName=n2',
            'Read why it is not running: kubectl -n kube-flannel logs <pod> -c kube-flannel (look for "pod cidr not assigned", "forbidden", "Failed to check br_netfilter")',
            'Once flanneld runs it writes the file and pods stuck in ContainerCreating recover by themselves',
          ],
        },
      ],
    },
    {
      name: 'file removed while flannel runs Ready on the node: it is written again when flanneld starts',
      evidence: (() => {
        const e = breakNode('n2', (n) => (n.subnetEnv = undefined));
        e.cluster!.pods!.push(pod('kube-flannel/kube-flannel-ds-x7k2p', 'ghcr.io/flannel-io/flannel:v0.28.9', { node: 'n2', labels: { app: 'flannel' }, container: 'kube-flannel' }));
        return e;
      })(),
      expect: [
        {
          cause: 'cni.subnet-env-missing',
          messageId: 'missing',
          data: { node: 'n2', file: '/run/flannel/subnet.env' },
          nodes: ['n2'],
          fix: [
            'Restart flannel on n2: flanneld writes /run/flannel/subnet.env when it starts, and pods stuck in ContainerCreating then recover by themselves: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'FLANNEL_MTU missing',
      evidence: breakNode('n3', (n) => (n.subnetEnv!.mtu = undefined)),
      expect: [
        {
          cause: 'cni.subnet-env-missing',
          messageId: 'incomplete',
          data: { node: 'n3', file: '/run/flannel/subnet.env', keys: 'FLANNEL_MTU' },
          nodes: ['n3'],
          fix: [
            'Restart flannel on n3 so it rewrites the file: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
  ],
});
