/**
 * The lab's outside world: a dnsmasq in its own namespace on the underlay serving the zone example.lab
 * (the site DNS the nodes' resolv.conf names; the registries publish their names there). Cluster DNS is
 * the real CoreDNS (cluster/addons.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.js';
import { EXTERNAL_ZONE } from './plan.js';
import { startDetached, waitFor } from './processes.js';
import type { LabState } from './types.js';

function dnsDir(state: LabState): string {
  return join(state.dir, 'dns');
}

/** Names the outside world serves: a few hosts in example.lab (the registry part adds its own). */
export async function writeExternalHosts(state: LabState): Promise<string> {
  const file = join(dnsDir(state), 'external-hosts');
  await mkdir(dnsDir(state), { recursive: true });
  await writeFile(file, [`${state.upstreamDns?.ip ?? '172.31.250.53'} ns1.${EXTERNAL_ZONE}`, `172.31.250.80 www.${EXTERNAL_ZONE}`, ''].join('\n'));
  return file;
}

export async function startUpstreamDns(state: LabState): Promise<void> {
  const up = state.upstreamDns!;
  const dir = dnsDir(state);
  const argv = [
    'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', `--pid-file=${join(dir, 'upstream.pid')}`,
    '--no-resolv', '--no-hosts', `--addn-hosts=${up.hostsFile}`, `--local=/${EXTERNAL_ZONE}/`,
    '--domain-needed', '--cache-size=0', '--user=root', `--log-facility=${join(dir, 'upstream.log')}`,
  ];
  state.pids.upstreamDns = startDetached(up.netns, argv, join(dir, 'upstream.out'));
  await waitUdp53(up.netns, state.pids.upstreamDns, 'upstream DNS');
}

async function waitUdp53(netns: string, pid: number, what: string): Promise<void> {
  await waitFor(async () => {
    const r = await run(netns, ['ss', '-lun'], { allowFail: true });
    if (/:53\s/.test(r.stdout)) return true;
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error(`${what} (dnsmasq) exited at start; see its log in the lab dir`);
    }
    return false;
  }, 5000, `${what} to listen on port 53`);
}
