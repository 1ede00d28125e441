/**
 * The agent's /api/v1/capture on a real VXLAN testbed in our own namespaces (fdbw-*): the capture runs
 * in node n1's namespace (injected, as the agent would run it in the host's), behind the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyNode } from '../evidence/node.js';
import { completeRecords } from '../probes/capture/pcap-records.js';
import { capturePackets } from '../probes/capture/bounded-capture.js';
import { pingWhile } from '../probes/capture/ping-while.js';
import { buildTestbed, type Testbed } from '../probes/mesh/testbed.js';
import { RULES } from '../rules/index.js';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG } from './config.js';
import { createAgentServer } from './server.js';

const TOKEN = 'capture-test-token-5e1';
let tb: Testbed;
let dir: string;
let base: string;
let server: ReturnType<typeof createAgentServer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdbw-agent-'));
  tb = await buildTestbed(`fdbw-a${process.pid % 100000}`, 2);
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir, nodeName: 'n1', token: TOKEN }, { gatherNode: async () => emptyNode('n1') }, RULES, 'test');
  server = createAgentServer(agent, { capture: (r) => capturePackets({ ...r, netns: tb.targets[0]!.netns }) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await tb?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (q: string, token: string | undefined = TOKEN) => fetch(`${base}/api/v1/capture${q}`, { headers: token ? { 'x-flannel-doctor-token': token } : {} });

describe('GET /api/v1/capture', () => {
  it('answers a whole pcap of the seconds asked, with its packet count; a second capture meanwhile is refused', async () => {
    const r = await pingWhile(tb.targets[0]!.pod!.netns!, '10.244.2.2', (async () => {
      const first = get('?seconds=3&iface=eth0');
      await new Promise((res) => setTimeout(res, 1000));
      const busy = await get('?seconds=1');
      expect(busy.status).toBe(409);
      expect(((await busy.json()) as { error: string }).error).toBe('a capture is already running on this node; ask again when it ends');
      return first;
    })());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.tcpdump.pcap');
    expect(r.headers.get('x-capture-stopped-by')).toBe('time');
    const pcap = Buffer.from(await r.arrayBuffer());
    const whole = completeRecords(pcap)!;
    expect(whole.bytes.length).toBe(pcap.length);
    expect(whole.packets).toBe(Number(r.headers.get('x-capture-packets')));
    expect(whole.packets).toBeGreaterThanOrEqual(16);
  }, 30_000);

  it('needs the token; refuses requests past its limits before capturing; a failed capture is one line', async () => {
    expect((await get('?seconds=1', '')).status).toBe(401);
    for (const [q, error] of [
      ['?seconds=0', 'seconds must be a whole number 1-60'],
      ['?seconds=600', 'seconds must be a whole number 1-60'],
      ['?seconds=1&iface=eth0%20or%20x', 'iface must be an interface name or "any"'],
      ['?seconds=1&filter=tcp', 'filter must be one of vxlan, all'],
      ['?seconds=1&maxBytes=999999999', 'maxBytes must be at most 16777216 on the agent'],
    ]) {
      const r = await get(q!);
      expect([q, r.status, ((await r.json()) as { error: string }).error]).toEqual([q, 400, error]);
    }
    const bad = await get('?seconds=1&iface=nosuch0');
    expect(bad.status).toBe(503);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^tcpdump failed: .*nosuch0/);
  }, 30_000);
});
