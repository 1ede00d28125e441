import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../lab/kube-api/server.js';
import { emptyNode } from '../evidence/node.js';
import { RULES } from '../rules/index.js';
import { KubeClient, loadKubeConfig } from '../sources/kube/client.js';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG } from './config.js';
import { CONDITION_TYPE, HEARTBEAT_SECONDS, VerdictPublisher, reasonOf, verdictOf } from './node-verdict.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-verdict-'));
let api: KubeApiServer;
let client: KubeClient;

beforeAll(async () => {
  api = await KubeApiServer.start({});
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
  client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

function putNode(name: string) {
  api.put({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] } });
}
const cond = (name: string) => api.get('Node', undefined, name)?.status?.conditions?.find((c: any) => c.type === CONDITION_TYPE);
const writes = () => api.requests.filter((r) => r.method !== 'GET');

describe('reasonOf', () => {
  it('turns a cause id into a valid Kubernetes reason', () => {
    expect(reasonOf('dns.node-resolver')).toBe('DnsNodeResolver');
    expect(reasonOf('node.ip-forward-disabled')).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });
});

describe('the agent publishes its verdict on the Node', () => {
  it('a faulty node gets condition False with the cause, keeps kubelet conditions, and one Warning event', async () => {
    putNode('n1');
    const node = emptyNode('n1');
    node.sysctls = { 'net.ipv4.ip_forward': '0' };
    node.gathered = ['sysctls'];
    const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir, nodeName: 'n1' }, { gatherNode: async () => node }, RULES, 'test');
    agent.publishTo(new VerdictPublisher(client, 'n1'));
    const r = await agent.checkNow();
    const cause = r!.report.findings[0].cause;
    expect(cond('n1')).toMatchObject({ status: 'False', reason: reasonOf(cause) });
    expect(cond('n1').message).toContain(cause);
    expect(api.get('Node', undefined, 'n1')!.status.conditions.map((c: any) => c.type)).toContain('Ready');
    const evs = api.list('Event', 'default').filter((e) => e.involvedObject?.name === 'n1');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'Warning', reason: reasonOf(cause), involvedObject: { kind: 'Node' } });
    const metrics = await agent.metrics.text();
    expect(metrics).toMatch(/flannel_doctor_verdict_writes_total\{kind="patch",node="n1"\} 1/);
    expect(metrics).toMatch(/flannel_doctor_verdict_writes_total\{kind="event",node="n1"\} 1/);
  });

  it('writes only on change, else once per heartbeat; an Event only when status or reason changes', async () => {
    putNode('n2');
    const before = writes().length;
    const p = new VerdictPublisher(client, 'n2');
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const healthy = { status: 'True', reason: 'Healthy', message: 'ok' } as const;
    expect(await p.publish(healthy, t0)).toBe('changed');
    // a check every 10 s for 59 s: nothing written
    for (let s = 10; s < HEARTBEAT_SECONDS; s += 10) expect(await p.publish(healthy, t0 + s * 1000)).toBe('skipped');
    expect(await p.publish(healthy, t0 + HEARTBEAT_SECONDS * 1000)).toBe('heartbeat');
    expect(cond('n2').lastHeartbeatTime).toBe(new Date(t0 + HEARTBEAT_SECONDS * 1000).toISOString());
    expect(cond('n2').lastTransitionTime).toBe(new Date(t0).toISOString());
    const bad = { status: 'False', reason: 'DnsNodeResolver', message: 'dns.node-resolver: …' } as const;
    expect(await p.publish(bad, t0 + 61_000)).toBe('changed');
    expect(cond('n2')).toMatchObject({ status: 'False', lastTransitionTime: new Date(t0 + 61_000).toISOString() });
    // patches: first, heartbeat, change = 3; events: first verdict and the change = 2
    expect(p.counters).toMatchObject({ patches: 3, events: 2, failed: 0 });
    expect(writes().length - before).toBe(5);
  });

  it('a stale agent publishes Unknown, never a leftover healthy', () => {
    const v = verdictOf({ verdict: 'healthy', findings: [], summary: '' } as any, true);
    expect(v.status).toBe('Unknown');
  });

  it('a forbidden patch is counted as failed and retried at the next call', async () => {
    putNode('n3');
    const id = api.forbid({ resource: 'nodes/status', verb: 'patch' });
    const p = new VerdictPublisher(client, 'n3');
    expect(await p.publish({ status: 'True', reason: 'Healthy', message: 'ok' }, 0)).toBe('failed');
    api.allow(id);
    expect(p.counters.lastError).toContain('403');
    expect(await p.publish({ status: 'True', reason: 'Healthy', message: 'ok' }, 1000)).toBe('changed');
  });
});
