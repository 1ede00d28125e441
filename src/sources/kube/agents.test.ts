import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { emptyNode } from '../../evidence/node.js';
import { KubeClient, loadKubeConfig } from './client.js';
import { RULES } from '../../rules/index.js';
import { Agent } from '../../agent/agent.js';
import { DEFAULT_CONFIG } from '../../agent/config.js';
import { AGENT_SELECTOR, fetchAgentEvidence } from './agents.js';
import { createAgentServer } from '../../agent/server.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-remote-'));
let api: KubeApiServer;
let agentUrl: string;
const servers: { close(cb: () => void): void }[] = [];

beforeAll(async () => {
  const node = emptyNode('n1');
  node.sysctls = { 'net.ipv4.ip_forward': '0' };
  node.gathered = ['sysctls'];
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir, nodeName: 'n1' }, { gatherNode: async () => node }, RULES, 'test');
  await agent.checkNow();
  const server = createAgentServer(agent);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  agentUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await KubeApiServer.start({});
  const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
  api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: 'agent-n1', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'flannel-doctor-agent', uid: 'u1', controller: true }] }, spec: { nodeName: 'n1', containers: [] } });
  api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: 'agent-n2', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'flannel-doctor-agent', uid: 'u1', controller: true }] }, spec: { nodeName: 'n2', containers: [] } });
  // The API server's pod proxy reaches agent-n1; agent-n2's node is down.
  api.setProxy(async (req) => {
    if (req.pod !== 'agent-n1') return { status: 503, body: JSON.stringify({ kind: 'Status', message: 'no endpoints available' }) };
    const r = await fetch(agentUrl + req.path);
    return { status: r.status, headers: { 'content-type': 'application/json' }, body: await r.text() };
  });
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
});

afterAll(async () => {
  await api?.close();
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('fetchAgentEvidence', () => {
  it('merges node evidence from agents through the pod proxy and names agents that did not answer', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000 });
    expect(Object.keys(ev.nodes)).toEqual(['n1']);
    expect(ev.nodes.n1.sysctls['net.ipv4.ip_forward']).toBe('0');
    expect(ev.agents.find((a) => a.pod === 'flannel-doctor/agent-n1')?.ok).toBe(true);
    expect(ev.agents.find((a) => a.pod === 'flannel-doctor/agent-n2')).toMatchObject({ ok: false, node: 'n2' });
  });

  it('reports a forbidden pod proxy as unreadable instead of failing', async () => {
    const id = api.forbid({ resource: 'pods/proxy' });
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000 });
    api.allow(id);
    expect(ev.nodes).toEqual({});
    expect(ev.unreadable.map((u) => u.needs)).toContain('get pods/proxy');
  });
});
