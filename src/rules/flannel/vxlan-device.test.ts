import { testRule } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './vxlan-device.js';

const noFlannel1 = (n: { links: { name: string }[] }) => (n.links = n.links.filter((l) => l.name !== 'flannel.1'));

testRule(rule, {
  healthy: [
    { name: 'flannel.1 VNI 1 port 8472 on all nodes', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    {
      name: 'host-gw backend needs no flannel.1',
      evidence: breakNode('n1', (n) => {
        noFlannel1(n);
        n.netConf = { file: '/etc/kube-flannel/net-conf.json', raw: { Network: '10.244.0.0/16', Backend: { Type: 'host-gw' } }, problems: [] };
      }, { cluster: false, nodes: ['n1'] }),
    },
  ],
  faulty: [
    {
      name: 'kernel without vxlan',
      evidence: breakNode('n2', (n) => {
        noFlannel1(n);
        n.modules = n.modules.filter((m) => m !== 'vxlan');
      }),
      expect: [
        {
          cause: 'flannel.backend-unsupported',
          messageId: 'noModule',
          data: { node: 'n2', dev: 'flannel.1' },
          nodes: ['n2'],
          fix: [
            'On n2: load the vxlan kernel module: test -d /sys/module/vxlan || modprobe vxlan',
            "If the module is not found, install the kernel's extra modules (e.g. linux-modules-extra-$(uname -r) or linux-modules-extra-raspi)",
            'Load vxlan at every boot, from a file of its own: echo vxlan > /etc/modules-load.d/flannel-doctor-vxlan.conf',
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
            'Or switch net-conf.json Backend.Type to host-gw when all nodes share one L2 segment',
          ],
        },
      ],
    },
    {
      name: 'flannel.1 gone while vxlan is loaded',
      evidence: breakNode('n3', noFlannel1),
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'missing',
          data: { node: 'n3', dev: 'flannel.1' },
          nodes: ['n3'],
          fix: [
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
            'Read its log: kubectl -n kube-flannel logs -l app=flannel -c kube-flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'VNI differs from the annotation',
      evidence: breakNode('n1', (n) => (link(n, 'flannel.1').vxlan!.id = 2)),
      expect: [
        {
          cause: 'flannel.config-invalid',
          messageId: 'vni',
          data: { node: 'n1', dev: 'flannel.1', vni: 2, want: 1 },
          nodes: ['n1'],
          fix: [
            'Delete flannel.1 on n1: flanneld creates it anew when it restarts: ! ip link show flannel.1 >/dev/null 2>&1 || ip link delete flannel.1',
            'Restart flannel on n1: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
          steps: [
            { text: 'Delete flannel.1 on n1: flanneld creates it anew when it restarts', on: 'node', run: '! ip link show flannel.1 >/dev/null 2>&1 || ip link delete flannel.1', verify: '! ip link show flannel.1 >/dev/null 2>&1' },
            {
              text: 'Restart flannel on n1',
              on: 'cluster',
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n1 --for=condition=Ready --timeout=120s',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
            },
          ],
        },
      ],
    },
    {
      name: 'IANA port 4789 while peers use 8472',
      evidence: breakNode('n2', (n) => (link(n, 'flannel.1').vxlan!.port = 4789), { cluster: false }),
      expect: [
        {
          cause: 'flannel.config-invalid',
          messageId: 'port',
          data: { node: 'n2', dev: 'flannel.1', port: 4789, want: 8472 },
          nodes: ['n2'],
          fix: [
            'Delete flannel.1 on n2: flanneld creates it anew when it restarts: ! ip link show flannel.1 >/dev/null 2>&1 || ip link delete flannel.1',
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'flannel.1 down',
      evidence: breakNode('n3', (n) => (link(n, 'flannel.1').up = false)),
      expect: [
        {
          cause: 'flannel.daemon-down',
          messageId: 'down',
          data: { node: 'n3', dev: 'flannel.1' },
          nodes: ['n3'],
          fix: [
            'Set flannel.1 up on n3: ip link set flannel.1 up',
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
          steps: [
            { text: 'Set flannel.1 up on n3', on: 'node', run: 'ip link set flannel.1 up', verify: "ip link show flannel.1 | grep -q '[<,]UP[,>]'" },
            {
              text: 'Restart flannel on n3',
              on: 'cluster',
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n3 --for=condition=Ready --timeout=120s',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
            },
          ],
        },
      ],
    },
  ],
});
