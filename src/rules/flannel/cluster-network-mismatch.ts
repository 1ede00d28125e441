import { cidrContains, parseCidr4, parseNetConf } from '../../parsers/net-conf.js';
import { defineRule } from '../define-rule.js';
import { flannelConfigMap, nodePodCidrs } from '../../evidence/flannel-objects.js';
import { clusterCidrCandidates } from './_cluster-cidr.js';
import { lenientJson, netConfSteps, netConfText } from './_net-conf-fix.js';
import type { FixStepSource } from '../../catalog/fix-types.js';

/** The key flannel read Network from (its JSON keys are matched case-insensitively). */
const networkKey = (o: Record<string, unknown>) => Object.keys(o).find((k) => k.toLowerCase() === 'network') ?? 'Network';

export default defineRule({
  id: 'flannel/cluster-network-mismatch',
  layer: 'flannel',
  description:
    'Every node\'s podCIDR must lie inside net-conf.json Network; otherwise flanneld fails with "subnet … specified in the flannel net config doesn\'t contain … PodCIDR" (or, in old versions, writes a subnet.env that routes nothing).',
  causes: ['flannel.network-mismatch'],
  scope: 'cluster',
  needs: ['cluster.configmaps', 'cluster.nodes'],
  severity: 'error',
  messages: {
    outside: 'node {node} has podCIDR {podCidr}, outside flannel\'s Network {network}',
    podSubnet: 'the cluster pod subnet {podSubnet} (kubeadm-config) is not inside flannel\'s Network {network}',
  },
  check({ evidence, cluster, report }) {
    const cm = flannelConfigMap(cluster);
    const text = cm?.data['net-conf.json'];
    if (!cm || text === undefined) return;
    const nc = parseNetConf(text);
    const net = nc.network ? parseCidr4(nc.network) : undefined;
    if (!net || !nc.enableIPv4) return; // an unreadable Network is flannel/cluster-net-conf's finding
    const ref = `${cm.namespace}/${cm.name}`;
    const netEvidence = { where: `configmap ${ref} net-conf.json`, what: `Network: ${nc.network}` };
    const fix = (what: string): FixStepSource[] => {
      const downtime = 'Changing the cluster-wide network needs downtime: pods keep their old addresses until recreated.';
      // The network to write: the first other source's pod network that holds every node's podCIDR.
      const podCidrs = cluster.nodes.flatMap((n) => nodePodCidrs(n)).map(parseCidr4).filter((x): x is NonNullable<typeof x> => !!x);
      const target = clusterCidrCandidates(evidence, true).find((c) => {
        const cc = parseCidr4(c.cidr);
        return cc && podCidrs.length > 0 && podCidrs.every((p) => cidrContains(cc, p));
      });
      const root = lenientJson(text);
      const steps = target && root ? netConfSteps(cm, netConfText({ ...root, [networkKey(root)]: target.cidr }), `Set Network to ${target.cidr} (${target.where}; it holds every node's podCIDR)`) : undefined;
      if (steps) return [...steps, downtime];
      return [
        `Make the two agree: either set "Network" in ConfigMap ${ref} to the cluster pod CIDR (kube-controller-manager --cluster-cidr, kubeadm networking.podSubnet) and restart the flannel DaemonSet, or${what}`,
        downtime,
      ];
    };
    const kubeadm = cluster.configMaps.find((m) => m.namespace === 'kube-system' && m.name === 'kubeadm-config');
    const podSubnet = /podSubnet:\s*"?([0-9./]+)/.exec(kubeadm?.data.ClusterConfiguration ?? '')?.[1];
    const ps = podSubnet ? parseCidr4(podSubnet) : undefined;
    if (ps && podSubnet && !cidrContains(net, ps)) {
      report({
        messageId: 'podSubnet',
        data: { podSubnet, network: nc.network! },
        evidence: [netEvidence, { where: 'configmap kube-system/kubeadm-config ClusterConfiguration', what: `networking.podSubnet: ${podSubnet}` }],
        fix: fix(' re-create the cluster with kubeadm init --pod-network-cidr matching Network.'),
      });
    }
    for (const n of cluster.nodes) {
      for (const c of nodePodCidrs(n)) {
        const pc = parseCidr4(c);
        if (!pc || cidrContains(net, pc)) continue; // IPv6 podCIDRs are judged against IPv6Network elsewhere
        report({
          messageId: 'outside',
          data: { node: n.name, podCidr: c, network: nc.network! },
          nodes: [n.name],
          evidence: [netEvidence, { where: `node ${n.name}`, what: `spec.podCIDR ${c}` }],
          fix: fix(` give node ${n.name} a podCIDR inside ${nc.network} (remove and re-join it after fixing --cluster-cidr).`),
        });
      }
    }
  },
});
