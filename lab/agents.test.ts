/**
 * The flannel-doctor agent in the lab, end to end: `flannel-doctor serve` inside each node's namespace,
 * reached through the lab API server's pod proxy exactly as live `diagnose` reaches agents on a cluster.
 * Needs Linux + root and a built CLI (dist/); like lab.test.ts it fails with the reason elsewhere unless
 * FLANNEL_DOCTOR_ALLOW_NO_LAB=1. The lab name is per process, so it runs beside other lab tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../src/engine/diagnose.js';
import { RULES } from '../src/rules/index.js';
import { gatherEvidence } from '../src/sources/gather.js';
import { agentPodName, agentSocket, agentsDown, agentsUp, AGENT_NS } from './agents.js';
import { addFault, removeFault } from './fault-ops.js';
import type { OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';
import { isAlive } from './processes.js';

const NAME = `ag${process.pid % 10_000_000}`;
const INTERVAL = 3; // seconds between agent checks
// one interval, plus what a check cycle itself takes on a loaded 2-CPU machine
const WITHIN_MS = INTERVAL * 1000 + 4000;

const why = labPrerequisite();
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('lab agents', () => {
    it('needs Linux and root (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab agent tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`lab agent tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

async function until<T>(f: () => Promise<T | undefined>, ms: number, what: string): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await f();
      if (v !== undefined) return { value: v, ms: Date.now() - t0 };
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

d('lab agents (flannel-doctor serve per node, through the API pod proxy)', () => {
  let lab: OpenLab;
  const pids: number[] = [];
  const proxy = (node: string, path: string) => `${lab.state.api!.url}/api/v1/namespaces/${AGENT_NS}/pods/${agentPodName(node)}:9464/proxy${path}`;
  const get = async (node: string, path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(proxy(node, path), { headers, signal: AbortSignal.timeout(10_000) });
    return { status: r.status, text: await r.text() };
  };
  const metricLine = (text: string, cause: string, node: string) =>
    text.split('\n').find((l) => l.startsWith('flannel_doctor_findings{') && l.includes(`cause="${cause}"`) && l.includes(`node="${node}"`));

  beforeAll(async () => {
    if (!existsSync(new URL('../dist/cli.js', import.meta.url))) throw new Error('the agents run the built CLI: run `npm run build` first');
    await labDown(NAME).catch(() => undefined);
    lab = await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false });
    const started = await agentsUp(lab, { interval: INTERVAL });
    pids.push(...started.map((s) => s.pid));
  }, 120_000);

  afterAll(async () => {
    await labDown(NAME).catch(() => undefined);
  }, 60_000);

  it('serves /metrics and a healthy verdict through the pod proxy within one interval', async () => {
    for (const node of ['n1', 'n2']) {
      const { value: findings } = await until(async () => {
        const r = await get(node, '/api/v1/findings');
        const j = JSON.parse(r.text);
        return r.status === 200 && j.report ? j : undefined;
      }, WITHIN_MS, `the first check of ${node}`);
      expect(findings.status.node).toBe(node);
      expect(findings.status.errors).toEqual([]);
      expect(findings.report.verdict, JSON.stringify(findings.report.findings.map((f: any) => `${f.cause}@${f.nodes}`))).toBe('healthy');
      const m = await get(node, '/metrics');
      expect(m.status).toBe(200);
      expect(m.text).toMatch(new RegExp(`^flannel_doctor_check_duration_seconds\\{node="${node}"\\} `, 'm'));
      // a healthy pair: the full-MTU probes pass, which implies the underlay and VXLAN paths
      expect(m.text).toMatch(new RegExp(`^flannel_doctor_mesh_reachable\\{peer="n[12]",path="vxlan-udp",node="${node}"\\} 1$`, 'm'));
      expect(m.text).not.toMatch(/^flannel_doctor_findings\{.*\} 1$/m);
    }
  });

  it('shows a node fault on that node within one interval, names it in live diagnose, and clears it after the revert', async () => {
    const cause = 'node.ip-forward';
    const t0 = Date.now();
    await addFault(lab, cause, 'n2');
    const injected = await until(async () => {
      const line = metricLine((await get('n2', '/metrics')).text, cause, 'n2');
      return line?.endsWith(' 1') ? line : undefined;
    }, WITHIN_MS, `${cause} in the metrics of n2`);
    process.stderr.write(`[lab agents] fault injection → metric: ${injected.ms} ms (interval ${INTERVAL} s)\n`);
    const findings = JSON.parse((await get('n2', '/api/v1/findings')).text);
    expect(findings.report.findings.map((f: any) => [f.cause, f.nodes])).toContainEqual([cause, ['n2']]);
    // n1 is not where the fault is
    expect(metricLine((await get('n1', '/metrics')).text, cause, 'n1') ?? '').not.toMatch(/ 1$/);

    // n1's share of the mesh (n1→n2 pods) must also come from a check after the injection
    await until(async () => {
      const st = JSON.parse((await get('n1', '/api/v1/status')).text);
      return Date.parse(st.lastCheckAt) > t0 && !st.running ? true : undefined;
    }, WITHIN_MS, 'a check of n1 after the injection');
    // live diagnose: cluster objects from the lab API, node evidence from the agents via the pod proxy
    const evidence = await gatherEvidence({ kubeconfig: lab.state.api!.kubeconfig, timeoutMs: 10_000 });
    expect(Object.keys(evidence.nodes).sort()).toEqual(['n1', 'n2']);
    const report = diagnose(evidence, RULES);
    const top = report.findings.find((f) => f.cause === cause);
    expect(top, report.summary).toBeDefined();
    expect(top!.nodes).toEqual(['n2']);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.cause)).toEqual([cause]);

    await removeFault(lab, cause, 'n2');
    const cleared = await until(async () => {
      const line = metricLine((await get('n2', '/metrics')).text, cause, 'n2');
      return line === undefined || line.endsWith(' 0') ? true : undefined;
    }, WITHIN_MS, `${cause} to clear on n2`);
    process.stderr.write(`[lab agents] fault revert → metric cleared: ${cleared.ms} ms\n`);
  });

  it('answers 503 for a stopped agent, and live diagnose then leaves that node out (not checked)', async () => {
    const role = 'agent:n2';
    const pid = lab.state.pids[role];
    process.kill(pid, 'SIGTERM');
    await until(async () => (!isAlive(pid) && !existsSync(agentSocket(lab.state, 'n2')) ? true : undefined), 5000, 'the n2 agent to stop');
    const r = await get('n2', '/metrics');
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text)).toMatchObject({ kind: 'Status', code: 503 });
    const evidence = await gatherEvidence({ kubeconfig: lab.state.api!.kubeconfig, timeoutMs: 10_000 });
    expect(Object.keys(evidence.nodes)).toEqual(['n1']);
    expect(evidence.cluster!.unreadable.map((u) => u.what)).toContainEqual(expect.stringContaining('node evidence of n2'));
    // bring it back for the tests that follow (agentsUp restarts only what is not running)
    const again = await agentsUp(lab, { interval: INTERVAL });
    pids.push(again.find((a) => a.node === 'n2')!.pid);
    expect((await until(async () => ((await get('n2', '/healthz')).status === 200 ? true : undefined), 10_000, 'n2 healthz')).value).toBe(true);
  });

  it('with a token, requests through the proxy without it get 401', async () => {
    await agentsDown(lab);
    expect(existsSync(agentSocket(lab.state, 'n1'))).toBe(false);
    expect(Object.keys(lab.state.pids).filter((k) => k.startsWith('agent:'))).toEqual([]);
    expect((await get('n1', '/metrics')).status).toBe(404); // its Pod object is gone too
    const token = 'lab-agent-token-' + process.pid;
    pids.push(...(await agentsUp(lab, { interval: INTERVAL, token })).map((s) => s.pid));
    expect((await get('n1', '/metrics')).status).toBe(401);
    expect((await get('n1', '/metrics', { authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await get('n1', '/metrics', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('flannel_doctor_');
    expect((await get('n1', '/healthz')).status).toBe(200);
    // the token is in neither the command line nor the Pod object the API serves
    const pod = await (await fetch(`${lab.state.api!.url}/api/v1/namespaces/${AGENT_NS}/pods/${agentPodName('n1')}`)).text();
    expect(pod).toContain('FLANNEL_DOCTOR_TOKEN');
    expect(pod).not.toContain(token);
    expect(readFileSync(`/proc/${lab.state.pids['agent:n1']}/cmdline`, 'utf8')).not.toContain(token);
  });

  it('lab down stops every agent and leaves no socket', async () => {
    const sockets = lab.state.nodes.map((n) => agentSocket(lab.state, n.name));
    await labDown(NAME);
    for (const pid of pids) expect(isAlive(pid), `agent pid ${pid}`).toBe(false);
    for (const s of sockets) expect(existsSync(s)).toBe(false);
  });
});
