/**
 * The MTU a sender really has, read from its kernel: a don't-fragment probe sized for an assumed 1450
 * reports every path broken on a cluster whose flannel.1 is 1350 (a fixed underlay) or 8950 (jumbo
 * frames) and misses the case it is for. `ip` asks the namespace it runs in (sysfs would show the
 * namespace it was mounted in).
 */
import type { MeshRunner, MeshTarget } from './types.js';
import { netnsRunner } from './runner.js';

/** The MTU of `dev` in namespace `netns` (undefined: this netns, the caller's), or undefined when it is not there. */
export async function linkMtu(dev: string, netns?: string, runner: MeshRunner = netnsRunner): Promise<number | undefined> {
  const r = await runner.exec(netns, ['ip', '-o', 'link', 'show', 'dev', dev]);
  const m = r.code === 0 ? / mtu (\d+) /.exec(r.stdout) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Targets with each sender's measured MTUs filled in where the probe can reach its namespaces: the
 * node's flannel.1 (for node → flannel.1 probes) and its pod's eth0 (for pod → pod probes). A value
 * that cannot be read keeps what the target said. A target without a namespace is read here, where
 * the probe runs: right for the sender (an agent probes from its own node only).
 */
export async function withMeasuredMtus(targets: readonly MeshTarget[], runner: MeshRunner = netnsRunner): Promise<MeshTarget[]> {
  return Promise.all(
    targets.map(async (t) => {
      const [flannel, pod] = await Promise.all([linkMtu('flannel.1', t.netns, runner), t.pod?.netns ? linkMtu('eth0', t.pod.netns, runner) : undefined]);
      return { ...t, ...(flannel ? { flannelMtu: flannel } : {}), ...(t.pod && pod ? { pod: { ...t.pod, mtu: pod } } : {}) };
    }),
  );
}
