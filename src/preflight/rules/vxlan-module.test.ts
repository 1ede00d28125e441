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
  faulty: [{ name: 'no vxlan.ko anywhere', evidence: before(['br_netfilter', 'overlay']), expect: [{ cause: 'flannel.backend-unsupported', nodes: ['n1'] }] }],
});
