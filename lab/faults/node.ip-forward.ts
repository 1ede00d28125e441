import { setSysctls } from '../network.js';
import type { FaultSpec } from '../types.js';
import { nodeOf } from './_helpers.js';

/** net.ipv4.ip_forward=0 on the node (a sysctl reset by a network manager): it stops routing pod traffic. */
const fault: FaultSpec = {
  description: 'sets net.ipv4.ip_forward=0 in the node namespace',
  where: 'node',
  async inject(lab, nodeName) {
    await setSysctls(nodeOf(lab, nodeName).netns, { 'net/ipv4/ip_forward': '0' });
    return {};
  },
  async revert(lab, _state, nodeName) {
    await setSysctls(nodeOf(lab, nodeName).netns, { 'net/ipv4/ip_forward': '1' });
  },
};
export default fault;
