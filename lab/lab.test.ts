/**
 * The lab for real: a Kubernetes cluster of the built components in network namespaces. Needs Linux,
 * root and the built components; elsewhere it fails with the reason unless
 * FLANNEL_DOCTOR_ALLOW_NO_LAB=1 (then it is skipped, loudly). The lab name is per process, so this file
 * can run beside other runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_COMPONENTS, components } from './cluster/components.js';
import { kubectl } from './cluster/control-plane.js';
import { livePods } from './lab-probes.js';
import { run } from './exec.js';
import { addFault, removeFault } from './fault-ops.js';
import { systemImage, until } from './faults/_cluster.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { diagnoseLab } from './diagnose-lab.js';
import { isAlive } from './processes.js';

const NAME = `ft${process.pid % 10_000_000}`;
const missing = components().filter((c) => !c.built && !TOOL_COMPONENTS.includes(c.name));
const why = labPrerequisite() ?? (missing.length ? `components not built: ${missing.map((c) => c.name).join(', ')} (bash lab/components/build.sh)` : undefined);
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('lab', () => {
    it('needs Linux, root and the built components (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`lab tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

/** What a lab could leave on the host: namespaces, root links, root iptables, mounts, cgroups, processes. */
function hostSnapshot() {
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(`/flannel-doctor-lab/${NAME}`));
  const cgroups = readdirSync('/sys/fs/cgroup/pids').filter((c) => c.startsWith(`${NAME}-`));
  // processes naming the lab dir (not this test process itself)
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(`/flannel-doctor-lab/${NAME}/`);
      } catch {
        return false;
      }
    });
  return {
    netns: execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith(`${NAME}-`)),
    links: execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).replace(/^\d+: /gm, '').split('\n').map((l) => l.split(/[:@]/)[0]).sort().join(','),
    iptables: execFileSync('iptables-save', [], { encoding: 'utf8' }).split('\n').filter((l) => !l.startsWith('#') && !/^:/.test(l)).join('\n'),
    mounts,
    cgroups,
    procs,
  };
}

async function pingFromPod(netns: string, ip: string): Promise<boolean> {
  return (await run(netns, ['ping', '-c', '1', '-W', '2', ip], { allowFail: true })).code === 0;
}

d('lab (a real cluster)', () => {
  let lab: OpenLab;
  let before: ReturnType<typeof hostSnapshot>;

  beforeAll(async () => {
    await labDown(NAME);
    before = hostSnapshot();
    lab = await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false });
  }, 300_000);

  afterAll(async () => {
    await labDown(NAME);
  }, 120_000);

  it('runs the built releases: nodes registered by their kubelets, podCIDRs from the controller-manager', async () => {
    const nodes = JSON.parse((await kubectl(lab, ['get', 'nodes', '-o', 'json'])).stdout).items;
    const k8s = components().find((c) => c.name === 'kubernetes')!.version;
    expect(nodes.map((n: any) => n.metadata.name).sort()).toEqual(['n1', 'n2']);
    expect(nodes.every((n: any) => n.status.nodeInfo.kubeletVersion === k8s)).toBe(true);
    expect(nodes.every((n: any) => n.spec.podCIDR?.startsWith('10.244.'))).toBe(true);
    expect(nodes.every((n: any) => n.metadata.annotations['flannel.alpha.coreos.com/backend-type'] === 'vxlan')).toBe(true);
    const version = JSON.parse((await kubectl(lab, ['version', '-o', 'json'])).stdout);
    expect(version.serverVersion.gitVersion).toBe(k8s);
  });

  it('flannel and CoreDNS run as real pods; pods reach each other across nodes and resolve names', async () => {
    const flannel = JSON.parse((await kubectl(lab, ['-n', 'kube-flannel', 'get', 'pods', '-o', 'json'])).stdout).items;
    expect(flannel.length).toBe(2);
    expect(flannel.every((p: any) => p.status.containerStatuses[0].ready)).toBe(true);
    const apps = livePods(lab.state, (l) => l.app === 'lab-app');
    expect(apps.map((p) => p.node).sort()).toEqual(['n1', 'n2']);
    expect(await pingFromPod(apps[0].netns, apps[1].ip)).toBe(true);
    const q = await run(apps[0].netns, [process.execPath, 'lab/bin/dns-query.mjs', lab.state.dnsServiceIP, '1500', 'kubernetes.default.svc.cluster.local'], { allowFail: true });
    expect(JSON.parse(q.stdout)).toMatchObject({ outcome: 'ok', answers: ['10.96.0.1'] });
  });

  it('diagnose --lab on the healthy cluster says nothing', async () => {
    const r = await diagnoseLab({ name: NAME });
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cause} ${f.nodes.join(',')}`)).toEqual([]);
  }, 120_000);

  it('flannel.vxlan-blocked: cross-node traffic to n2 dies, diagnose names it on n2, revert heals', async () => {
    await addFault(lab, 'flannel.vxlan-blocked', 'n2');
    lab = await openLab(NAME);
    const apps = livePods(lab.state, (l) => l.app === 'lab-app');
    const n1 = apps.find((p) => p.node === 'n1')!;
    const n2 = apps.find((p) => p.node === 'n2')!;
    expect(await pingFromPod(n1.netns, n2.ip)).toBe(false);
    const r = await diagnoseLab({ name: NAME });
    const top = r.findings.find((f) => f.severity !== 'info')!;
    expect([top.cause, top.nodes]).toEqual(['flannel.vxlan-blocked', ['n2']]);
    await removeFault(lab, 'flannel.vxlan-blocked');
    expect(await pingFromPod(n1.netns, n2.ip)).toBe(true);
  }, 180_000);

  it('a pod that cannot pull stays in the report after its detailed events expired', async () => {
    // The image's repository does not exist in the lab's registry: the real kubelet reports
    // ErrImagePull, then ImagePullBackOff. Deleting the events leaves what a user sees an hour later.
    const ref = { namespace: 'default', name: 'gone-image' };
    const image = systemImage(lab, 'pause').replace(/\/[^/]+$/, '/lab/never-pushed:1.0');
    lab.api.put({ apiVersion: 'v1', kind: 'Pod', metadata: ref, spec: { nodeName: 'n1', containers: [{ name: 'c', image }], terminationGracePeriodSeconds: 0 } });
    try {
      await until('the kubelet to back off pulling', () => {
        const st = lab.api.get('Pod', ref.namespace, ref.name)?.status?.containerStatuses?.[0]?.state?.waiting;
        return st?.reason === 'ImagePullBackOff' ? st : undefined;
      }, 120_000);
      await kubectl(lab, ['-n', ref.namespace, 'delete', 'events', '--field-selector', `involvedObject.name=${ref.name}`]);
      const r = await diagnoseLab({ name: NAME });
      expect(r.verdict).not.toBe('healthy');
      const mine = r.findings.filter((f) => f.severity === 'error' && f.pods.includes('default/gone-image'));
      expect(mine.length).toBeGreaterThan(0);
      expect(r.inventory.symptoms.some((s) => s.pod === 'default/gone-image' && s.image === image)).toBe(true);
      expect(r.inventory.seen).toBe(r.inventory.explained + r.inventory.unexplained);
    } finally {
      lab.api.remove('Pod', ref.namespace, ref.name);
    }
  }, 240_000);

  it('down removes every namespace, process, mount, cgroup and file; a failed up rolls back the same way', async () => {
    const pids = Object.values((await openLab(NAME)).state.pids);
    await labDown(NAME);
    expect(pids.filter((p) => isAlive(p))).toEqual([]);
    expect(hostSnapshot()).toEqual(before);
    await expect(labUp({ name: NAME, nodes: 1, podsPerNode: 0, images: false, failAfter: 'nodes' })).rejects.toThrow(/failAfter/);
    expect(hostSnapshot()).toEqual(before);
    // LAB_CYCLES=20 is the budget's proof; every fourth cycle's up fails at another phase.
    const cycles = Number(process.env.LAB_CYCLES ?? 1);
    const failAt = ['network', 'control plane', 'nodes', 'flannel', 'coredns'];
    for (let i = 0; i < cycles; i++) {
      const failAfter = i % 4 === 3 ? failAt[Math.floor(i / 4) % failAt.length] : undefined;
      const up = labUp({ name: NAME, nodes: 1, podsPerNode: 0, images: false, failAfter });
      if (failAfter) await expect(up).rejects.toThrow(/failAfter/); // rolled back by itself, no down
      else {
        await up;
        await labDown(NAME);
      }
      expect({ cycle: i, failAfter, ...hostSnapshot() }).toEqual({ cycle: i, failAfter, ...before });
    }
    expect(existsSync(`/run/flannel-doctor-lab/${NAME}`)).toBe(false);
  }, 300_000 + Number(process.env.LAB_CYCLES ?? 1) * 90_000);
});
