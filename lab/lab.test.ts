/**
 * The lab for real: namespaces, VXLAN, the CNI plugins, dnsmasq, the API process. Needs Linux + root;
 * elsewhere it fails with the reason unless FLANNEL_DOCTOR_ALLOW_NO_LAB=1 (then it is skipped, loudly).
 * Namespaces use a per-process prefix (ft<pid>) so this file can run beside other test files and runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './exec.js';
import { addFault, removeFault } from './fault-ops.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { isAlive } from './processes.js';

// unique per process: two test runs at once (or another engineer's) never share a lab
const NAME = `ft${process.pid % 10_000_000}`;
const why = labPrerequisite();
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('lab', () => {
    it('needs Linux and root (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`lab tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

function rootSnapshot(): { netns: string[]; links: string; iptables: string } {
  return {
    netns: execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith(`${NAME}-`)),
    links: execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).replace(/^\d+: /gm, '').split('\n').map((l) => l.split(':')[0]).sort().join(','),
    iptables: execFileSync('iptables-save', [], { encoding: 'utf8' }).split('\n').filter((l) => !l.startsWith('#')).join('\n'),
  };
}

async function pingOk(netns: string, ip: string): Promise<boolean> {
  const r = await run(netns, ['ping', '-c', '1', '-W', '1', ip], { allowFail: true });
  return r.code === 0;
}

d('lab (real namespaces)', () => {
  let lab: OpenLab;
  let before: ReturnType<typeof rootSnapshot>;
  const pod = (node: string, i = 1) => lab.state.pods.find((p) => p.name === `app-${node}-${i}`)!;

  beforeAll(async () => {
    await labDown(NAME);
    before = rootSnapshot();
    lab = await labUp({ name: NAME, nodes: 3, podsPerNode: 2, images: false });
  }, 60_000);

  afterAll(async () => {
    await labDown(NAME);
  }, 60_000);

  it('builds 3 nodes with flannel.1 as flanneld programs it', async () => {
    expect(lab.state.nodes.map((n) => n.name)).toEqual(['n1', 'n2', 'n3']);
    const link = JSON.parse((await run(lab.state.nodes[0].netns, ['ip', '-d', '-j', 'link', 'show', 'flannel.1'])).stdout)[0];
    expect(link.linkinfo.info_kind).toBe('vxlan');
    expect(link.linkinfo.info_data.id).toBe(1);
    expect(link.linkinfo.info_data.port).toBe(8472);
    expect(link.mtu).toBe(1450);
    expect(link.address).toBe(lab.state.nodes[0].vtepMac);
    const fdb = (await run(lab.state.nodes[0].netns, ['bridge', 'fdb', 'show', 'dev', 'flannel.1'])).stdout;
    expect(fdb).toContain(`${lab.state.nodes[1].vtepMac} dst ${lab.state.nodes[1].ip} self permanent`);
    const routes = (await run(lab.state.nodes[0].netns, ['ip', 'route'])).stdout;
    expect(routes).toContain('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink');
    const ipt = (await run(lab.state.nodes[0].netns, ['iptables-save'])).stdout;
    expect(ipt).toContain('-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully');
    expect(readFileSync(`${lab.state.nodes[0].root}/run/flannel/subnet.env`, 'utf8')).toContain('FLANNEL_SUBNET=10.244.1.1/24');
  });

  it('wires pods with the real bridge + host-local plugins (cni0, IPAM state in the node tree)', async () => {
    const p = pod('n2');
    expect(p.ip).toMatch(/^10\.244\.2\.\d+$/);
    const cni0 = (await run(lab.node('n2').netns, ['ip', '-4', 'addr', 'show', 'cni0'])).stdout;
    expect(cni0).toContain('10.244.2.1/24');
    expect(existsSync(`${lab.node('n2').root}/var/lib/cni/networks/cbr0/${p.ip}`)).toBe(true);
    const podRoutes = (await run(p.netns, ['ip', 'route'])).stdout;
    expect(podRoutes).toContain('default via 10.244.2.1');
    expect(podRoutes).toContain('10.244.0.0/16 via 10.244.2.1');
  });

  it('pings pod to pod across nodes through VXLAN', async () => {
    const n3 = lab.node('n3');
    const txBefore = Number(readStat(n3.netns, 'tx_packets'));
    expect(await pingOk(pod('n3').netns, pod('n1').ip!)).toBe(true);
    expect(Number(readStat(n3.netns, 'tx_packets'))).toBeGreaterThan(txBefore);
  });

  it('resolves cluster and external names through the kube-dns Service IP', async () => {
    for (const p of [pod('n1'), pod('n3')]) {
      const cluster = (await run(p.netns, ['getent', 'hosts', 'kubernetes.default.svc.cluster.local'])).stdout;
      expect(cluster).toContain('10.96.0.1');
      const external = (await run(p.netns, ['getent', 'hosts', 'www.example.lab'])).stdout;
      expect(external).toContain('172.31.250.80');
    }
    expect(readFileSync(`/etc/netns/${pod('n2').netns}/resolv.conf`, 'utf8')).toContain('options ndots:5');
  });

  it('serves its objects through the API process', async () => {
    const res = await fetch(`${lab.state.api!.url}/api/v1/nodes`);
    const nodes = (await res.json()) as { items: { metadata: { name: string; annotations: Record<string, string> }; spec: { podCIDR: string } }[] };
    expect(nodes.items.map((n) => n.spec.podCIDR).sort()).toEqual(['10.244.1.0/24', '10.244.2.0/24', '10.244.3.0/24']);
    expect(nodes.items[0].metadata.annotations['flannel.alpha.coreos.com/backend-type']).toBe('vxlan');
  });

  it('flannel.vxlan-blocked breaks cross-node traffic to that node and reverts cleanly', async () => {
    lab = await openLab(NAME);
    await addFault(lab, 'flannel.vxlan-blocked', 'n2');
    expect(await pingOk(pod('n1').netns, pod('n2').ip!)).toBe(false);
    expect(await pingOk(pod('n1').netns, pod('n3').ip!)).toBe(true);
    await removeFault(await openLab(NAME), 'flannel.vxlan-blocked');
    expect(await pingOk(pod('n1').netns, pod('n2').ip!)).toBe(true);
  });

  it('cni.subnet-env-missing makes the next pod fail with the flannel plugin text, in events too', async () => {
    lab = await openLab(NAME);
    await addFault(lab, 'cni.subnet-env-missing', 'n3');
    lab = await openLab(NAME);
    const events = lab.api.list('Event', 'default').filter((e) => e.reason === 'FailedCreatePodSandBox');
    expect(events.length).toBe(1);
    expect(events[0].message).toContain(`plugin type="flannel" failed (add): failed to load flannel 'subnet.env' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.`);
    await removeFault(lab, 'cni.subnet-env-missing');
    lab = await openLab(NAME);
    expect(lab.api.list('Event', 'default').filter((e) => e.reason === 'FailedCreatePodSandBox')).toEqual([]);
  });

  it('two faults on different nodes at once', async () => {
    lab = await openLab(NAME);
    await addFault(lab, 'flannel.route-missing', 'n1');
    await addFault(await openLab(NAME), 'node.ip-forward', 'n3');
    lab = await openLab(NAME);
    expect(lab.state.faults.map((f) => `${f.id}@${f.node}`)).toEqual(['flannel.route-missing@n1', 'node.ip-forward@n3']);
    expect(await pingOk(pod('n1').netns, pod('n2').ip!)).toBe(false);
    expect((await run(lab.node('n3').netns, ['cat', '/proc/sys/net/ipv4/ip_forward'])).stdout.trim()).toBe('0');
    await removeFault(lab, 'flannel.route-missing');
    await removeFault(await openLab(NAME), 'node.ip-forward');
    expect(await pingOk(pod('n1').netns, pod('n2').ip!)).toBe(true);
  });

  it('down removes every namespace, process and file; 20 up/down cycles leave nothing', async () => {
    const pids = Object.values((await openLab(NAME)).state.pids);
    await labDown(NAME);
    expect(pids.every((p) => !isAlive(p))).toBe(true);
    expect(rootSnapshot()).toEqual(before);
    const cycles = Number(process.env.LAB_CYCLES ?? 20);
    for (let i = 0; i < cycles; i++) {
      await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false, noApi: i % 2 === 1 });
      await labDown(NAME);
    }
    expect(rootSnapshot()).toEqual(before);
    expect(existsSync(`/run/flannel-doctor-lab/${NAME}`)).toBe(false);
    // no process still names the lab's dir (dnsmasq, the API process, CNI plugins)
    const left = (await run(undefined, ['pgrep', '-f', `/run/flannel-doctor-lab/${NAME}/`], { allowFail: true })).stdout.trim();
    expect(left).toBe('');
  }, 300_000);
});

function readStat(netns: string, stat: string): string {
  return execFileSync('ip', ['netns', 'exec', netns, 'cat', `/sys/class/net/flannel.1/statistics/${stat}`], { encoding: 'utf8' }).trim();
}
