import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { Agent } from '../../agent/agent.js';
import { DEFAULT_CONFIG } from '../../agent/config.js';
import { createAgentServer } from '../../agent/server.js';
import { emptyNode } from '../../evidence/node.js';
import { RULES } from '../../rules/index.js';
import { AGENT_SELECTOR, AGENT_TOKEN_SECRET, fetchAgentEvidence } from './agents.js';
import { KubeClient, loadKubeConfig } from './client.js';

/** Agents that require their token (the manifests' default), reached through a pod proxy that drops Authorization as the API server does. */
const TOKEN = 'canary-agent-token-31c9';
const dir = mkdtempSync(join(tmpdir(), 'fd-agent-token-'));
let api: KubeApiServer;
let close: () => Promise<void>;

beforeAll(async () => {
  const node = emptyNode('n1');
  node.gathered = ['sysctls'];
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir, nodeName: 'n1', token: TOKEN }, { gatherNode: async () => node }, RULES, 'test');
  await agent.checkNow();
  const server = createAgentServer(agent);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await KubeApiServer.start({});
  const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
  api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: 'agent-n1', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'flannel-doctor-agent', uid: 'u1', controller: true }] }, spec: { nodeName: 'n1', containers: [] } });
  api.setProxy(async (req) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'authorization' && k !== 'host') headers[k] = v;
    const r = await fetch(url + req.path, { headers });
    return { status: r.status, headers: { 'content-type': 'application/json' }, body: await r.text() };
  });
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
});

afterAll(async () => {
  await api?.close();
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('fetchAgentEvidence with authenticated agents', () => {
  it('without the token, the agent is named with what to do; never a silent gap', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000 });
    expect(ev.nodes).toEqual({});
    expect(ev.agents).toEqual([{ pod: 'flannel-doctor/agent-n1', node: 'n1', ok: false, error: expect.stringMatching(/FLANNEL_DOCTOR_TOKEN.*flannel-doctor\/flannel-doctor-token/) }]);
  });

  it('sends the token in X-Flannel-Doctor-Token, given or read from the agents\' Secret', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    expect(Object.keys((await fetchAgentEvidence(client, { timeoutMs: 2000, token: TOKEN })).nodes)).toEqual(['n1']);
    api.put({ apiVersion: 'v1', kind: 'Secret', metadata: { namespace: 'flannel-doctor', name: AGENT_TOKEN_SECRET }, data: { token: Buffer.from(TOKEN).toString('base64') } });
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000 });
    expect(Object.keys(ev.nodes)).toEqual(['n1']);
    expect(JSON.stringify(ev)).not.toContain(TOKEN);
  });
});
