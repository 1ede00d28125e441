/**
 * Test and bench helper (not library): a small flannel-style VXLAN topology in network namespaces.
 * One underlay namespace with a bridge; per node a namespace with eth0 on that bridge, flannel.1
 * (VNI 1, port 8472, no learning) programmed like flanneld (neighbour, FDB, onlink route per peer)
 * and a pod namespace behind a veth. Every name carries the prefix; destroy() deletes the namespaces,
 * which takes their links and iptables rules with them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { MeshTarget } from './types.js';

const pexec = promisify(execFile);

export interface Testbed {
  prefix: string;
  underlayNs: string;
  targets: MeshTarget[];
  /** run a command in a namespace; throws with stderr on failure */
  sh(netns: string, cmd: string): Promise<string>;
  destroy(): Promise<void>;
}

const mac = (i: number) => `02:fd:00:00:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`;

async function ipBatch(netns: string | undefined, lines: string[]): Promise<void> {
  const args = [...(netns ? ['-n', netns] : []), '-batch', '-'];
  await new Promise<void>((resolve, reject) => {
    const child = execFile('ip', args, (err, _o, stderr) => (err ? reject(new Error(`ip -batch in ${netns ?? 'root'}: ${stderr || err.message}`)) : resolve()));
    child.stdin!.end(lines.join('\n') + '\n');
  });
}

async function sh(netns: string, cmd: string): Promise<string> {
  try {
    const { stdout } = await pexec('ip', ['netns', 'exec', netns, 'sh', '-c', cmd]);
    return stdout;
  } catch (e) {
    throw new Error(`${netns}: ${cmd}: ${(e as { stderr?: string }).stderr ?? (e as Error).message}`);
  }
}

/** Builds n nodes (n ≤ 200). Underlay 10.250.0.0/24, pod subnets 10.244.<i>.0/24. */
export async function buildTestbed(prefix: string, n: number, flannelMtu = 1450): Promise<Testbed> {
  const U = `${prefix}u`;
  const nodes = Array.from({ length: n }, (_, k) => k + 1);
  const nodeNs = (i: number) => `${prefix}n${i}`;
  const podNs = (i: number) => `${prefix}p${i}`;
  const made: string[] = [];
  const destroy = async () => {
    await Promise.all(made.map((ns) => pexec('ip', ['netns', 'del', ns]).catch(() => undefined)));
  };
  try {
    for (const ns of [U, ...nodes.flatMap((i) => [nodeNs(i), podNs(i)])]) {
      await pexec('ip', ['netns', 'add', ns]);
      made.push(ns);
    }
    await ipBatch(U, ['link set lo up', 'link add br0 type bridge', 'link set br0 up']);
    // veth pairs are created in the underlay ns, then one end moves into the node (names stay unique per ns)
    await ipBatch(U, nodes.flatMap((i) => [`link add b${i} type veth peer name eth0 netns ${nodeNs(i)}`, `link set b${i} master br0`, `link set b${i} up`]));
    await Promise.all(
      nodes.map(async (i) => {
        const ip = `10.250.0.${i + 10}`;
        await ipBatch(nodeNs(i), [
          'link set lo up',
          `addr add ${ip}/24 dev eth0`,
          'link set eth0 up',
          `link add flannel.1 address ${mac(i)} type vxlan id 1 local ${ip} dev eth0 dstport 8472 nolearning`,
          `link set flannel.1 mtu ${flannelMtu}`,
          `addr add 10.244.${i}.0/32 dev flannel.1`,
          'link set flannel.1 up',
          `link add veth0 type veth peer name eth0 netns ${podNs(i)}`,
          `link set veth0 mtu ${flannelMtu}`,
          `addr add 10.244.${i}.1/24 dev veth0`,
          'link set veth0 up',
          ...nodes.filter((j) => j !== i).flatMap((j) => [`neigh add 10.244.${j}.0 lladdr ${mac(j)} dev flannel.1 nud permanent`, `route add 10.244.${j}.0/24 via 10.244.${j}.0 dev flannel.1 onlink`]),
        ]);
        const fdb = nodes.filter((j) => j !== i).map((j) => `fdb append ${mac(j)} dev flannel.1 dst 10.250.0.${j + 10} self permanent`);
        await new Promise<void>((resolve, reject) => {
          const c = execFile('bridge', ['-n', nodeNs(i), '-batch', '-'], (err, _o, se) => (err ? reject(new Error(`bridge fdb in ${nodeNs(i)}: ${se}`)) : resolve()));
          c.stdin!.end(fdb.join('\n') + '\n');
        });
        await pexec('ip', ['netns', 'exec', nodeNs(i), 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
        await ipBatch(podNs(i), ['link set lo up', `link set eth0 mtu ${flannelMtu}`, `addr add 10.244.${i}.2/24 dev eth0`, 'link set eth0 up', `route add default via 10.244.${i}.1`]);
      }),
    );
  } catch (e) {
    await destroy();
    throw e;
  }
  const targets: MeshTarget[] = nodes.map((i) => ({
    name: `n${i}`,
    netns: nodeNs(i),
    underlayIp: `10.250.0.${i + 10}`,
    flannelIp: `10.244.${i}.0`,
    flannelMtu,
    pod: { ip: `10.244.${i}.2`, netns: podNs(i), mtu: flannelMtu, name: `default/pod-n${i}` },
  }));
  return { prefix, underlayNs: U, targets, sh, destroy };
}
