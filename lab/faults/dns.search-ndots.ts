import type { FaultSpec } from '../types.js';
import { ipt } from './_helpers.js';
import { editResolvConf, podsReady, recreatePods, restoreResolvConf } from './_dns.js';

const DOMAIN = 'corp.internal';
const MATCH = ['-p', 'udp', '--dport', '53', '-m', 'string', '--algo', 'bm', '--hex-string', '|04|corp|08|internal|', '-j', 'DROP'];
const APPS = { app: 'lab-app' };

/**
 * The nodes gained a search domain (corp.internal) whose servers never answer. The kubelet copies node
 * search domains into every new pod's resolv.conf, so with ndots:5 each external lookup walks into it
 * and waits for a timeout before the name itself is tried: external names resolve, but slowly.
 */
const fault: FaultSpec = {
  description: `adds search domain ${DOMAIN} (its lookups time out) to the nodes; the kubelet puts it into the recreated pods' resolv.conf`,
  where: 'cluster',
  async inject(lab) {
    await ipt(lab, lab.state.upstreamDns!.netns, ['-I', 'INPUT', ...MATCH]);
    const saved = await editResolvConf(lab.state.nodes, (text) => text.replace(/^search (.*)$/m, (_l, d: string) => `search ${d} ${DOMAIN}`));
    await recreatePods(lab, 'default', APPS);
    await podsReady(lab, 'default', APPS);
    return { saved };
  },
  async revert(lab, state) {
    await ipt(lab, lab.state.upstreamDns!.netns, ['-D', 'INPUT', ...MATCH], true);
    await restoreResolvConf(lab.state.nodes, (state as { saved: Record<string, string | null> }).saved);
    await recreatePods(lab, 'default', APPS);
    await podsReady(lab, 'default', APPS);
  },
};
export default fault;
