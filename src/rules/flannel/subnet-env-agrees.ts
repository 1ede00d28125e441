import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { cidrContains, gatewayCidr, ipInCidr, networkCidr, sameNetwork } from '../_cidr.js';
import { clusterNode, confNetwork, vxlanLink } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

export default defineRule({
  id: 'flannel/subnet-env-agrees',
  layer: 'flannel',
  description:
    "subnet.env must agree with the cluster: FLANNEL_SUBNET is the node's podCIDR, FLANNEL_NETWORK is net-conf.json's Network, and the subnet lies inside the Network.",
  causes: ['flannel.network-mismatch'],
  scope: 'node',
  needs: ['node.subnetEnv'],
  severity: 'error',
  messages: {
    podCidr: "node {node}: subnet.env FLANNEL_SUBNET {subnet} is not the node's podCIDR {podCIDR}",
    network: 'node {node}: subnet.env FLANNEL_NETWORK {network} differs from net-conf.json Network {confNetwork}',
    outside: 'node {node}: subnet.env FLANNEL_SUBNET {subnet} lies outside FLANNEL_NETWORK {network}',
    vtep: 'node {node}: flannel.1 carries {vtepAddr}, the lease of another subnet than subnet.env FLANNEL_SUBNET {subnet}',
  },
  docs: 'A stale subnet.env (node re-joined with a new podCIDR, flanneld not restarted) or an old flanneld that wrote a subnet outside Network (flannel-io/flannel#1428) makes the CNI plugin hand out addresses other nodes do not route to (facts §1.7, §10.6).',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.network-mismatch');
    const env = node.subnetEnv;
    if (!env?.subnet) return;
    const where = `node ${node.name}: ${env.file}`;
    const restart = restartFlannel(node.name, `Restart flannel on ${node.name} so it rewrites ${env.file}`);
    const cn = clusterNode(evidence, node.name);
    const podCIDR = cn?.podCIDR ?? cn?.podCIDRs[0];
    if (podCIDR && !sameNetwork(env.subnet, podCIDR)) {
      report({
        messageId: 'podCidr',
        data: { node: node.name, subnet: env.subnet, podCIDR },
        evidence: [{ where, what: `FLANNEL_SUBNET=${env.subnet}` }, { where: `node ${node.name} spec.podCIDR`, what: podCIDR }],
        fix: [
          restart,
          ...(gatewayCidr(podCIDR) ? [{ step: 'cni.bridge-delete' as const, data: { gateway: gatewayCidr(podCIDR)! }, text: 'Then delete cni0 on {node} so the bridge takes the new gateway {gateway}' }] : ['Then delete cni0 so the bridge takes the new gateway']),
          { step: 'pods.on-node', text: 'Re-create the pods on {node}' },
        ],
        alternatives: ['flannel.daemon-down'],
      });
    }
    // flannel.1 holds <lease network address>/32 (facts §2.1): the node-only view of the current lease.
    const vtepAddr = vxlanLink(node)?.addresses.find((a) => a.family === 'inet' && a.prefixlen === 32)?.local;
    if (!podCIDR && vtepAddr && !ipInCidr(vtepAddr, networkCidr(env.subnet))) {
      report({
        messageId: 'vtep',
        data: { node: node.name, vtepAddr: `${vtepAddr}/32`, subnet: env.subnet },
        evidence: [{ where, what: `FLANNEL_SUBNET=${env.subnet}` }, { where: `node ${node.name}: ip addr show flannel.1`, what: `inet ${vtepAddr}/32` }],
        fix: [restart],
        confidence: 0.7,
      });
    }
    const conf = confNetwork(evidence, node);
    if (env.network && conf && !sameNetwork(env.network, conf.network)) {
      report({
        messageId: 'network',
        data: { node: node.name, network: env.network, confNetwork: conf.network },
        evidence: [{ where, what: `FLANNEL_NETWORK=${env.network}` }, { where: conf.where, what: `Network ${conf.network}` }],
        fix: [restart],
      });
    } else if (env.network && !cidrContains(env.network, networkCidr(env.subnet))) {
      report({
        messageId: 'outside',
        data: { node: node.name, subnet: env.subnet, network: env.network },
        evidence: [{ where, what: `FLANNEL_NETWORK=${env.network} FLANNEL_SUBNET=${env.subnet}` }],
        fix: ['Make net-conf.json Network (kube-flannel-cfg ConfigMap) contain every node podCIDR (the cluster CIDR, kubeadm --pod-network-cidr)', restart],
      });
    }
  },
});
