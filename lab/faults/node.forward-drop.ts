import type { FaultSpec } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

const JUMP = ['FORWARD', '-m', 'comment', '--comment', 'flanneld forward', '-j', 'FLANNEL-FWD'];

/** FORWARD policy DROP (Docker installed later) and flannel's FLANNEL-FWD accept jump gone. */
const fault: FaultSpec = {
  description: 'sets the FORWARD policy to DROP and removes the FLANNEL-FWD jump in the node namespace',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-D', ...JUMP]);
    await ipt(lab, node.netns, ['-P', 'FORWARD', 'DROP']);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-P', 'FORWARD', 'ACCEPT']);
    await ipt(lab, node.netns, ['-A', ...JUMP]);
  },
};
export default fault;
