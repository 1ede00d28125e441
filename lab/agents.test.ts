/**
 * The production path on the real cluster: the agent image built without Docker, pushed to the lab's
 * registry, deploy/manifests/ applied with only the image swapped, real kubelets running the
 * DaemonSet; then live diagnose as the manifests' own ServiceAccount (the identity the CronJob runs
 * as): RBAC is exactly enough (no 403), Secrets withheld are named as not checked, and only the
 * DaemonSet's pods are believed. Needs Linux, root and the built components, like lab.test.ts.
 * FD_TEST_LAB=<name> runs it against a lab you brought up yourself (left up afterwards).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_COMPONENTS, components, programOf } from './cluster/components.js';
import { kubectl, adminKubeconfig } from './cluster/control-plane.js';
import { AGENT_DAEMONSET, AGENT_NAMESPACE, agentsDown, agentsUp, tokenFile, type AgentsUpReport } from './cluster/agents.js';
import { systemImage } from './cluster/images.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { gatherEvidence } from '../src/sources/gather.js';
import { diagnose } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import { buildAgentImage } from '../scripts/image/agent-image.js';

const reuse = process.env.FD_TEST_LAB;
const NAME = reuse ?? `fa${process.pid % 10_000_000}`;
// helm is the chart test's (lab/helm.test.ts), not needed here
const missing = components().filter((c) => !c.built && !TOOL_COMPONENTS.includes(c.name));
const why = labPrerequisite() ?? (missing.length ? `components not built: ${missing.map((c) => c.name).join(', ')} (bash lab/components/build.sh)` : undefined);
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('agents on the lab', () => {
    it('needs Linux, root and the built components (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`agent lab tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

const json = async (lab: OpenLab, args: string[]) => JSON.parse((await kubectl(lab, [...args, '-o', 'json'])).stdout);

/** A kubeconfig for the manifests' ServiceAccount: the admin's cluster entry and a bound token. */
async function serviceAccountKubeconfig(lab: OpenLab, dir: string): Promise<string> {
  const token = (await kubectl(lab, ['-n', AGENT_NAMESPACE, 'create', 'token', 'flannel-doctor', '--duration=1h'])).stdout.trim();
  const admin = JSON.parse(execFileSync(programOf('kubernetes', 'kubectl'), ['--kubeconfig', adminKubeconfig(lab.state), 'config', 'view', '--raw', '--minify', '-o', 'json'], { encoding: 'utf8' }));
  const conf = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'lab', cluster: admin.clusters[0].cluster }],
    users: [{ name: 'sa', user: { token } }],
    contexts: [{ name: 'sa', context: { cluster: 'lab', user: 'sa' } }],
    'current-context': 'sa',
  };
  const file = path.join(dir, 'sa-kubeconfig');
  fs.writeFileSync(file, JSON.stringify(conf), { mode: 0o600 });
  return file;
}

d('the agents deployed as a user deploys them, read by live diagnose', () => {
  let lab: OpenLab;
  let up: AgentsUpReport;
  let dir: string;
  let saConf: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-agents-'));
    if (!reuse) {
      await labDown(NAME);
      await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false });
    }
    lab = await openLab(NAME);
    up = await agentsUp(lab, { timeoutS: 600 });
    saConf = await serviceAccountKubeconfig(lab, dir);
  }, 1_800_000);

  afterAll(async () => {
    if (lab) await agentsDown(lab).catch(() => {});
    if (!reuse) await labDown(NAME);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it('the kubelets run one DaemonSet pod per node, from the image the script built (same digest)', async () => {
    const pods = (await json(lab, ['-n', AGENT_NAMESPACE, 'get', 'pods', '-l', 'app.kubernetes.io/component=agent'])).items as any[];
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(lab.state.nodes.map((n) => n.name).sort());
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.ownerReferences[0]).toMatchObject({ kind: 'DaemonSet', name: AGENT_DAEMONSET });
      // the kubelet reports the manifest digest it pulled
      expect(p.status.containerStatuses[0].imageID).toContain(up.digest);
      // only NET_ADMIN and NET_RAW, as the manifest says
      expect(p.spec.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['NET_RAW', 'NET_ADMIN'] });
    }
    // the applied DaemonSet is the shipped one but for the image
    const ds = await json(lab, ['-n', AGENT_NAMESPACE, 'get', 'daemonset', AGENT_DAEMONSET]);
    expect(ds.spec.template.spec.containers[0].image).toBe(up.image);
    expect(up.compressedBytes).toBeLessThan(120e6);
  });

  it('the image is reproducible: a fresh build gives the digest the lab pushed', async () => {
    const again = await buildAgentImage(path.join(dir, 'layout'));
    expect(again.digest).toBe(up.digest);
  }, 900_000);

  it('as the ServiceAccount, with the token from a file: every node read from its agent, no 403 anywhere', async () => {
    const ev = await gatherEvidence({ kubeconfig: saConf, allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 30_000 });
    expect(Object.keys(ev.nodes).sort()).toEqual(lab.state.nodes.map((n) => n.name).sort());
    const forbidden = (ev.cluster?.unreadable ?? []).filter((u) => u.code === 403 || /forbidden/i.test(u.reason));
    expect(forbidden).toEqual([]);
    // the agent's own checks ran on its node: its routes and iptables were read there
    for (const n of Object.values(ev.nodes)) expect(n.gathered).toEqual(expect.arrayContaining(['routes', 'iptables']));
  }, 300_000);

  it('Secrets withheld: the agents\' token and a pod\'s pull secret are named as not read', async () => {
    // a pod that names a pull secret, in a namespace the opt-in Role does not cover
    await kubectl(lab, ['create', 'namespace', 'shop']).catch(() => {});
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'needs-secret', namespace: 'shop' },
      spec: { nodeName: lab.state.nodes[0].name, imagePullSecrets: [{ name: 'shop-pull' }], containers: [{ name: 'c', image: systemImage(lab, 'pause') }] },
    };
    await kubectl(lab, ['apply', '-f', '-'], { input: JSON.stringify(pod) });
    const saved = process.env.FLANNEL_DOCTOR_TOKEN;
    delete process.env.FLANNEL_DOCTOR_TOKEN;
    try {
      const ev = await gatherEvidence({ kubeconfig: saConf, allNodes: true, namespace: 'shop', timeoutMs: 30_000 });
      const report = diagnose(ev, RULES);
      const lines = report.unreadable.map((u) => `${u.what}: ${u.reason}`);
      expect(lines.some((l) => /secrets? in namespace shop/.test(l) && /shop-pull/.test(l))).toBe(true);
      for (const n of lab.state.nodes) expect(lines.some((l) => l.includes(`node evidence of ${n.name}`) && /FLANNEL_DOCTOR_TOKEN/.test(l))).toBe(true);
      expect(Object.keys(ev.nodes)).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.FLANNEL_DOCTOR_TOKEN = saved;
      await kubectl(lab, ['delete', 'namespace', 'shop', '--wait=false'], { allowFail: true });
    }
  }, 300_000);

  it('a pod wearing the agent\'s labels in another namespace is never asked', async () => {
    // (in the agents' own namespace the DaemonSet controller adopts such a pod and deletes it as a
    // surplus: the namespace is the boundary, and an ownerless copy there is covered by agents-trust.test.ts)
    const node = lab.state.nodes[0].name;
    await kubectl(lab, ['create', 'namespace', 'tenant'], { allowFail: true });
    const impostor = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'impostor', namespace: 'tenant', labels: { 'app.kubernetes.io/name': 'flannel-doctor', 'app.kubernetes.io/component': 'agent' } },
      spec: { nodeName: node, containers: [{ name: 'c', image: systemImage(lab, 'pause') }] },
    };
    await kubectl(lab, ['apply', '-f', '-'], { input: JSON.stringify(impostor) });
    try {
      const ev = await gatherEvidence({ kubeconfig: adminKubeconfig(lab.state), allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 30_000 });
      expect(Object.keys(ev.nodes).sort()).toEqual(lab.state.nodes.map((n) => n.name).sort());
      // told the other namespace, only that pod is asked (and it answers nothing: it is pause)
      const told = await gatherEvidence({ kubeconfig: adminKubeconfig(lab.state), allNodes: true, agentNamespace: 'tenant', agentTokenFile: tokenFile(lab), timeoutMs: 30_000 });
      expect(Object.keys(told.nodes)).toEqual([]);
      expect(told.cluster?.unreadable.find((u) => u.what === 'pod tenant/impostor')?.reason).toMatch(/not a pod of DaemonSet tenant\/flannel-doctor-agent/);
    } finally {
      await kubectl(lab, ['delete', 'namespace', 'tenant', '--wait=false'], { allowFail: true });
    }
  }, 300_000);
});
