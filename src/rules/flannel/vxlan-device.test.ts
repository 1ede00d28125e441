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
      expect: [{ cause: 'flannel.backend-unsupported', nodes: ['n2'] }],
    },
    {
      name: 'flannel.1 gone while vxlan is loaded',
      evidence: breakNode('n3', noFlannel1),
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n3'] }],
    },
    {
      name: 'VNI differs from the annotation',
      evidence: breakNode('n1', (n) => (link(n, 'flannel.1').vxlan!.id = 2)),
      expect: [{ cause: 'flannel.config-invalid', nodes: ['n1'], messageIncludes: 'VNI 2' }],
    },
    {
      name: 'IANA port 4789 while peers use 8472',
      evidence: breakNode('n2', (n) => (link(n, 'flannel.1').vxlan!.port = 4789), { cluster: false }),
      expect: [{ cause: 'flannel.config-invalid', nodes: ['n2'], messageIncludes: '4789' }],
    },
    {
      name: 'flannel.1 down',
      evidence: breakNode('n3', (n) => (link(n, 'flannel.1').up = false)),
      expect: [{ cause: 'flannel.daemon-down', nodes: ['n3'], messageIncludes: 'down' }],
    },
  ],
});
