import type { FixStepRef } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { clusterNode, backendData, expectedVxlan, runsVxlan, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

export default defineRule({
  id: 'flannel/vxlan-device',
  layer: 'flannel',
  description:
    'With the vxlan backend the node must have flannel.1: a vxlan device, up, with the VNI (1) and UDP port (8472) of net-conf.json; without the vxlan kernel module flannel cannot create it.',
  causes: ['flannel.backend-unsupported', 'flannel.daemon-down', 'flannel.config-invalid'],
  scope: 'node',
  needs: ['node.links'],
  severity: 'error',
  messages: {
    noModule: 'node {node}: {dev} does not exist and the vxlan kernel module is not loaded',
    missing: 'node {node}: {dev} does not exist, so flanneld has not set up the vxlan backend here',
    notVxlan: 'node {node}: {dev} exists but is a {kind} device, not vxlan',
    down: 'node {node}: {dev} is down',
    vni: 'node {node}: {dev} uses VNI {vni}, flannel expects {want}',
    port: 'node {node}: {dev} uses UDP port {port}, the other nodes send to {want}',
  },
  docs: 'flanneld creates flannel.<VNI> with the external interface as VTEP (facts §2.1); a kernel without vxlan fails with "failed to create vxlan device: operation not supported" (Raspberry Pi Ubuntu needs linux-modules-extra-raspi, facts §10.2). VNI and port must be the same on every node: a receiver drops packets of a VNI it has no device for.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.backend-unsupported');
    if (!runsVxlan(evidence, node)) return;
    const dev = VXLAN_DEV;
    const l = vxlanLink(node);
    const where = `node ${node.name}: ip -d link show ${dev}`;
    const restart = restartFlannel(node.name, `Restart flannel on ${node.name}`);
    const recreate: FixStepRef = { step: 'link.delete', data: { dev }, text: 'Delete {dev} on {node}: flanneld creates it anew when it restarts' };
    if (!l) {
      const modulesKnown = node.gathered.includes('modules');
      if (modulesKnown && !node.modules.includes('vxlan')) {
        report({
          messageId: 'noModule',
          cause: 'flannel.backend-unsupported',
          data: { node: node.name, dev },
          confidence: 0.7,
          alternatives: ['flannel.daemon-down'],
          evidence: [{ where, what: 'device not found' }, { where: `node ${node.name}: /proc/modules`, what: 'vxlan not loaded' }],
          fix: [
            { step: 'module.load', data: { module: 'vxlan' } },
            "If the module is not found, install the kernel's extra modules (e.g. linux-modules-extra-$(uname -r) or linux-modules-extra-raspi)",
            { step: 'module.persist', data: { module: 'vxlan' } },
            restart,
            'Or switch net-conf.json Backend.Type to host-gw when all nodes share one L2 segment',
          ],
        });
      } else {
        report({
          messageId: 'missing',
          cause: 'flannel.daemon-down',
          data: { node: node.name, dev },
          evidence: [{ where, what: 'device not found' }],
          fix: [restart, `Read its log: kubectl -n {flannelNamespace} logs -l app=flannel -c kube-flannel --field-selector spec.nodeName=${node.name}`],
        });
      }
      return;
    }
    if (l.kind && l.kind !== 'vxlan') {
      report({ messageId: 'notVxlan', cause: 'flannel.config-invalid', data: { node: node.name, dev, kind: l.kind }, evidence: [{ where, what: `kind ${l.kind}` }], fix: [recreate, restart] });
      return;
    }
    if (!l.up) {
      report({ messageId: 'down', cause: 'flannel.daemon-down', data: { node: node.name, dev }, evidence: [{ where, what: `state ${l.operstate ?? 'DOWN'}${l.flags?.length ? ` flags ${l.flags.join(',')}` : ''}` }], fix: [{ step: 'link.up', data: { dev } }, restart] });
    }
    const want = expectedVxlan(evidence, node);
    // VNI: net-conf says what it should be; this node's annotation says what flannel advertised.
    const self = clusterNode(evidence, node.name);
    const annotated = self ? backendData(self)?.VNI : undefined;
    const wantVni = typeof annotated === 'number' ? annotated : want.vni;
    if (l.vxlan?.id !== undefined && l.vxlan.id !== wantVni) {
      report({
        messageId: 'vni',
        cause: 'flannel.config-invalid',
        data: { node: node.name, dev, vni: l.vxlan.id, want: wantVni },
        evidence: [{ where, what: `vxlan id ${l.vxlan.id}` }, { where: typeof annotated === 'number' ? `node ${node.name} annotation backend-data` : 'net-conf.json Backend', what: `VNI ${wantVni}` }],
        fix: [recreate, restart],
      });
    }
    const peerPorts = Object.values(evidence.nodes).filter((o) => o.name !== node.name).map((o) => vxlanLink(o)?.vxlan?.port).filter((p): p is number => typeof p === 'number');
    const wantPort = peerPorts.length && peerPorts.every((p) => p === peerPorts[0]) ? peerPorts[0] : want.port;
    if (l.vxlan?.port !== undefined && l.vxlan.port !== wantPort) {
      report({
        messageId: 'port',
        cause: 'flannel.config-invalid',
        data: { node: node.name, dev, port: l.vxlan.port, want: wantPort },
        evidence: [{ where, what: `dstport ${l.vxlan.port}` }, { where: peerPorts.length ? 'other nodes: flannel.1' : 'net-conf.json Backend', what: `port ${wantPort}` }],
        fix: [recreate, restart],
      });
    }
  },
});
