import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './plugin-binaries.js';

const without = (...names: string[]) => (n: { cniBinaries: string[] }) => (n.cniBinaries = n.cniBinaries.filter((b) => !names.includes(b)));

testRule(rule, {
  healthy: [
    { name: 'all plugins installed', evidence: healthy() },
    { name: 'unused plugins missing', evidence: breakNode('n1', without('macvlan', 'ipvlan', 'dhcp', 'vrf')) },
    {
      name: 'delegate type ptp installed',
      evidence: breakNode('n2', (n) => {
        ((n.cniConfigs[0].raw as { plugins: Record<string, unknown>[] }).plugins[0].delegate as Record<string, unknown>).type = 'ptp';
        without('bridge')(n);
      }),
    },
  ],
  faulty: [
    {
      name: 'flannel binary missing',
      evidence: breakNode('n3', without('flannel')),
      expect: [{ cause: 'cni.plugin-missing', nodes: ['n3'], messageIncludes: '"flannel"' }],
    },
    {
      name: 'standard plugins never installed (only flannel)',
      evidence: breakNode('n2', (n) => (n.cniBinaries = ['flannel'])),
      expect: [
        { cause: 'cni.plugin-missing', nodes: ['n2'], messageIncludes: '"portmap"' },
        { cause: 'cni.plugin-missing', nodes: ['n2'], messageIncludes: '"bridge"' },
        { cause: 'cni.plugin-missing', nodes: ['n2'], messageIncludes: '"host-local"' },
      ],
    },
  ],
});
