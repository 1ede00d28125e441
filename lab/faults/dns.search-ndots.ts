import { join } from 'node:path';
import { restoreFile, snapshotFile } from '../kubelet.js';
import { nodePath } from '../node-files.js';
import { writeNetnsResolvConf } from '../pods.js';
import type { Fault } from '../types.js';
import { ipt, path } from './_helpers.js';

const DOMAIN = 'corp.internal';
const MATCH = ['-p', 'udp', '--dport', '53', '-m', 'string', '--algo', 'bm', '--hex-string', '|04|corp|08|internal|', '-j', 'DROP'];

/**
 * The nodes gained a search domain (corp.internal) whose servers never answer. Kubelet copies node
 * search domains into every pod's resolv.conf, so with ndots:5 each external lookup walks into it and
 * waits for a timeout before the name itself is tried: external names resolve, but slowly.
 */
const fault: Fault = {
  id: 'dns.search-ndots',
  cause: 'dns.search-ndots',
  description: `adds search domain ${DOMAIN} (its lookups time out) to the nodes and, as kubelet does, to the pods' resolv.conf`,
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const up = lab.state.upstreamDns!;
    await ipt(lab, up.netns, ['-I', 'INPUT', ...MATCH]);
    const saved: Record<string, string | null> = {};
    const edit = (text: string) => text.replace(/^search (.*)$/m, (_l, d: string) => `search ${d} ${DOMAIN}`);
    for (const n of lab.state.nodes) {
      const f = path(n, 'etc/resolv.conf');
      saved[f] = await snapshotFile(f);
      const text = edit(saved[f] ?? '');
      await restoreFile(f, text);
      await writeNetnsResolvConf(lab.state, n.netns, text);
    }
    for (const p of lab.state.pods.filter((x) => x.wired && x.role !== 'coredns')) {
      const f = nodePath(lab.node(p.node), join('pods', `${p.namespace}_${p.name}`, 'resolv.conf'));
      saved[f] = await snapshotFile(f);
      const text = edit(saved[f] ?? '');
      await restoreFile(f, text);
      await writeNetnsResolvConf(lab.state, p.netns, text);
    }
    return { saved };
  },
  async revert(lab, state) {
    await ipt(lab, lab.state.upstreamDns!.netns, ['-D', 'INPUT', ...MATCH], true);
    const saved = (state as { saved: Record<string, string | null> }).saved;
    for (const n of lab.state.nodes) {
      const f = path(n, 'etc/resolv.conf');
      await restoreFile(f, saved[f] ?? null);
      if (saved[f]) await writeNetnsResolvConf(lab.state, n.netns, saved[f]!);
    }
    for (const p of lab.state.pods.filter((x) => x.wired && x.role !== 'coredns')) {
      const f = nodePath(lab.node(p.node), join('pods', `${p.namespace}_${p.name}`, 'resolv.conf'));
      if (!(f in saved)) continue;
      await restoreFile(f, saved[f] ?? null);
      if (saved[f]) await writeNetnsResolvConf(lab.state, p.netns, saved[f]!);
    }
  },
};
export default fault;
