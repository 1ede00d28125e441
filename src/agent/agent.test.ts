import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyNode, type NodeEvidence } from '../evidence/node.js';
import type { MeshPathResult } from '../evidence/probes.js';
import { RULES } from '../rules/index.js';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG, loadConfigFile, type AgentConfig } from './config.js';
import { createAgentServer } from './server.js';

const TOKEN = 'canary-token-5f1e2d';
const root = mkdtempSync(join(tmpdir(), 'fd-agent-'));
mkdirSync(join(root, 'etc'), { recursive: true });
writeFileSync(join(root, 'etc/resolv.conf'), 'nameserver 172.31.250.1\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function node(): NodeEvidence {
  const n = emptyNode('n1');
  n.links = [{ name: 'flannel.1', kind: 'vxlan', mtu: 1450, up: true, addresses: [], stats: { rxPackets: 10, txPackets: 12, rxDropped: 1 } }];
  n.gathered = ['links'];
  return n;
}

const mesh: MeshPathResult[] = [
  { from: 'n1', to: 'n2', path: 'underlay', ok: true, ms: 0.3 },
  { from: 'n1', to: 'n2', path: 'overlay', ok: false, error: '100% loss' },
];

async function started(config: Partial<AgentConfig>, parts: ConstructorParameters<typeof Agent>[1]) {
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: root, nodeName: 'n1', ...config }, parts, RULES, 'test');
  const server = createAgentServer(agent);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { agent, server, base, close: () => new Promise((r) => server.close(r)) };
}

describe('agent', () => {
  it('serves metrics, JSON API and dashboard; requires the token; leaks no token', async () => {
    const a = await started({ token: TOKEN }, { gatherNode: async () => node(), probeMesh: async () => ({ results: mesh }) });
    await a.agent.checkNow();
    expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${a.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${a.base}/api/v1/findings`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
    const metrics = await (await fetch(`${a.base}/metrics`, auth)).text();
    expect(metrics).toMatch(/flannel_doctor_mesh_reachable\{peer="n2",path="overlay",node="n1"\} 0/);
    expect(metrics).toMatch(/flannel_doctor_flannel_interface_total\{counter="drops",direction="rx",node="n1"\} 1/);
    expect(metrics).toMatch(/flannel_doctor_last_success_age_seconds\{node="n1"\} \d/);
    const meshApi = (await (await fetch(`${a.base}/api/v1/mesh`, auth)).json()) as any;
    expect(meshApi.mesh).toHaveLength(2);
    const findings = (await (await fetch(`${a.base}/api/v1/findings`, auth)).json()) as any;
    expect(findings.report.schemaVersion).toBe(1);
    const page = await (await fetch(`${a.base}/`, auth)).text();
    expect(page).toContain('<title>flannel-doctor');
    for (const p of ['/api/v1/evidence', '/api/v1/findings', '/api/v1/history', '/api/v1/status', '/metrics', '/']) {
      const body = await (await fetch(`${a.base}${p}`, auth)).text();
      expect(body, p).not.toContain(TOKEN);
    }
    await a.close();
  });

  it('survives a failing and a hanging part, and marks results stale', async () => {
    let calls = 0;
    const a = await started({ intervalSeconds: 1, probeTimeoutMs: 100 }, {
      gatherNode: async () => {
        calls++;
        if (calls === 2) throw new Error('host root vanished');
        return node();
      },
      probeMesh: () => new Promise(() => {}), // hangs forever
    });
    const first = await a.agent.checkNow();
    expect(first?.errors.map((e) => e.part)).toEqual(['mesh probe']);
    const second = await a.agent.checkNow();
    expect(second?.errors.map((e) => e.part).sort()).toEqual(['mesh probe', 'node']);
    const hist = (await (await fetch(`${a.base}/api/v1/history`)).json()) as any;
    expect(hist.history).toHaveLength(2);
    // results age past two intervals → stale, still served
    const status = a.agent.status();
    expect(status.stale).toBe(false);
    (a.agent as unknown as { last: { at: string } }).last.at = new Date(Date.now() - 10_000).toISOString();
    expect(a.agent.status().stale).toBe(true);
    expect(((await (await fetch(`${a.base}/api/v1/findings`)).json()) as any).report).not.toBeNull();
    await a.close();
  });

  it('records configuration changes with a diff', async () => {
    const a = await started({}, { gatherNode: async () => node() });
    await a.agent.checkNow();
    writeFileSync(join(root, 'etc/resolv.conf'), 'nameserver 127.0.0.53\n');
    await a.agent.checkNow();
    const changes = a.agent.history.configChanges();
    expect(changes.map((c) => c.file)).toEqual(['/etc/resolv.conf']);
    expect(changes[0].diff).toEqual(['- nameserver 172.31.250.1', '+ nameserver 127.0.0.53']);
    await a.close();
  });

  it('keeps defaults and names the problem when the config file is malformed', async () => {
    const f = join(root, 'agent.yaml');
    writeFileSync(f, 'intervalSeconds: [1\n  bad');
    const r1 = await loadConfigFile(f);
    expect(r1.problem?.file).toBe(f);
    expect(r1.problem?.message).toMatch(/not valid YAML/);
    expect(r1.config.intervalSeconds).toBe(DEFAULT_CONFIG.intervalSeconds);
    writeFileSync(f, 'intervalSeconds: -3\nimages: [a, 1]\n');
    const r2 = await loadConfigFile(f);
    expect(r2.problem?.message).toMatch(/intervalSeconds must be a number/);
    expect(r2.problem?.message).toMatch(/images must be a list of strings/);
    writeFileSync(f, 'intervalSeconds: 15\nimages: [reg.lab/app:1]\n');
    expect(await loadConfigFile(f)).toEqual({ config: { ...DEFAULT_CONFIG, intervalSeconds: 15, images: ['reg.lab/app:1'] } });
  });
});
