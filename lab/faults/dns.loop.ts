import { join } from 'node:path';
import { startDetached, stopPid } from '../processes.js';
import { UPSTREAM_DNS_IP } from '../plan.js';
import type { FaultSpec } from '../types.js';
import { corednsPods, editResolvConf, podsReady, recreatePods, restoreResolvConf } from './_dns.js';
import { containerReports } from './_cluster.js';

const STUB = '127.0.0.53';

/**
 * The nodes run a systemd-resolved style stub (127.0.0.53) and their /etc/resolv.conf points at it.
 * CoreDNS (dnsPolicy Default) gets that resolv.conf from the kubelet, forwards to 127.0.0.53 inside its
 * own pod, where it listens itself: the real loop plugin detects the loop and CoreDNS exits. The nodes'
 * own lookups keep working through their stub.
 */
const fault: FaultSpec = {
  description: `points every node's resolv.conf at a local stub ${STUB} and recreates CoreDNS; the real CoreDNS detects the forwarding loop and crash-loops`,
  where: 'cluster',
  async inject(lab) {
    for (const n of lab.state.nodes) {
      lab.state.pids[`fault-stub-resolver:${n.name}`] = startDetached(n.netns, [
        'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', `--pid-file=${join(lab.state.dir, 'dns', `stub-${n.name}.pid`)}`,
        `--listen-address=${STUB}`, '--bind-interfaces', '--no-resolv', `--server=${UPSTREAM_DNS_IP}`, '--no-hosts', '--user=root', '--cache-size=0',
      ], join(lab.state.dir, 'dns', `stub-${n.name}.out`));
    }
    const saved = await editResolvConf(lab.state.nodes, () =>
      `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver ${STUB}\noptions edns0 trust-ad\nsearch .\n`);
    await recreatePods(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
    await containerReports(lab, () => corednsPods(lab)[0], 'coredns', ['Error', 'CrashLoopBackOff']);
    return { saved };
  },
  async revert(lab, state) {
    await restoreResolvConf(lab.state.nodes, (state as { saved: Record<string, string | null> }).saved);
    for (const n of lab.state.nodes) {
      const pid = lab.state.pids[`fault-stub-resolver:${n.name}`];
      if (pid) await stopPid(pid, 'dnsmasq');
      delete lab.state.pids[`fault-stub-resolver:${n.name}`];
    }
    await recreatePods(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
    await podsReady(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
  },
};
export default fault;
