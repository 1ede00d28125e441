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
      expect: [
        {
          cause: 'cni.plugin-missing',
          messageId: 'missing',
          data: { node: 'n3', plugin: 'flannel', dir: '/opt/cni/bin', why: 'plugin "flannel" in 10-flannel.conflist' },
          nodes: ['n3'],
          fix: [
            'Restart flannel on n3: its install-cni-plugin init container copies the binary: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
            'Check that /opt/cni/bin is the hostPath the DaemonSet mounts (cniBinDir)',
          ],
        },
      ],
    },
    {
      name: 'standard plugins never installed (only flannel)',
      evidence: breakNode('n2', (n) => (n.cniBinaries = ['flannel'])),
      expect: [
        {
          cause: 'cni.plugin-missing',
          messageId: 'missing',
          data: { node: 'n2', plugin: 'portmap', dir: '/opt/cni/bin', why: 'plugin "portmap" in 10-flannel.conflist' },
          nodes: ['n2'],
          fix: [
            'Install the standard CNI plugins on n2: apt-get install containernetworking-plugins (then link them: ln -s /usr/lib/cni/portmap /opt/cni/bin/portmap), or unpack the containernetworking/plugins release tarball into /opt/cni/bin',
            'Pods stuck in ContainerCreating retry on their own once the binary is there',
          ],
        },
        {
          cause: 'cni.plugin-missing',
          messageId: 'missing',
          data: { node: 'n2', plugin: 'bridge', dir: '/opt/cni/bin', why: "flannel's delegate (default)" },
          nodes: ['n2'],
          fix: [
            'Install the standard CNI plugins on n2: apt-get install containernetworking-plugins (then link them: ln -s /usr/lib/cni/bridge /opt/cni/bin/bridge), or unpack the containernetworking/plugins release tarball into /opt/cni/bin',
            'Pods stuck in ContainerCreating retry on their own once the binary is there',
          ],
        },
        {
          cause: 'cni.plugin-missing',
          messageId: 'missing',
          data: { node: 'n2', plugin: 'host-local', dir: '/opt/cni/bin', why: "IPAM of flannel's delegate (default)" },
          nodes: ['n2'],
          fix: [
            'Install the standard CNI plugins on n2: apt-get install containernetworking-plugins (then link them: ln -s /usr/lib/cni/host-local /opt/cni/bin/host-local), or unpack the containernetworking/plugins release tarball into /opt/cni/bin',
            'Pods stuck in ContainerCreating retry on their own once the binary is there',
          ],
        },
      ],
    },
  ],
});
