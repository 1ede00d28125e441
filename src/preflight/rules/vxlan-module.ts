import { defineRule } from '../../rules/define-rule.js';

export default defineRule({
  id: 'preflight/vxlan-module',
  layer: 'node',
  description: 'The kernel must have the vxlan module (loaded, built in, or loadable): flannel\'s default backend creates flannel.1 with it.',
  causes: ['flannel.backend-unsupported'],
  scope: 'node',
  needs: ['node.modules', 'node.modulesAvailable'],
  severity: 'error',
  messages: {
    missing: 'node {node}: kernel {kernel} has no vxlan module; flannel would fail with "failed to create vxlan device: operation not supported"',
  },
  docs: 'Some distributions ship vxlan in an extra package (Ubuntu on Raspberry Pi: linux-modules-extra-raspi; facts §10). flannel loads nothing itself: creating the device makes the kernel load the module.',
  check({ node, report }) {
    if (node.modules.includes('vxlan') || node.modulesAvailable?.includes('vxlan')) return;
    const kernel = node.sysctls['kernel.osrelease'] ?? '?';
    report({
      messageId: 'missing',
      data: { node: node.name, kernel },
      evidence: [
        { where: `node ${node.name}: /proc/modules, /sys/module`, what: 'vxlan not loaded' },
        { where: `node ${node.name}: /lib/modules/${kernel}/modules.dep, modules.builtin`, what: 'no vxlan.ko' },
      ],
      fix: [`Install the kernel's extra modules on ${node.name} (Ubuntu: apt-get install linux-modules-extra-$(uname -r); Raspberry Pi: linux-modules-extra-raspi), then modprobe vxlan`, 'Or choose a backend that needs no vxlan (host-gw on one L2 segment, wireguard) in net-conf.json'],
    });
  },
});
