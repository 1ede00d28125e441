import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { decidedBy, walk } from '../node/_iptables-walk.js';
import { clusterNetwork, podFlows } from '../node/_pod-packets.js';
import { lookup, netConfRoot } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

export default defineRule({
  id: 'flannel/ipmasq-rules',
  layer: 'flannel',
  description:
    "With FLANNEL_IPMASQ=true flanneld must have its masquerade rules (nat POSTROUTING → FLANNEL-POSTRTG → -s <cluster network> ! -d 224.0.0.0/4 -j MASQUERADE): pod traffic leaving the cluster is otherwise sent with pod source addresses and never answered.",
  causes: ['flannel.ipmasq'],
  scope: 'node',
  needs: ['node.iptables', 'node.subnetEnv'],
  severity: 'error',
  messages: {
    noMasq: 'node {node}: pod traffic to outside the cluster is not masqueraded ({decided}) although FLANNEL_IPMASQ=true',
  },
  docs: 'flanneld (--ip-masq) installs the FLANNEL-POSTRTG chain (facts §2.6) and re-checks it every --iptables-resync seconds; with --ip-masq the bridge delegate gets ipMasq=false, so nobody else masquerades. Rules flushed by a firewall reload, or an iptables-legacy/nft split, leave pods without outbound NAT: image pulls still work (they run on the node) but pods cannot reach registries, APIs or DNS upstreams outside.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.ipmasq');
    const ipt = node.iptables;
    if (!ipt || node.subnetEnv?.ipmasq !== true) return;
    if (lookup(netConfRoot(evidence, node) ?? {}, 'enablenftables') === true) return; // nftables mode: not in iptables-save
    const out = podFlows(evidence, node).find((f) => f.label.includes('outside'));
    if (!out) return;
    const r = walk(ipt, 'nat', 'POSTROUTING', out.packet);
    if (r && (r.verdict === 'MASQUERADE' || r.verdict === 'SNAT')) return;
    const C = clusterNetwork(evidence, node);
    report({
      messageId: 'noMasq',
      data: { node: node.name, decided: r ? decidedBy(r) : 'no nat table at all' },
      confidence: r?.uncertain.length ? 0.6 : 0.9,
      evidence: [
        { where: `node ${node.name}: ${node.subnetEnv.file}`, what: 'FLANNEL_IPMASQ=true' },
        { where: `node ${node.name}: ${ipt.file ?? 'iptables-save'} (nat)`, what: `${out.label}: ${r ? `${r.verdict} via ${r.path.join(' → ')}` : 'no nat rules'}; no -s ${C ?? '<cluster network>'} ! -d 224.0.0.0/4 -j MASQUERADE` },
      ],
      fix: [
        restartFlannel(node.name, `Restart flannel on ${node.name} so it reinstalls FLANNEL-POSTRTG`),
        C && CIDR.test(C)
          ? { step: 'iptables.append', data: { table: 'nat', chain: 'POSTROUTING', rule: `-s ${C} ! -d ${C} -j MASQUERADE` }, text: 'Immediate relief', manual: "relief until flanneld reinstalls its own rules: the restart above is the fix" }
          : 'Immediate relief: masquerade what the pods send outside the cluster network (nat POSTROUTING -s <network> ! -d <network> -j MASQUERADE)',
        'If both iptables-legacy and iptables-nft hold rules, make the node use one (update-alternatives --set iptables /usr/sbin/iptables-nft) so flanneld and kube-proxy write to the same tables',
      ],
    });
  },
});
