import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostIn, randomHex } from '../plan.js';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

/** host-local's state dir is full of leaked leases (containers gone, files left): no IP for new pods. */
const fault: FaultSpec = {
  description: 'fills /var/lib/cni/networks/cbr0 with leaked leases; a new pod fails with no IP addresses available in range set',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const dir = path(node, 'var/lib/cni/networks/cbr0');
    await mkdir(dir, { recursive: true });
    const added: string[] = [];
    for (let h = 2; h <= 254; h++) {
      const ip = hostIn(node.podCIDR, h);
      if (existsSync(join(dir, ip))) continue;
      await writeFile(join(dir, ip), `${randomHex(32)}\neth0`);
      // leases leak from pods long gone: an hour old, as the field sees them
      const hourAgo = new Date(Date.now() - 3600_000);
      await utimes(join(dir, ip), hourAgo, hourAgo);
      added.push(ip);
    }
    const pod = await probePod(lab, node, 'ipam');
    return { added, pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const s = state as { added: string[]; pod?: PodRef };
    const dir = path(node, 'var/lib/cni/networks/cbr0');
    for (const ip of s.added ?? []) await rm(join(dir, ip), { force: true });
    // the copy a proven fix kept of the directory (fix --yes backs up what it changes) goes too
    const parent = path(node, 'var/lib/cni/networks');
    for (const d of await readdir(parent).catch(() => [] as string[])) if (/^cbr0\.flannel-doctor-\d{8}T\d{6}Z\.bak$/.test(d)) await rm(join(parent, d), { recursive: true, force: true });
    await removeProbePod(lab, s.pod);
  },
};
export default fault;
