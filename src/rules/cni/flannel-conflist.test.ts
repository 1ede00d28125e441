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
      expect: [{ cause: 'cni.config-invalid', nodes: ['n1'], messageIncludes: 'no default route' }],
    },
    {
      name: 'ConfigMap changed, node still has the old file',
      evidence: breakCluster((c) => {
        const cm = c.configMaps![0];
        const v = JSON.parse(cm.data['cni-conf.json']);
        v.plugins.push({ type: 'bandwidth', capabilities: { bandwidth: true } });
        cm.data['cni-conf.json'] = JSON.stringify(v);
      }, { nodes: ['n2'] }),
      expect: [{ cause: 'cni.config-invalid', nodes: ['n2'], messageIncludes: 'differs from the kube-flannel-cfg' }],
    },
  ],
});
