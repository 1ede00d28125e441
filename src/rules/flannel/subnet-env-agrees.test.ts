import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './subnet-env-agrees.js';

testRule(rule, {
  healthy: [
    { name: 'healthy cluster', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
  ],
  faulty: [
    {
      name: 'node only: flannel.1 holds another lease than subnet.env',
      evidence: breakNode('n2', (n) => (link(n, 'flannel.1').addresses = [{ family: 'inet', local: '10.244.7.0', prefixlen: 32 }]), { cluster: false }),
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'vtep',
          data: { node: 'n2', vtepAddr: '10.244.7.0/32', subnet: '10.244.1.1/24' },
          nodes: ['n2'],
          fix: [
            'Restart flannel on n2 so it rewrites /run/flannel/subnet.env: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'stale subnet.env after the node got a new podCIDR',
      evidence: breakCluster((c) => {
        c.nodes[1].podCIDR = '10.244.5.0/24';
        c.nodes[1].podCIDRs = ['10.244.5.0/24'];
      }),
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'podCidr',
          data: { node: 'n2', subnet: '10.244.1.1/24', podCIDR: '10.244.5.0/24' },
          nodes: ['n2'],
          fix: [
            'Restart flannel on n2 so it rewrites /run/flannel/subnet.env: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
            'Then delete cni0 on n2 so the bridge takes the new gateway 10.244.5.1/24: ip link set cni0 down && ip link delete cni0',
            'Re-create the pods on n2: kubectl get pods -A -o wide --field-selector spec.nodeName=n2',
          ],
          steps: [
            {
              text: 'Restart flannel on n2 so it rewrites /run/flannel/subnet.env',
              on: 'cluster',
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n2 --for=condition=Ready --timeout=120s',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
            },
            {
              text: 'Then delete cni0 on n2 so the bridge takes the new gateway 10.244.5.1/24',
              on: 'node',
              run: 'ip link set cni0 down && ip link delete cni0',
              verify: "! ip -4 -o addr show dev cni0 2>/dev/null | grep -v -F 'inet 10.244.5.1/24 ' | grep -q inet",
            },
            { text: 'Re-create the pods on n2', on: 'cluster', run: 'kubectl get pods -A -o wide --field-selector spec.nodeName=n2', manual: "which pods to delete is the operator's choice" },
          ],
        },
      ],
    },
    {
      name: 'FLANNEL_NETWORK differs from net-conf.json',
      evidence: breakNode('n1', (n) => (n.subnetEnv!.network = '10.200.0.0/16'), { cluster: false }),
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'network',
          data: { node: 'n1', network: '10.200.0.0/16', confNetwork: '10.244.0.0/16' },
          nodes: ['n1'],
          fix: [
            'Restart flannel on n1 so it rewrites /run/flannel/subnet.env: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
    {
      name: 'subnet outside Network without net-conf',
      evidence: breakNode('n3', (n) => {
        n.netConf = undefined;
        n.subnetEnv!.subnet = '100.244.0.1/24';
        link(n, 'flannel.1').addresses = [{ family: 'inet', local: '100.244.0.0', prefixlen: 32 }];
      }, { cluster: false }),
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'outside',
          data: { node: 'n3', subnet: '100.244.0.1/24', network: '10.244.0.0/16' },
          nodes: ['n3'],
          fix: [
            'Make net-conf.json Network (kube-flannel-cfg ConfigMap) contain every node podCIDR (the cluster CIDR, kubeadm --pod-network-cidr)',
            'Restart flannel on n3 so it rewrites /run/flannel/subnet.env: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
  ],
});
