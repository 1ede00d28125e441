import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { emptyNode } from '../../evidence/node.js';
import { AGENT_SELECTOR, fetchAgentEvidence, ownedByDaemonSet, trustedAnswer } from './agents.js';
import { KubeClient, loadKubeConfig } from './client.js';

/** Live diagnose believes only the agent DaemonSet's own pods, each only about the node it runs on. */
const dir = mkdtempSync(join(tmpdir(), 'fd-agent-trust-'));
let api: KubeApiServer;
const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
const owner = (name = 'flannel-doctor-agent') => [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: 'u1', controller: true }];
const node = (name: string, forward: string) => ({ ...emptyNode(name), sysctls: { 'net.ipv4.ip_forward': forward }, gathered: ['sysctls'] });
/** What each pod's proxy answers (by pod name). */
const answers: Record<string, unknown> = {};
const asked: string[] = [];

beforeAll(async () => {
  api = await KubeApiServer.start({});
  const pod = (ns: string, name: string, nodeName: string, ownerReferences?: unknown) =>
    api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name, labels, ...(ownerReferences ? { ownerReferences } : {}) }, spec: { nodeName, containers: [] } });
  pod('flannel-doctor', 'agent-n1', 'n1', owner());
  pod('flannel-doctor', 'agent-n2', 'n2', owner());
  pod('flannel-doctor', 'agent-n3', 'n3', owner());
  // impostors: the agent's labels, but no DaemonSet owner / another DaemonSet / another namespace
  pod('flannel-doctor', 'copycat', 'n1');
  pod('flannel-doctor', 'other-ds', 'n1', owner('something-else'));
  pod('tenant', 'agent-elsewhere', 'n1', owner());
  // n1 honest; n2 also claims n1 (healthy) and a mesh result from n1; n3 is malformed
  answers['agent-n1'] = { evidence: { nodes: { n1: node('n1', '0') } } };
  answers['agent-n2'] = {
    evidence: {
      nodes: { n2: node('n2', '1'), n1: node('n1', '1') },
      probes: {
        ran: ['mesh'],
        registry: [],
        dns: [],
        mesh: [{ from: 'n1', to: 'n2', path: 'underlay', ok: true }, { from: 'n2', to: 'n1', path: 'underlay', ok: false }],
        // what n2's run read on n1, and a claim of what n1's own run read
        meshNodes: [{ node: 'n1', by: 'n2', target: { underlayIp: '10.0.0.1' }, counterDeltas: {} }, { node: 'n1', by: 'n1', target: { underlayIp: '10.0.0.9' }, counterDeltas: {} }],
      },
    },
  };
  answers['agent-n3'] = { evidence: { nodes: 'not a mapping' } };
  for (const n of ['copycat', 'other-ds', 'agent-elsewhere']) answers[n] = { evidence: { nodes: { n1: node('n1', '1') } } };
  api.setProxy(async (req) => {
    asked.push(req.pod);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers[req.pod]) };
  });
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('live diagnose trusts only the agent DaemonSet, each pod for its own node', () => {
  it('asks only the DaemonSet pods in the told namespace; impostors are named, never asked', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    asked.length = 0;
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000 });
    expect(asked.sort()).toEqual(['agent-n1', 'agent-n2', 'agent-n3']);
    expect(ev.unreadable.filter((u) => /not a pod of DaemonSet/.test(u.reason)).map((u) => u.what).sort()).toEqual(['pod flannel-doctor/copycat', 'pod flannel-doctor/other-ds']);
    // n1's evidence is n1's own agent's (ip_forward 0), not n2's claim about n1
    expect(ev.nodes.n1.sysctls['net.ipv4.ip_forward']).toBe('0');
    expect(ev.nodes.n2.sysctls['net.ipv4.ip_forward']).toBe('1');
    expect(ev.probes?.mesh).toEqual([{ from: 'n2', to: 'n1', path: 'underlay', ok: false }]);
    expect(ev.probes?.meshNodes).toEqual([{ node: 'n1', by: 'n2', target: { underlayIp: '10.0.0.1' }, counterDeltas: {} }]);
    expect(ev.unreadable.find((u) => u.what === 'agent flannel-doctor/agent-n2 on node n2')?.reason).toMatch(/node n1, 1 probe result/);
    // the malformed answer is an unreadable agent on its node, not a crash and not evidence
    expect(ev.nodes.n3).toBeUndefined();
    expect(ev.agents.find((a) => a.node === 'n3')).toMatchObject({ ok: false, error: expect.stringMatching(/^unreadable agent on node n3: malformed answer/) });
  });

  it('another namespace is read only when told', async () => {
    const client = new KubeClient(loadKubeConfig({ kubeconfig: join(dir, 'kubeconfig') }));
    asked.length = 0;
    const ev = await fetchAgentEvidence(client, { timeoutMs: 2000, namespace: 'tenant' });
    expect(asked).toEqual(['agent-elsewhere']);
    expect(Object.keys(ev.nodes)).toEqual(['n1']);
  });

  it('ownership needs the controlling DaemonSet reference of that name', () => {
    expect(ownedByDaemonSet({ metadata: { ownerReferences: owner() } }, 'flannel-doctor-agent')).toBe(true);
    expect(ownedByDaemonSet({ metadata: { ownerReferences: [{ ...owner()[0], controller: false }] } }, 'flannel-doctor-agent')).toBe(false);
    expect(ownedByDaemonSet({ metadata: { ownerReferences: [{ ...owner()[0], kind: 'ReplicaSet' }] } }, 'flannel-doctor-agent')).toBe(false);
    expect(ownedByDaemonSet({ metadata: {} }, 'flannel-doctor-agent')).toBe(false);
  });

  it('hostile answers become an error line, whatever their shape', () => {
    for (const body of [undefined, null, 'x', 42, [], { evidence: [] }, { evidence: 'x' }, { evidence: { nodes: [] } }, { evidence: { probes: 'x' } }]) {
      const t = trustedAnswer(body, 'n1', 'ns/p');
      expect(t.node).toBeUndefined();
      expect(t.error).toMatch(/no evidence object|malformed answer/);
    }
    // a wrong field inside the node is replaced by its empty form and recorded on the node
    const t = trustedAnswer({ evidence: { nodes: { n1: { ...node('n1', '0'), routes: 'x' } } } }, 'n1', 'ns/p');
    expect(t.node?.routes).toEqual([]);
    expect(t.node?.problems.some((p) => /routes/.test(p.file))).toBe(true);
  });
});
