/**
 * A minimal lab for testing the images side without the core: an underlay bridge namespace, one
 * node namespace (resolv.conf under /etc/netns/<ns>/), a dnsmasq standing in for the core's
 * upstream DNS (same flags), an in-memory API store. Everything carries a unique prefix and is
 * removed by `destroy()`, which also verifies nothing was left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabHandle, LabNode, LabState } from '../types.js';
import { ApiStore } from '../api-store.js';
import { run } from '../exec.js';
import { spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';
import { attachNetns, detachNetns } from './netns.js';

export interface Harness {
  lab: LabHandle;
  node: LabNode;
  destroy(): Promise<string[]>;
}

export async function createHarness(tag: string): Promise<Harness> {
  const prefix = `fdi${tag}${process.pid % 10000}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const cidr = '172.31.240.0/24';
  const dnsIp = '172.31.240.53';
  const underlay = { netns: `${prefix}-u`, bridge: 'br0', cidr };
  const node: LabNode = { name: 'n1', netns: `${prefix}-n1`, ip: '172.31.240.2', podCIDR: '10.244.1.0/24', root: path.join(dir, 'nodes', 'n1'), arch: 'amd64' };
  const state: LabState = {
    prefix,
    dir,
    underlay,
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    dnsServiceIP: '10.96.0.10',
    nodes: [node],
    pods: [],
    pids: {},
    registries: [],
    faults: [],
    netnsCreated: [],
    upstreamDns: { netns: `${prefix}-dns`, ip: dnsIp, zone: 'example.lab', hostsFile: path.join(dir, 'dns', 'external-hosts') },
  };
  const store = new ApiStore(path.join(dir, 'api-objects.json'));
  const lab: LabHandle = {
    state,
    exec: (netns, argv, opts) => run(netns, argv, opts),
    node: (name) => {
      const n = state.nodes.find((x) => x.name === name);
      if (!n) throw new Error(`no lab node ${name}`);
      return n;
    },
    api: store,
    save: async () => {},
  };

  const etcNetns = `/etc/netns/${node.netns}`;
  const destroy = async (): Promise<string[]> => {
    const { stopImagesSide } = await import('./images-side.js');
    const problems: string[] = [];
    try {
      await stopImagesSide(lab);
    } catch (e) {
      problems.push((e as Error).message);
    }
    await stopProcess(state.pids.upstreamDns, 'dnsmasq');
    for (const ns of [state.upstreamDns!.netns, node.netns, underlay.netns, ...(state.netnsCreated ?? [])]) await detachNetns(lab, ns);
    fs.rmSync(etcNetns, { recursive: true, force: true });
    // leftovers check: processes, mounts, namespaces
    const ps = (await run(undefined, ['ps', '-eo', 'args'])).stdout;
    if (ps.includes(dir)) problems.push(`process still running with ${dir} in its args`);
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8');
    if (mounts.includes(dir)) problems.push(`mount under ${dir} remains`);
    const nss = (await run(undefined, ['ip', 'netns', 'list'])).stdout;
    if (nss.split('\n').some((l) => l.startsWith(prefix + '-'))) problems.push(`namespace ${prefix}-* remains`);
    fs.rmSync(dir, { recursive: true, force: true });
    return problems;
  };

  try {
    for (const ns of [underlay.netns]) await run(undefined, ['ip', 'netns', 'add', ns]);
    await run(underlay.netns, ['ip', 'link', 'add', 'br0', 'type', 'bridge']);
    await run(underlay.netns, ['ip', 'link', 'set', 'br0', 'up']);
    await attachNetns(lab, node.netns, 'n1', [node.ip]);
    await attachNetns(lab, state.upstreamDns!.netns, 'dns', [dnsIp]);
    fs.mkdirSync(etcNetns, { recursive: true });
    fs.writeFileSync(path.join(etcNetns, 'resolv.conf'), `nameserver ${dnsIp}\nsearch example.lab\n`);
    const hosts = state.upstreamDns!.hostsFile;
    fs.mkdirSync(path.dirname(hosts), { recursive: true });
    fs.writeFileSync(hosts, `${dnsIp} ns1.example.lab\n`);
    const log = path.join(dir, 'dns', 'upstream.log');
    state.pids.upstreamDns = spawnInNetns(state.upstreamDns!.netns, [
      'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', '--no-resolv', '--no-hosts', `--addn-hosts=${hosts}`,
      '--local=/example.lab/', '--domain-needed', '--cache-size=0', '--user=root', `--log-facility=${log}`, `--pid-file=${path.join(dir, 'dns', 'pid')}`,
    ], { log: log + '.out' });
    await waitFor('harness dnsmasq', async () => /:53\s/.test((await run(state.upstreamDns!.netns, ['ss', '-lun'])).stdout), 5000, log + '.out');
  } catch (e) {
    await destroy();
    throw e;
  }
  return { lab, node, destroy };
}
