import type { CniConfigFile } from '../../evidence/node.js';
import { ipamSubnets, parseCniConfig } from '../../parsers/cni-config.js';
import { isRecord } from '../../parsers/json-text.js';
import type { GatherContext } from './context.js';

export const DEFAULT_CNI_CONF_DIR = '/etc/cni/net.d';
export const DEFAULT_CNI_BIN_DIR = '/opt/cni/bin';
const CONF_EXT = /\.(conf|conflist|json)$/;

/**
 * CNI configs in the order containerd loads them (lexicographic; the first valid one wins), and the
 * plugin binaries present in the bin dir(s). Honours containerd's conf_dir/bin_dir when set.
 */
export async function gatherCni(ctx: GatherContext): Promise<void> {
  const { files, node } = ctx;
  const confDir = node.containerd?.cniConfDir ?? DEFAULT_CNI_CONF_DIR;
  const binDirs = (node.containerd?.cniBinDir ?? DEFAULT_CNI_BIN_DIR).split(':').filter(Boolean);
  node.cniConfDir = confDir;
  node.cniBinDir = binDirs.join(':');

  const names = (await files.list(confDir)) ?? [];
  const configs: CniConfigFile[] = [];
  await Promise.all(
    names
      .filter((n) => CONF_EXT.test(n))
      .map(async (n, i) => {
        const file = `${confDir.replace(/\/$/, '')}/${n}`;
        const r = await files.read(file, 1024 * 1024);
        if (r.text === undefined) {
          if (r.error) configs[i] = { file, pluginTypes: [], valid: false, problems: [{ file, message: `cannot read: ${r.error}` }] };
          return;
        }
        configs[i] = parseCniConfig(r.text, file);
      }),
  );
  node.cniConfigs = configs.filter(Boolean);

  const bins = new Set<string>();
  for (const dir of binDirs) {
    for (const n of (await files.list(dir)) ?? []) {
      if (await files.isExecutableFile(`${dir.replace(/\/$/, '')}/${n}`)) bins.add(n);
    }
  }
  node.cniBinaries = [...bins].sort();
  ctx.gathered('cni');
}

const RUNNING_SANDBOXES = '/run/containerd/io.containerd.runtime.v2.task/k8s.io';
const IP_FILE = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;

/**
 * host-local IPAM state in /var/lib/cni/networks/<net>/: one file per allocated IP holding the
 * container id. Range size comes from the config (static subnet) or, for flannel, from
 * FLANNEL_SUBNET. A file is counted as leaked when containerd's task dir is readable and has no
 * sandbox with that id (so leaked is only set when it is knowable).
 */
export async function gatherIpam(ctx: GatherContext): Promise<void> {
  const { files, node } = ctx;
  const base = '/var/lib/cni/networks';
  const nets = (await files.list(base)) ?? [];
  const running = (await files.list(RUNNING_SANDBOXES)) ?? undefined;
  for (const net of nets) {
    const dir = `${base}/${net}`;
    if (!(await files.isDir(dir))) continue;
    const ips = ((await files.list(dir)) ?? []).filter((n) => IP_FILE.test(n));
    const entry: IpamEntry = { network: net, allocated: ips.length };
    const size = rangeSizeFor(net, node.cniConfigs, node.subnetEnv?.subnet);
    if (size !== undefined) entry.rangeSize = size;
    if (running) {
      const live = new Set(running);
      let leaked = 0;
      await Promise.all(
        ips.map(async (ip) => {
          const id = (await files.read(`${dir}/${ip}`, 4096)).text?.split(/\r?\n/)[0]?.trim();
          if (id && !live.has(id)) leaked++;
        }),
      );
      entry.leaked = leaked;
    }
    node.ipam.push(entry);
  }
  ctx.gathered('ipam');
}

type IpamEntry = GatherContext['node']['ipam'][number];

/** Usable addresses of a host-local range: the subnet minus network, gateway and broadcast. */
export function usableInSubnet(cidr: string): number | undefined {
  const m = /^[\d.]+\/(\d{1,2})$/.exec(cidr.split(',')[0].trim());
  if (!m) return undefined;
  const len = Number(m[1]);
  if (len > 30) return undefined;
  return 2 ** (32 - len) - 3;
}

function rangeSizeFor(net: string, configs: CniConfigFile[], flannelSubnet?: string): number | undefined {
  for (const c of configs) {
    if (c.name !== net) continue;
    const subnets = ipamSubnets(c);
    if (subnets.length) return subnets.map(usableInSubnet).reduce<number>((a, b) => a + (b ?? 0), 0) || undefined;
    if (c.pluginTypes.includes('flannel') && flannelSubnet) return usableInSubnet(flannelSubnet);
  }
  return undefined;
}

/** subnet.env path the flannel CNI config asks for (its `subnetFile`), else the default. */
export function subnetFileFrom(configs: CniConfigFile[]): string {
  for (const c of configs) {
    const raw = c.raw;
    const plugins = isRecord(raw) && Array.isArray(raw.plugins) ? raw.plugins : [raw];
    for (const p of plugins) if (isRecord(p) && p.type === 'flannel' && typeof p.subnetFile === 'string' && p.subnetFile) return p.subnetFile;
  }
  return '/run/flannel/subnet.env';
}
