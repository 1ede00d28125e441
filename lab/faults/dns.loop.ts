import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDetached, stopPid } from '../processes.js';
import { UPSTREAM_DNS_IP } from '../plan.js';
import type { FaultSpec } from '../types.js';
import { corednsPods, editResolvConf, podsReady, recreatePods, restoreResolvConf } from './_dns.js';
import { containerReports } from './_cluster.js';
import { path } from './_helpers.js';

const STUB = '127.0.0.53';

/**
 * The nodes run a systemd-resolved style stub (127.0.0.53) and their /etc/resolv.conf points at it.
 * CoreDNS (dnsPolicy Default) gets that resolv.conf from the kubelet, forwards to 127.0.0.53 inside its
 * own pod, where it listens itself: the real loop plugin detects the loop and CoreDNS exits. The nodes'
 * own lookups keep working through their stub. Like systemd-resolved, each node keeps the stub's real
 * upstream list in /run/systemd/resolve/resolv.conf. The revert also puts back the Corefile a proven
 * fix may have changed.
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
    const madeRun: string[] = [];
    for (const n of lab.state.nodes) {
      if (!existsSync(path(n, 'run/systemd'))) madeRun.push(n.name);
      await mkdir(path(n, 'run/systemd/resolve'), { recursive: true });
      await writeFile(path(n, 'run/systemd/resolve/resolv.conf'), `# This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).\nnameserver ${UPSTREAM_DNS_IP}\nsearch .\n`);
    }
    const corefile = lab.api.get('ConfigMap', 'kube-system', 'coredns')?.data?.Corefile as string | undefined;
    const saved = await editResolvConf(lab.state.nodes, () =>
      `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver ${STUB}\noptions edns0 trust-ad\nsearch .\n`);
    await recreatePods(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
    await containerReports(lab, () => corednsPods(lab)[0], 'coredns', ['Error', 'CrashLoopBackOff']);
    return { saved, madeRun, corefile };
  },
  async revert(lab, state) {
    const { saved, madeRun, corefile } = state as { saved: Record<string, string | null>; madeRun?: string[]; corefile?: string };
    await restoreResolvConf(lab.state.nodes, saved);
    for (const n of lab.state.nodes) {
      await rm(path(n, madeRun?.includes(n.name) ? 'run/systemd' : 'run/systemd/resolve/resolv.conf'), { recursive: true, force: true });
    }
    const cm = lab.api.get('ConfigMap', 'kube-system', 'coredns');
    if (cm && corefile !== undefined && cm.data?.Corefile !== corefile) {
      lab.api.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system', labels: cm.metadata.labels }, data: { ...cm.data, Corefile: corefile } });
    }
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
