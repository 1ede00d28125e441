import type { FaultSpec, LabHandle } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';
import { FLANNEL_DS, FLANNEL_NS } from './_cluster.js';
import { restartFlannelHealthy } from './_flannel.js';

const JUMP = ['FORWARD', '-m', 'comment', '--comment', 'flanneld forward', '-j', 'FLANNEL-FWD'];
const FLAG = '--iptables-forward-rules=false';

/**
 * The operator turned flannel's forward rules off (--iptables-forward-rules=false, to manage the
 * firewall by hand) and the node's FORWARD policy became DROP (what Docker sets when it starts). Real
 * flanneld re-adds its FLANNEL-FWD jump every resync, so the policy alone would heal itself: only with
 * the flag off does the DROP stay, and forwarded pod packets on that node vanish.
 */
const fault: FaultSpec = {
  description: `runs flanneld with ${FLAG}, removes the FLANNEL-FWD jump and sets the FORWARD policy to DROP in the node namespace`,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const before = await forwardRules(lab, node.netns);
    setFlannelArgs(lab, (args) => [...args.filter((a) => a !== FLAG), FLAG]);
    await restartFlannelHealthy(lab);
    await ipt(lab, node.netns, ['-D', ...JUMP], true);
    await ipt(lab, node.netns, ['-P', 'FORWARD', 'DROP']);
    return { before };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-P', 'FORWARD', 'ACCEPT']);
    // rules added while the fault was on (the accept rules of its fix, when the fix was proven) go too
    const saved = (state as { before?: string[] }).before;
    const before = new Set(saved ?? []);
    for (const rule of saved ? await forwardRules(lab, node.netns) : []) {
      if (!before.has(rule) && !rule.includes('FLANNEL-FWD')) await ipt(lab, node.netns, ['-D', ...splitRule(rule)], true);
    }
    setFlannelArgs(lab, (args) => args.filter((a) => a !== FLAG));
    // at start flanneld adds its FORWARD jump again
    await restartFlannelHealthy(lab);
  },
};

async function forwardRules(lab: LabHandle, netns: string): Promise<string[]> {
  const { stdout } = await lab.exec(netns, ['iptables', '-S', 'FORWARD']);
  return stdout.split('\n').filter((l) => l.startsWith('-A FORWARD '));
}

/** "-A FORWARD -s 10.244.0.0/16 -j ACCEPT" → the arguments after -A (comments are quoted by iptables -S). */
function splitRule(rule: string): string[] {
  const words = rule.slice('-A '.length).match(/"[^"]*"|\S+/g) ?? [];
  return words.map((w) => w.replace(/^"|"$/g, ''));
}

function setFlannelArgs(lab: LabHandle, change: (args: string[]) => string[]): void {
  const ds = lab.api.get('DaemonSet', FLANNEL_NS, FLANNEL_DS);
  if (!ds) throw new Error(`the ${FLANNEL_NS}/${FLANNEL_DS} DaemonSet is missing`);
  const spec = structuredClone(ds.spec);
  const c = spec.template.spec.containers.find((x: { name: string }) => x.name === 'kube-flannel');
  if (!c) throw new Error('the flannel DaemonSet has no kube-flannel container');
  c.args = change(c.args ?? []);
  lab.api.put({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: FLANNEL_DS, namespace: FLANNEL_NS, labels: ds.metadata.labels }, spec });
}
export default fault;
