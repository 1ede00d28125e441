import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { CONDITION_TYPE, HEARTBEAT_SECONDS } from '../../agent/node-verdict.js';
import { emptyEvidence } from '../../evidence/types.js';
import { emptyNode } from '../../evidence/node.js';
import { gatherEvidence } from '../gather.js';
import { diagnose } from '../../engine/diagnose.js';
import { RULES } from '../../rules/index.js';
import { renderText } from '../../report/text.js';
import { AGENT_DAEMONSET, AGENT_SELECTOR } from './agents.js';
import { STALE_AFTER_HEARTBEATS, planNodeReads } from './node-conditions.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-cond-'));
let api: KubeApiServer;
const proxied: string[] = [];
const now = Date.now();
const ago = (s: number) => new Date(now - s * 1000).toISOString();
const staleS = STALE_AFTER_HEARTBEATS * HEARTBEAT_SECONDS;

/** healthy: fresh True; sick: fresh False; stale: True but its heartbeat too old; bare: no condition. */
const NODES: Record<string, { status: string; beatAgoS: number } | undefined> = {
  healthy: { status: 'True', beatAgoS: 30 },
  sick: { status: 'False', beatAgoS: 30 },
  stale: { status: 'True', beatAgoS: staleS + 60 },
  bare: undefined,
};

beforeAll(async () => {
  api = await KubeApiServer.start({});
  const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
  for (const [name, c] of Object.entries(NODES)) {
    const conditions: any[] = [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }];
    if (c) conditions.push({ type: CONDITION_TYPE, status: c.status, reason: c.status === 'True' ? 'Healthy' : 'NodeIpForwardDisabled', lastHeartbeatTime: ago(c.beatAgoS) });
    api.put({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions } });
    api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: `agent-${name}`, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: AGENT_DAEMONSET, controller: true }] }, spec: { nodeName: name, containers: [] } });
  }
  api.setProxy(async (req) => {
    const node = req.pod.replace(/^agent-/, '');
    proxied.push(node);
    const evidence = { ...emptyEvidence(['host']), nodes: { [node]: emptyNode(node) } };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ evidence, status: { stale: false } }) };
  });
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(o: { nodes?: string[]; allNodes?: boolean } = {}) {
  proxied.length = 0;
  const ev = await gatherEvidence({ kubeconfig: join(dir, 'kubeconfig'), timeoutMs: 5000, ...o });
  return { ev, proxied: [...proxied].sort() };
}

describe('condition-first live diagnose', () => {
  it('a fresh healthy condition is not proxied; unhealthy, stale and condition-less nodes are', async () => {
    const { ev, proxied } = await run();
    expect(proxied).toEqual(['bare', 'sick', 'stale']);
    expect(ev.nodeConditions).toEqual({ judged: ['healthy'], stale: ['stale'], asked: 3 });
    expect(Object.keys(ev.nodes).sort()).toEqual(['bare', 'sick', 'stale']);
    const text = renderText(diagnose(ev, RULES), undefined, { width: 200 });
    expect(text).toMatch(/1 judged healthy from their FlannelDoctorHealthy condition.*: healthy\n/);
    expect(text).toMatch(/1 stale: .*: stale\n/);
  });

  it("an unhealthy node whose agent does not answer keeps its condition's verdict in the report", async () => {
    const id = api.forbid({ resource: 'pods/proxy', name: 'agent-sick:9464' });
    const { ev } = await run();
    api.allow(id);
    const u = ev.cluster!.unreadable.find((x) => x.what.startsWith('node evidence of sick'));
    expect(u?.reason).toContain(`${CONDITION_TYPE} condition says False (NodeIpForwardDisabled)`);
  });

  it("condition ages are judged on the API server's clock, not on a skewed local one", async () => {
    // Our clock 10 minutes ahead: on it every heartbeat looks stale; on the server's (Date header) it does not.
    const real = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => real() + 10 * 60_000);
    try {
      const { ev } = await run();
      expect(ev.cluster!.serverClockOffsetMs).toBeLessThan(-9 * 60_000);
      expect(ev.nodeConditions).toMatchObject({ judged: ['healthy'], stale: ['stale'] });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('--node asks a named node even when its condition is healthy', async () => {
    const { proxied, ev } = await run({ nodes: ['healthy'] });
    expect(proxied).toContain('healthy');
    expect(ev.nodeConditions!.judged).toEqual([]);
  });

  it('--all-nodes asks every agent (the pod-proxy path of small clusters), and still names stale ones', async () => {
    const { proxied, ev } = await run({ allNodes: true });
    expect(proxied).toEqual(['bare', 'healthy', 'sick', 'stale']);
    expect(ev.nodeConditions).toMatchObject({ judged: [], stale: ['stale'] });
  });

  it('a stale condition (heartbeat older than N heartbeats) is not trusted; just under the limit it is', () => {
    const node = (beatAgoS: number) => ({ name: 'n', conditions: [{ type: CONDITION_TYPE, status: 'True', lastHeartbeatTime: ago(beatAgoS) }] }) as any;
    expect(planNodeReads([node(staleS + 1)], { now }).ask.get('n')).toBe('stale');
    expect(planNodeReads([node(staleS - 5)], { now }).judged).toEqual(['n']);
    const noBeat = { name: 'n', conditions: [{ type: CONDITION_TYPE, status: 'True' }] } as any;
    expect(planNodeReads([noBeat], { now }).ask.get('n')).toBe('stale');
    const unknown = { name: 'n', conditions: [{ type: CONDITION_TYPE, status: 'Unknown', lastHeartbeatTime: ago(1) }] } as any;
    expect(planNodeReads([unknown], { now }).ask.get('n')).toBe('unknown');
  });
});
