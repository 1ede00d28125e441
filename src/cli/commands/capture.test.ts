/**
 * `capture --node N` end to end: the CLI as a process (tsx) → a kube API server (lab/kube-api) → its
 * pod proxy → the agent's /api/v1/capture, capturing in node n1's namespace of a VXLAN testbed (fdbw-*).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { Agent } from '../../agent/agent.js';
import { DEFAULT_CONFIG } from '../../agent/config.js';
import { createAgentServer } from '../../agent/server.js';
import { emptyNode } from '../../evidence/node.js';
import { capturePackets } from '../../probes/capture/bounded-capture.js';
import { pingWhile } from '../../probes/capture/ping-while.js';
import { buildTestbed, type Testbed } from '../../probes/mesh/testbed.js';
import { RULES } from '../../rules/index.js';
import { AGENT_SELECTOR } from '../../sources/kube/agents.js';

const TOKEN = 'capture-cli-token-77a';
let tb: Testbed;
let dir: string;
let api: KubeApiServer;
let server: ReturnType<typeof createAgentServer>;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1', FLANNEL_DOCTOR_TOKEN: TOKEN, ...env }, maxBuffer: 16 << 20 }, (err: any, stdout, stderr) => resolve({ code: err ? (err.code ?? -1) : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdbw-capcli-'));
  tb = await buildTestbed(`fdbw-l${process.pid % 100000}`, 2);
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir, nodeName: 'n1', token: TOKEN }, { gatherNode: async () => emptyNode('n1') }, RULES, 'test');
  server = createAgentServer(agent, { capture: (r) => capturePackets({ ...r, netns: tb.targets[0]!.netns }) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const agentUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await KubeApiServer.start({});
  const labels = Object.fromEntries(AGENT_SELECTOR.split(',').map((kv) => kv.split('=')));
  const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'flannel-doctor-agent', uid: 'u1', controller: true }];
  api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: 'agent-n1', labels, ownerReferences: owner }, spec: { nodeName: 'n1', containers: [] } });
  // a look-alike with the agent's labels but no DaemonSet owner is never asked
  api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'flannel-doctor', name: 'fake-n2', labels }, spec: { nodeName: 'n2', containers: [] } });
  api.setProxy(async (req) => {
    const token = req.headers['x-flannel-doctor-token'];
    const r = await fetch(agentUrl + req.path, { headers: typeof token === 'string' ? { 'x-flannel-doctor-token': token } : {} });
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'x-capture-packets', 'x-capture-stopped-by']) if (r.headers.get(h)) headers[h] = r.headers.get(h)!;
    return { status: r.status, headers, body: Buffer.from(await r.arrayBuffer()) };
  });
  writeFileSync(join(dir, 'kubeconfig'), api.kubeconfig({}));
}, 60_000);

afterAll(async () => {
  await api?.close();
  await new Promise((r) => server?.close(r));
  await tb?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('flannel-doctor capture --node', () => {
  it("captures through n1's agent, keeps the file with -w, and reports like pcap -o json", async () => {
    const file = join(dir, 'n1.pcap');
    const r = await pingWhile(tb.targets[0]!.pod!.netns!, '10.244.2.2', cli(['capture', '--node', 'n1', '--seconds', '2', '--iface', 'eth0', '-w', file, '--kubeconfig', join(dir, 'kubeconfig'), '-o', 'json']));
    expect(r.stderr).toMatch(/^captured \d+ packets on node n1 \(agent flannel-doctor\/agent-n1\) in 2 s or less \(stopped by time\); saved to /);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual([]);
    expect(report.evidence.capturePackets).toBeGreaterThanOrEqual(10);
    expect(existsSync(file) && readFileSync(file).readUInt32LE(0)).toBe(0xa1b2c3d4);
  }, 60_000);

  it('no agent of the DaemonSet on the node, a wrong token, bad flags: one-line errors, exit 2', async () => {
    const kc = join(dir, 'kubeconfig');
    for (const [args, env, msg] of [
      [['--node', 'n2'], {}, 'no flannel-doctor agent pod of DaemonSet flannel-doctor/flannel-doctor-agent on node n2'],
      [['--node', 'n1', '--seconds', '1'], { FLANNEL_DOCTOR_TOKEN: 'wrong' }, 'agent flannel-doctor/agent-n1 wants its token'],
      [['--node', 'n1', '--seconds', '61'], {}, '--seconds takes a whole number 1-60'],
      [['--node', 'n1', '--filter', 'tcp'], {}, '--filter takes vxlan or all'],
    ] as const) {
      const r = await cli(['capture', ...args, '--kubeconfig', kc], env);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});
