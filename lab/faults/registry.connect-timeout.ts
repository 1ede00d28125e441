import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';
import type { LabHandle, LabNode } from '../types.js';

function rule(lab: LabHandle): string[] {
  const reg = findRegistry(lab, 'reg-http');
  return ['OUTPUT', '-d', `${reg.ip}/32`, '-p', 'tcp', '--dport', String(reg.port), '--syn', '-m', 'comment', '--comment', `${lab.state.prefix}:registry.connect-timeout`, '-j', 'DROP'];
}

/** A firewall on the node silently drops SYNs to the registry: the dial times out after 30 s. */
export default pullFault({
  description: 'iptables in the node drops TCP SYNs to reg-http:5000; containerd\'s dial times out (dial tcp …: i/o timeout)',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab, node: LabNode) => {
    await lab.exec(node.netns, ['iptables', '-w', '-I', ...rule(lab)]);
  },
  teardown: async (lab, node: LabNode) => {
    await lab.exec(node.netns, ['iptables', '-w', '-D', ...rule(lab)], { allowFail: true });
  },
});
