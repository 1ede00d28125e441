import type { ConfigMapInfo } from '../../evidence/cluster.js';
import { node } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-network-mismatch.js';

const cm = (network: string): ConfigMapInfo => ({ namespace: 'kube-flannel', name: 'kube-flannel-cfg', data: { 'net-conf.json': `{"Network": "${network}", "Backend": {"Type": "vxlan"}}` } });
const kubeadm = (podSubnet: string): ConfigMapInfo => ({
  namespace: 'kube-system',
  name: 'kubeadm-config',
  data: { ClusterConfiguration: `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: ${podSubnet}\n  serviceSubnet: 10.96.0.0/12\n` },
});
const n = (name: string, cidr: string) => node(name, { podCIDR: cidr, podCIDRs: [cidr] });

testRule(rule, {
  healthy: [
    { name: 'podCIDRs inside Network', evidence: { cluster: { configMaps: [cm('10.244.0.0/16'), kubeadm('10.244.0.0/16')], nodes: [n('n1', '10.244.0.0/24'), n('n2', '10.244.1.0/24')] } } },
    { name: 'dual-stack node: the IPv6 podCIDR is not compared with Network', evidence: { cluster: { configMaps: [cm('10.244.0.0/16')], nodes: [node('n1', { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24', 'fd00:10:244::/64'] })] } } },
    { name: 'node without podCIDR is another rule\'s finding', evidence: { cluster: { configMaps: [cm('10.244.0.0/16')], nodes: [node('n1')] } } },
    { name: 'no flannel ConfigMap', evidence: { cluster: { nodes: [n('n1', '10.42.0.0/24')] } } },
  ],
  faulty: [
    {
      name: 'cluster built with --pod-network-cidr=192.168.0.0/16, flannel left at the default',
      evidence: { cluster: { configMaps: [cm('10.244.0.0/16'), kubeadm('192.168.0.0/16')], nodes: [n('n1', '192.168.0.0/24'), n('n2', '192.168.1.0/24')] } },
      expect: [
        {
          cause: 'flannel.network-mismatch',
          messageId: 'podSubnet',
          data: { podSubnet: '192.168.0.0/16', network: '10.244.0.0/16' },
          fix: [
            "Set Network to 192.168.0.0/16 (kubeadm-config podSubnet; it holds every node's podCIDR) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"192.168.0.0/16\\\",\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Changing the cluster-wide network needs downtime: pods keep their old addresses until recreated.',
          ],
        },
        {
          cause: 'flannel.network-mismatch',
          messageId: 'outside',
          data: { node: 'n1', podCidr: '192.168.0.0/24', network: '10.244.0.0/16' },
          nodes: ['n1'],
          fix: [
            "Set Network to 192.168.0.0/16 (kubeadm-config podSubnet; it holds every node's podCIDR) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"192.168.0.0/16\\\",\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Changing the cluster-wide network needs downtime: pods keep their old addresses until recreated.',
          ],
        },
        {
          cause: 'flannel.network-mismatch',
          messageId: 'outside',
          data: { node: 'n2', podCidr: '192.168.1.0/24', network: '10.244.0.0/16' },
          nodes: ['n2'],
          fix: [
            "Set Network to 192.168.0.0/16 (kubeadm-config podSubnet; it holds every node's podCIDR) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"192.168.0.0/16\\\",\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Changing the cluster-wide network needs downtime: pods keep their old addresses until recreated.',
          ],
        },
      ],
    },
    { name: 'one node re-joined with another CIDR', evidence: { cluster: { configMaps: [cm('10.244.0.0/16')], nodes: [n('n1', '10.244.0.0/24'), n('n3', '10.245.0.0/24')] } }, expect: [
      {
        cause: 'flannel.network-mismatch',
        messageId: 'outside',
        data: { node: 'n3', podCidr: '10.245.0.0/24', network: '10.244.0.0/16' },
        nodes: ['n3'],
        fix: [
          'Make the two agree: either set "Network" in ConfigMap kube-flannel/kube-flannel-cfg to the cluster pod CIDR (kube-controller-manager --cluster-cidr, kubeadm networking.podSubnet) and restart the flannel DaemonSet, or give node n3 a podCIDR inside 10.244.0.0/16 (remove and re-join it after fixing --cluster-cidr).',
          'Changing the cluster-wide network needs downtime: pods keep their old addresses until recreated.',
        ],
      },
    ] },
  ],
});
