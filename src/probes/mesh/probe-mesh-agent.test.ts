/**
 * The mesh probe as an agent runs it (onlyFrom its node, every target without a namespace): the
 * peers are reached over the network, so only this node's state can be read. Its state must never be
 * taken for a peer's (a fake runner here: no namespaces needed).
 */
import { describe, expect, it } from 'vitest';
import { judgePairs } from '../../rules/probe/_mesh-pair.js';
import { probeMesh } from './probe-mesh.js';
import type { MeshExecResult, MeshRunner, MeshTarget } from './types.js';

const N1 = { name: 'n1', underlayIp: '172.31.250.11', flannelIp: '10.244.0.0' };
const N2 = { name: 'n2', underlayIp: '172.31.250.12', flannelIp: '10.244.1.0' };

/** This node (n1): its addresses and routes, as `ip -4 -j -batch` prints them. */
function localState(tag: string): string {
  const routes = JSON.stringify([{ dst: '10.244.1.0/24', gateway: '10.244.1.0', dev: 'flannel.1' }]);
  const addrs = JSON.stringify([
    { ifname: 'lo', mtu: 65536, addr_info: [{ local: '127.0.0.1' }] },
    { ifname: 'eth0', mtu: 1500, addr_info: [{ local: '172.31.250.11' }] },
    { ifname: 'flannel.1', mtu: 1450, addr_info: [{ local: '10.244.0.0' }] },
  ]);
  const neigh = JSON.stringify([{ dst: '10.244.1.0', lladdr: 'aa:bb:cc:00:00:02', state: ['PERMANENT'] }]);
  const fdb = JSON.stringify([{ mac: 'aa:bb:cc:00:00:02', dst: '172.31.250.12' }]);
  return `@@${tag}-stats\n[]\n@@${tag}-snmp\n@@${tag}-fwd\n1\n@@${tag}-batch\n${routes}\n${neigh}\n[]\n${addrs}\n@@${tag}-fdb\n${fdb}\n`;
}

/** The underlay answers, nothing over flannel.1 does (VXLAN dropped on the peer). */
function runner(calls: { netns: string | undefined; argv: string[] }[]): MeshRunner {
  const up = (ip: string) => ip.startsWith('172.31.');
  return {
    async exec(netns, argv): Promise<MeshExecResult> {
      calls.push({ netns, argv });
      if (argv[0] === 'fping') {
        const ips = argv.filter((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
        return { stdout: '', stderr: ips.map((ip) => `${ip} : ${up(ip) ? '0.10' : '-'}`).join('\n') + '\n', code: ips.every(up) ? 0 : 1 };
      }
      const script = argv[2] ?? '';
      const ips = [...script.matchAll(/ (\d+\.\d+\.\d+\.\d+)(?= |$)/gm)].map((m) => m[1]!);
      const pings = [...new Set(ips)].map((ip, i) => `/t/g${i}:${ip} : ${up(ip) ? '0.10' : '-'}`).join('\n');
      const before = script.includes('@@before-batch') ? localState('before') : '@@before-stats\n[]\n@@before-snmp\n';
      return { stdout: `${before}@@pings\n${pings}\n@@after-stats\n[]\n@@after-snmp\n`, stderr: '', code: 0 };
    },
  };
}

/** fping, direct or in the phase-2 shell (one file per group), answering `answer(ip, count)` per target. */
function fpingFake(answer: (ip: string, count: number) => string, bursts: string[][]): MeshRunner {
  const lines = (argv: string[]) => {
    const n = Number(argv[argv.indexOf('-C') + 1]);
    if (n > 1) bursts.push(argv);
    return argv.filter((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)).map((ip) => `${ip} : ${answer(ip, n)}`);
  };
  return {
    async exec(_netns, argv): Promise<MeshExecResult> {
      if (argv[0] === 'fping') return { stdout: '', stderr: lines(argv).join('\n') + '\n', code: 1 };
      const script = argv[2] ?? '';
      const groups = script.split('\n').filter((l) => l.startsWith('fping -C')).map((l, g) => lines(l.split(' >')[0]!.split(' ')).map((x) => `/t/g${g}:${x}`).join('\n'));
      const before = script.includes('@@before-batch') ? localState('before') : '@@before-stats\n[]\n@@before-snmp\n';
      return { stdout: `${before}@@pings\n${groups.join('\n')}\n@@after-stats\n[]\n@@after-snmp\n`, stderr: '', code: 0 };
    },
  };
}

describe('probeMesh as an agent (onlyFrom, peers without a namespace)', () => {
  it('reads only its own node\'s state; a peer\'s addresses are never this node\'s', async () => {
    const calls: { netns: string | undefined; argv: string[] }[] = [];
    const targets: MeshTarget[] = [N1, N2];
    const r = await probeMesh(targets, { onlyFrom: 'n1', runner: runner(calls), timeoutMs: 200 });
    expect(r.results.every((x) => x.from === 'n1' && x.to === 'n2')).toBe(true);
    expect(r.results.find((x) => x.path === 'underlay')?.ok).toBe(true);
    expect(r.results.find((x) => x.path === 'vxlan-udp')?.ok).toBe(false);
    // n1's own state (no 172.31.250.12 on it) taken for n2's made this "n2 advertises an address it lacks"
    // (seen on the lab: "n2 advertises 172.31.250.12 but has no such address", "n2 has no route to n1's pod subnet")
    // (the probe only measures: what its results mean is judged as the mesh rule judges them)
    expect(r.nodes.map((o) => [o.node, o.by, !!o.state])).toEqual([['n1', 'n1', true], ['n2', 'n1', false]]);
    const judged = judgePairs(r.results, r.nodes);
    expect(judged.filter((x) => !x.ok).every((x) => x.cause !== undefined)).toBe(true);
    expect(judged.filter((x) => /^n2 /.test(x.detail ?? '')).map((x) => x.detail)).toEqual([]);
    // n1's own state is healthy (route, neighbour, FDB for n2): nothing is blamed on it
    expect(judged.filter((x) => x.faultNode === 'n1').map((x) => x.detail)).toEqual([]);
    // the state was read once per phase-2 shell, in this node's own namespace
    expect(calls.filter((c) => c.argv[0] === 'sh').every((c) => c.netns === undefined)).toBe(true);
  });
});

describe('probeMesh on a lossy link', () => {
  it('a follow-up probe whose reply was lost once is asked again, and its second answer counts', async () => {
    // n2's underlay address loses its first reply (a lossy link); the overlay's big MTU probe fails once too
    const asked = new Map<string, number>();
    const answers = (ip: string) => {
      const n = (asked.get(ip) ?? 0) + 1;
      asked.set(ip, n);
      return n > 1;
    };
    const lossy: MeshRunner = {
      async exec(_netns, argv): Promise<MeshExecResult> {
        if (argv[0] === 'fping') {
          const ips = argv.filter((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
          const ok = ips.map((ip) => [ip, answers(ip)] as const);
          return { stdout: '', stderr: ok.map(([ip, y]) => `${ip} : ${y ? '0.10' : '-'}`).join('\n') + '\n', code: ok.every(([, y]) => y) ? 0 : 1 };
        }
        const script = argv[2] ?? '';
        const ips = [...new Set([...script.matchAll(/ (\d+\.\d+\.\d+\.\d+)(?= |$)/gm)].map((m) => m[1]!))];
        const pings = ips.map((ip, i) => `/t/g${i}:${ip} : ${answers(ip) ? '0.10' : '-'}`).join('\n');
        const before = script.includes('@@before-batch') ? localState('before') : '@@before-stats\n[]\n@@before-snmp\n';
        return { stdout: `${before}@@pings\n${pings}\n@@after-stats\n[]\n@@after-snmp\n`, stderr: '', code: 0 };
      },
    };
    const r = await probeMesh([N1, N2], { onlyFrom: 'n1', runner: lossy, timeoutMs: 200 });
    expect(r.results.filter((x) => x.from === 'n1').map((x) => [x.path, x.ok])).toEqual(r.results.filter((x) => x.from === 'n1').map((x) => [x.path, true]));
    expect(asked.get('172.31.250.12')).toBe(2);
  });

  it('a probe lost twice in a row is asked a last time with a burst, and one reply in it counts; a path that loses every packet still fails', async () => {
    // every single-packet probe to n2's pod subnet is lost; a burst gets one of three through
    const bursts: string[][] = [];
    const lossy = fpingFake((ip, n) => (!ip.startsWith('10.244.1.') ? '0.10' : n === 1 ? '-' : '- 0.20 -'), bursts);
    const r = await probeMesh([N1, N2], { onlyFrom: 'n1', runner: lossy, timeoutMs: 200 });
    expect(bursts.length).toBeGreaterThan(0);
    expect(r.results.filter((x) => !x.ok).map((x) => x.path)).toEqual([]);
    // the same path losing every packet of the burst too is still a failure
    const blocked = fpingFake((ip, n) => (ip.startsWith('10.244.1.') ? Array(n).fill('-').join(' ') : '0.10'), []);
    const b = await probeMesh([N1, N2], { onlyFrom: 'n1', runner: blocked, timeoutMs: 200 });
    expect(b.results.find((x) => x.path === 'vxlan-udp')?.ok).toBe(false);
  });
});
