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
import { kubectl, adminKubeconfig, restartApiServer } from './cluster/control-plane.js';
import { AGENT_DAEMONSET, AGENT_NAMESPACE, agentsDown, agentsUp, tokenFile, type AgentsUpReport } from './cluster/agents.js';
import { addFault, removeFault } from './fault-ops.js';
import { readSysctl, setSysctls } from './network.js';
import { gatherLabEvidence } from './diagnose-lab.js';
import { KubeClient, loadKubeConfig } from '../src/sources/kube/client.js';
import { ToolError } from '../src/errors.js';
import { readBundle } from '../src/sources/bundle/read.js';
import { runBundleCollect } from '../src/cli/commands/bundle-run.js';
import type { DiagnosisReport } from '../src/engine/diagnose.js';
import { systemImage } from './cluster/images.js';
import { openLab, type OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { gatherEvidence } from '../src/sources/gather.js';
import { diagnose } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import { buildAgentImage } from '../scripts/image/agent-image.js';
import { startDetached, stopPid } from './processes.js';
import { saveState } from './state.js';
import { agentStatuses, freshChecks, type AgentSeen } from './cluster/agent-status.js';
import { systemNetns } from './cluster/images.js';
import { yamlLib } from '../src/yaml-lib.js';
import { fetchAgentCapture } from '../src/sources/kube/agent-capture.js';
import { readCaptureEvidence } from '../src/sources/capture.js';

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


/** Root causes as "cause@nodes" (info-level notes left out), sorted: what both modes must agree on. */
const rootCauses = (r: DiagnosisReport) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cause}@${[...f.nodes].sort().join(',')}`).sort();
/** Findings of rules that judge cluster evidence alone (what a bundle without node evidence can show). */
const clusterOnly = new Set(RULES.filter((r) => r.needs.length > 0 && r.needs.every((n) => n.startsWith('cluster.'))).map((r) => r.id));
const clusterCauses = (r: DiagnosisReport) => r.findings.filter((f) => clusterOnly.has(f.ruleId)).map((f) => `${f.cause}@${[...f.nodes].sort().join(',')}`).sort();

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
    // the agents, as the same ServiceAccount, found their probe targets in the API without a 403:
    // every node probed every other one (mesh) and the kube-dns Service and CoreDNS pods (DNS)
    const seen = await freshChecks(lab, Date.now() - 3_600_000, 120_000);
    for (const s of seen.values()) expect(s.errors.filter((e) => e.part === 'discovery'), s.node).toEqual([]);
    const again = await gatherEvidence({ kubeconfig: saConf, allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 30_000 });
    for (const n of lab.state.nodes) {
      const peers = new Set(again.probes?.mesh.filter((m) => m.from === n.name).map((m) => m.to));
      expect([...peers].sort(), `${n.name} probed its peers`).toEqual(lab.state.nodes.map((x) => x.name).filter((x) => x !== n.name).sort());
      const dnsKinds = new Set(again.probes?.dns.filter((d) => d.from.node === n.name).map((d) => d.target.kind));
      expect([...dnsKinds], `${n.name} probed the DNS chain`).toEqual(expect.arrayContaining(['service', 'coredns-pod']));
    }
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

  const live = async () => diagnose(await gatherEvidence({ kubeconfig: saConf, allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 30_000 }), RULES);
  const labView = async () => {
    const { evidence, problems } = await gatherLabEvidence(lab.state);
    return Object.assign(diagnose(evidence, RULES), { problems });
  };
  const forwardingOn = async (node: string) => (await readSysctl(lab.state.nodes.find((n) => n.name === node)!.netns, 'net/ipv4/ip_forward')) === '1';

  /**
   * The live view and the lab view of one state, taken one after the other. A real component can
   * undo the ip_forward fault between them (the bridge plugin turns forwarding on at every pod ADD
   * on that node), and the lab view can miss a part (its problems); either way the pair no longer
   * shows one state, so the fault is put back and both are taken once more. A disagreement on a
   * state that held, read whole, is never retried.
   */
  async function bothViews(same: (l: DiagnosisReport, b: DiagnosisReport) => boolean, forwardOff?: string) {
    for (let attempt = 1; ; attempt++) {
      const l = await live();
      const b = await labView();
      const healed = forwardOff !== undefined && (await forwardingOn(forwardOff));
      const retry = attempt === 1 && (healed || (!same(l, b) && b.problems.length > 0));
      if (!retry) {
        return { l, b, why: `lab view problems: ${b.problems.join('; ') || 'none'}; ip_forward ${forwardOff ? (healed ? 'turned back on' : 'still 0') : 'n/a'} after both views (attempt ${attempt})` };
      }
      if (healed) {
        // Broken again: the agents' last check saw forwarding on, so the next live view needs a check started after this.
        const rebroken = Date.now();
        await setSysctls(lab.state.nodes.find((n) => n.name === forwardOff)!.netns, { 'net/ipv4/ip_forward': '0' });
        await freshChecks(lab, rebroken, 180_000);
      }
    }
  }

  // node.ip-forward: the node's own evidence (its sysctl, read by its agent); flannel.vxlan-blocked:
  // UDP 8472 dropped on n2, which n1's agent sees as a broken overlay to n2 (the mesh probe, with peers
  // the agents found themselves in the API)
  for (const [fault, node] of [['node.ip-forward', 'n2'], ['flannel.vxlan-blocked', 'n2']] as const) {
    it(`live diagnose with the agents names what diagnose --lab names: ${fault} on ${node}`, async () => {
      await addFault(lab, fault, node);
      // a check counts once it started after the fault was in place (an agent's lastCheckAt is when its check began)
      const since = Date.now();
      try {
        await freshChecks(lab, since, 180_000);
        const { l, b, why } = await bothViews((x, y) => rootCauses(x).join() === rootCauses(y).join(), fault === 'node.ip-forward' ? node : undefined);
        expect(rootCauses(l)).toContain(`${fault}@${node}`);
        expect(rootCauses(l), why).toEqual(rootCauses(b));
      } finally {
        await removeFault(lab, fault, node);
      }
    }, 420_000);
  }

  it('a two-fault mix (node.ip-forward on n2, dns.coredns-down): live diagnose with the agents names both, as diagnose --lab does', async () => {
    await addFault(lab, 'node.ip-forward', 'n2');
    try {
      await addFault(lab, 'dns.coredns-down');
      // a check counts once it started after both faults were in place (lastCheckAt is when a check began)
      const since = Date.now();
      try {
        await freshChecks(lab, since, 180_000);
        // a cluster-level cause carries the nodes whose DNS probes saw it (lab: the lab's probe node;
        // live: each agent's), so it is compared by cause; the node fault by cause and node
        const placed = (r: DiagnosisReport) => rootCauses(r).map((c) => (c.startsWith('dns.coredns-down@') ? 'dns.coredns-down' : c));
        const { l, b, why } = await bothViews((x, y) => placed(x).join() === placed(y).join(), 'n2');
        expect(placed(l)).toEqual(['dns.coredns-down', 'node.ip-forward@n2']);
        expect(placed(l), why).toEqual(placed(b));
      } finally {
        await removeFault(lab, 'dns.coredns-down');
      }
    } finally {
      await removeFault(lab, 'node.ip-forward', 'n2');
    }
  }, 600_000);

  it('capture through an agent (the API server\'s pod proxy, the agents\' token): the pcap holds the VXLAN traffic n1 sent to n2 meanwhile', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: adminKubeconfig(lab.state) }));
    const token = fs.readFileSync(tokenFile(lab), 'utf8').trim();
    const [n1, n2] = lab.state.nodes;
    const n2Flannel = JSON.parse((await kubectl(lab, ['get', 'node', n2.name, '-o', 'json'])).stdout).spec.podCIDR.split('/')[0];
    const [cap] = await Promise.all([
      fetchAgentCapture(client, n1.name, { seconds: 5, iface: 'any', filter: 'vxlan', maxBytes: 1 << 20 }, { token, namespace: AGENT_NAMESPACE }),
      (async () => {
        await new Promise((r) => setTimeout(r, 1500)); // the agent's dumpcap is listening by then
        await lab.exec(n1.netns, ['ping', '-c', '4', '-i', '0.3', '-s', '1200', n2Flannel], { allowFail: true });
      })(),
    ]);
    const file = path.join(dir, 'agent-capture.pcap');
    fs.writeFileSync(file, cap.pcap);
    const ev = readCaptureEvidence(file);
    const pair = ev.pairs.find((p) => p.src === n1.ip && p.dst === n2.ip);
    expect(pair?.packets ?? 0, `VXLAN ${n1.ip} → ${n2.ip} in the agent's capture`).toBeGreaterThanOrEqual(4);
    expect(pair?.vnis).toEqual([1]);
  }, 120_000);

  it('a real Prometheus scrapes the agents with the shipped rules: FlannelDoctorOverlayLoss fires within three check intervals of flannel.vxlan-blocked on n2, and nothing fires before', async () => {
    // Prometheus (Debian's) runs in the lab registry's namespace, which routes to the nodes' underlay,
    // scraping each agent's hostNetwork port with the agents' token, and evaluating the PrometheusRule's
    // groups exactly as shipped. Its PID is in the lab state, so a failed test's lab down ends it.
    const prom = fs.mkdtempSync(path.join(dir, 'prometheus-'));
    const rule = yamlLib().parse(fs.readFileSync('deploy/prometheus/flannel-doctor-rules.yaml', 'utf8'));
    fs.writeFileSync(path.join(prom, 'rules.json'), JSON.stringify({ groups: rule.spec.groups }));
    const config = {
      global: { scrape_interval: '15s', evaluation_interval: '15s' },
      rule_files: [path.join(prom, 'rules.json')],
      scrape_configs: [
        {
          job_name: 'flannel-doctor-agent',
          authorization: { type: 'Bearer', credentials_file: tokenFile(lab) },
          static_configs: [{ targets: lab.state.nodes.map((n) => `${n.ip}:9464`) }],
        },
      ],
    };
    fs.writeFileSync(path.join(prom, 'prometheus.json'), JSON.stringify(config));
    const netns = systemNetns(lab);
    const web = '127.0.0.1:19090';
    const pid = startDetached(netns, ['prometheus', `--config.file=${path.join(prom, 'prometheus.json')}`, `--storage.tsdb.path=${path.join(prom, 'data')}`, `--web.listen-address=${web}`], path.join(prom, 'prometheus.log'));
    lab.state.pids['test-prometheus'] = pid;
    await saveState(lab.state);
    const api = async (q: string) => JSON.parse((await lab.exec(netns, ['curl', '-sf', `http://${web}/api/v1/${q}`])).stdout).data;
    const firing = async () => ((await api('alerts').catch(() => ({ alerts: [] }))).alerts as any[]).filter((a) => a.state === 'firing').map((a) => `${a.labels.alertname} ${a.labels.node ?? ''}->${a.labels.peer ?? ''}`);
    try {
      // every agent scraped, healthy, and no alert firing on the healthy lab
      const end = Date.now() + 120_000;
      for (;;) {
        const targets = ((await api('targets').catch(() => ({ activeTargets: [] }))).activeTargets as any[]).filter((t) => t.health === 'up');
        if (targets.length === lab.state.nodes.length) break;
        if (Date.now() > end) throw new Error(`Prometheus did not scrape every agent: ${fs.readFileSync(path.join(prom, 'prometheus.log'), 'utf8').slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 3000));
      }
      const meshUp = await api('query?query=flannel_doctor_mesh_reachable');
      expect(meshUp.result.length).toBeGreaterThan(0);
      expect(await firing()).toEqual([]);
      const interval = Math.max(...[...(await agentStatuses(lab)).values()].map((s) => s.intervalSeconds ?? 60));
      const t0 = Date.now();
      await addFault(lab, 'flannel.vxlan-blocked', 'n2');
      try {
        let fired: string[] = [];
        while (!(fired = await firing()).some((a) => a.startsWith('FlannelDoctorOverlayLoss'))) {
          if (Date.now() - t0 > 3 * interval * 1000) break;
          await new Promise((r) => setTimeout(r, 5000));
        }
        const tookS = (Date.now() - t0) / 1000;
        process.stderr.write(`Prometheus: ${fired.join(', ') || 'nothing'} firing ${tookS.toFixed(0)} s after flannel.vxlan-blocked on n2 (agent interval ${interval} s)\n`);
        expect(fired.filter((a) => a.startsWith('FlannelDoctorOverlayLoss'))).toEqual(expect.arrayContaining([expect.stringMatching(/->n2$|n2->/)]));
        expect(tookS).toBeLessThanOrEqual(3 * interval);
      } finally {
        await removeFault(lab, 'flannel.vxlan-blocked');
      }
    } finally {
      await stopPid(pid, 'prometheus');
      delete lab.state.pids['test-prometheus'];
      await saveState(lab.state);
      fs.rmSync(prom, { recursive: true, force: true });
    }
  }, 900_000);

  it('an agent pod deleted comes back (the DaemonSet controller, the kubelet) and reports within one interval', async () => {
    await freshChecks(lab, Date.now() - 3_600_000, 120_000);
    const node = lab.state.nodes[0].name;
    const old = (await agentStatuses(lab)).get(node)!;
    const t0 = Date.now();
    await kubectl(lab, ['-n', AGENT_NAMESPACE, 'delete', 'pod', old.pod, '--wait=false']);
    let back: AgentSeen | undefined;
    while (Date.now() - t0 < 180_000) {
      const s = (await agentStatuses(lab).catch(() => undefined))?.get(node);
      if (s && s.pod !== old.pod && Date.parse(s.lastCheckAt ?? '') > t0) {
        back = s;
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const tookS = (Date.now() - t0) / 1000;
    process.stderr.write(`agent pod ${old.pod} deleted on ${node}: ${back?.pod} reported after ${tookS.toFixed(1)} s (interval ${old.intervalSeconds} s)\n`);
    expect(back, 'a new agent pod reported').toBeDefined();
    expect(tookS).toBeLessThan(old.intervalSeconds!);
  }, 300_000);

  it('an API server restart crashes neither live diagnose nor the agents; the agents keep their peers and find them again', async () => {
    const before = await freshChecks(lab, Date.now() - 3_600_000, 120_000);
    // stop it just before an agent's next check, so that check runs with no API server
    const next = Math.min(...[...before.values()].map((s) => Date.parse(s.lastCheckAt!) + s.intervalSeconds! * 1000));
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now() - 3000)));
    const stoppedAt = Date.now();
    const restart = restartApiServer(lab, 12_000);
    await new Promise((r) => setTimeout(r, 4000));
    // live diagnose while the API server is down: the tool's own error, named, never a crash
    const down = await gatherEvidence({ kubeconfig: saConf, allNodes: true, agentTokenFile: tokenFile(lab), timeoutMs: 5000 }).then(
      () => 'answered',
      (e) => e,
    );
    expect(down === 'answered' || down instanceof ToolError, String(down)).toBe(true);
    if (down instanceof ToolError) expect(down.message).toMatch(/cannot reach the Kubernetes API/);
    const { downMs, restarted } = await restart;
    process.stderr.write(`kube-apiserver down and back in ${(downMs / 1000).toFixed(1)} s (started again after losing their lease: ${restarted.join(', ') || 'none'})\n`);
    // the checks that ran meanwhile (the agents' history): discovery could not read the API (an error of
    // the check, not a finding), the mesh still ran with the peers kept from before, the node judged healthy
    const backAt = stoppedAt + downMs;
    const client = new KubeClient(loadKubeConfig({ kubeconfig: adminKubeconfig(lab.state) }));
    const token = fs.readFileSync(tokenFile(lab), 'utf8').trim();
    const during: { node: string; at: string; errors: number; meshOk: number; meshFailed: number; verdict: string }[] = [];
    for (const s of (await agentStatuses(lab)).values()) {
      const h = await client.get(`/api/v1/namespaces/${AGENT_NAMESPACE}/pods/${s.pod}:9464/proxy/api/v1/history`, 5000, undefined, { 'x-flannel-doctor-token': token });
      for (const e of h.body.history ?? []) if (Date.parse(e.at) >= stoppedAt && Date.parse(e.at) < backAt) during.push({ node: s.node, ...e });
    }
    process.stderr.write(`checks while the API server was down: ${JSON.stringify(during.map((e) => ({ node: e.node, at: e.at, errors: e.errors, meshOk: e.meshOk, verdict: e.verdict })))}\n`);
    expect(during.length, 'an agent checked while the API server was down').toBeGreaterThan(0);
    for (const e of during) {
      expect(e.errors, `${e.node} ${e.at}: discovery failed`).toBeGreaterThan(0);
      expect(e.meshOk, `${e.node} ${e.at}: probed its peers`).toBeGreaterThan(0);
      expect(e.meshFailed).toBe(0);
      expect(e.verdict).toBe('healthy');
    }
    // no agent restarted; the next checks read the API again (no discovery errors) and the cluster is healthy
    const after = await freshChecks(lab, Date.now(), 150_000);
    for (const n of lab.state.nodes) {
      expect(after.get(n.name)!.pod).toBe(before.get(n.name)!.pod);
      expect(after.get(n.name)!.restarts).toBe(before.get(n.name)!.restarts);
      expect(after.get(n.name)!.errors).toEqual([]);
    }
    expect(rootCauses(await live())).toEqual([]);
  }, 420_000);

  it('bundle collect against the real API server, then diagnose --bundle: the cluster-level findings of the live run', async () => {
    // a cluster-level fault that needs no lab registry (this lab runs without them)
    await addFault(lab, 'dns.coredns-down');
    const dir2 = fs.mkdtempSync(path.join(dir, 'bundle-'));
    try {
      const l = await live();
      expect(rootCauses(l).some((c) => c.startsWith('dns.coredns-down'))).toBe(true);
      const code = await runBundleCollect(dir2, { kubeconfig: saConf, timeout: '30s' } as any);
      expect(code).toBe(0);
      const b = diagnose((await readBundle(dir2)).evidence, RULES);
      expect(clusterCauses(l).some((c) => c.startsWith('dns.coredns-down'))).toBe(true);
      expect(clusterCauses(b)).toEqual(clusterCauses(l));
    } finally {
      await removeFault(lab, 'dns.coredns-down');
    }
  }, 300_000);
});
