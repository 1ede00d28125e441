import { breakNode } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './vxlan-module.js';

/** Before install: vxlan not loaded; modulesAvailable read from /lib/modules. */
const before = (available: string[], loaded = false) =>
  breakNode('n1', (n) => {
    n.modules = loaded ? ['br_netfilter', 'vxlan'] : ['br_netfilter'];
    n.modulesAvailable = available;
    n.gathered.push('modulesAvailable');
  }, { cluster: false, nodes: ['n1'] });

testRule(rule, {
  healthy: [
    { name: 'vxlan loadable, not loaded yet (before install)', evidence: before(['br_netfilter', 'vxlan']) },
    { name: 'vxlan loaded (flannel already runs)', evidence: before([], true) },
  ],
  faulty: [{ name: 'no vxlan.ko anywhere', evidence: before(['br_netfilter', 'overlay']), expect: [
    {
      cause: 'flannel.backend-unsupported',
      messageId: 'missing',
      data: { node: 'n1', kernel: '?' },
      nodes: ['n1'],
      fix: [
        "Install the kernel's extra modules on n1 (Ubuntu: apt-get install linux-modules-extra-$(uname -r); Raspberry Pi: linux-modules-extra-raspi), then modprobe vxlan",
        'Or choose a backend that needs no vxlan (host-gw on one L2 segment, wireguard) in net-conf.json',
      ],
    },
  ] }],
});
