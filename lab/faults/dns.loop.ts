import { join } from 'node:path';
import { startClusterDns, stopClusterDns } from '../dns.js';
import { restoreFile, snapshotFile } from '../kubelet.js';
import { writeNetnsResolvConf } from '../pods.js';
import { startDetached, stopPid } from '../processes.js';
import { UPSTREAM_DNS_IP } from '../plan.js';
import type { Fault } from '../types.js';
import { path } from './_helpers.js';
import { coredns, corednsReady, corednsUnready } from './_dns.js';

const STUB = '127.0.0.53';

/**
 * The CoreDNS node runs a systemd-resolved style stub (127.0.0.53) and its /etc/resolv.conf points at it:
 * CoreDNS (dnsPolicy Default) forwards to itself, the loop plugin kills it, the pod crash-loops.
 * The node's own resolver keeps working through the stub.
 */
const fault: Fault = {
  id: 'dns.loop',
  cause: 'dns.loop',
  description: `points the CoreDNS node's resolv.conf at a local stub ${STUB}; CoreDNS detects a loop and crash-loops`,
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const { node, pod } = coredns(lab);
    const file = path(node, 'etc/resolv.conf');
    const before = await snapshotFile(file);
    const text = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver ${STUB}\noptions edns0 trust-ad\nsearch .\n`;
    await restoreFile(file, text);
    await writeNetnsResolvConf(lab.state, node.netns, text);
    lab.state.pids['fault-stub-resolver'] = startDetached(node.netns, [
      'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', `--pid-file=${join(lab.state.dir, 'dns', 'stub.pid')}`,
      `--listen-address=${STUB}`, '--bind-interfaces', '--no-resolv', `--server=${UPSTREAM_DNS_IP}`, '--no-hosts', '--user=root', '--cache-size=0',
    ], join(lab.state.dir, 'dns', 'stub.out'));
    await stopClusterDns(lab.state);
    await corednsUnready(lab, 'crashloop', [
      '.:53',
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
      'CoreDNS-1.11.1',
      'linux/amd64, go1.20.7, ae2bbc2',
      `[FATAL] plugin/loop: Loop (127.0.0.1:48574 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."`,
    ]);
    return { before, pod: pod.name };
  },
  async revert(lab, state) {
    const { node } = coredns(lab);
    const before = (state as { before: string | null }).before;
    await restoreFile(path(node, 'etc/resolv.conf'), before);
    if (before) await writeNetnsResolvConf(lab.state, node.netns, before);
    const stub = lab.state.pids['fault-stub-resolver'];
    if (stub) await stopPid(stub, 'dnsmasq');
    delete lab.state.pids['fault-stub-resolver'];
    await startClusterDns(lab.state);
    await corednsReady(lab);
  },
};
export default fault;
