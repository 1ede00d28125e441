import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './flannel-conflist.js';

const plugins = (n: { cniConfigs: { raw?: unknown }[] }) => (n.cniConfigs[0].raw as { plugins: Record<string, unknown>[] }).plugins;

testRule(rule, {
  healthy: [
    { name: 'the manifest conflist, same as the ConfigMap', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    {
      name: 'default route given through the flannel ipam routes',
      evidence: breakNode('n1', (n) => {
        plugins(n)[0].delegate = { hairpinMode: true };
        plugins(n)[0].ipam = { routes: [{ dst: '0.0.0.0/0' }] };
      }, { cluster: false }),
    },
  ],
  faulty: [
    {
      name: 'isDefaultGateway removed from the ConfigMap and rolled out',
      evidence: (() => {
        const e = breakCluster((c) => {
          const cm = c.configMaps![0];
          const v = JSON.parse(cm.data['cni-conf.json']);
          v.plugins[0].delegate = { hairpinMode: true };
          cm.data['cni-conf.json'] = JSON.stringify(v);
        }, { nodes: ['n1'] });
        plugins(e.nodes![0] as never)[0].delegate = { hairpinMode: true };
        return e;
      })(),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'noDefaultRoute',
          data: { node: 'n1', file: '/etc/cni/net.d/10-flannel.conflist', dnsHint: '10.96.0.10', network: '10.244.0.0/16' },
          nodes: ['n1'],
          fix: [
            'Set "isDefaultGateway": true in the delegate of cni-conf.json in the kube-flannel-cfg ConfigMap (kubectl -n kube-flannel edit cm kube-flannel-cfg)',
            'Restart flannel on n1 (and every other node) so install-cni rewrites /etc/cni/net.d/10-flannel.conflist: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
            'Re-create the pods afterwards: they keep the routes they were created with',
          ],
        },
      ],
    },
    {
      name: 'ConfigMap changed, node still has the old file',
      evidence: breakCluster((c) => {
        const cm = c.configMaps![0];
        const v = JSON.parse(cm.data['cni-conf.json']);
        v.plugins.push({ type: 'bandwidth', capabilities: { bandwidth: true } });
        cm.data['cni-conf.json'] = JSON.stringify(v);
      }, { nodes: ['n2'] }),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'drift',
          data: { node: 'n2', file: '/etc/cni/net.d/10-flannel.conflist' },
          nodes: ['n2'],
          fix: [
            'Restart flannel on n2: its install-cni init container rewrites /etc/cni/net.d/10-flannel.conflist: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
  ],
});
