/**
 * Stand-ins for 5,000 agents behind the real API server's pod proxy: one small HTTP server inside the
 * control plane's network namespace, where every node address of the shape (172.20.0.0/16) is made
 * local (`ip route add local`), listening on the agent port. The agents run with hostNetwork, so the
 * API server proxies to <node IP>:9464; the server tells the node from the address it was reached on
 * and answers /api/v1/evidence with that node's (empty) evidence. A real agent's evidence is larger,
 * so polling's measured cost is a lower bound.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../lab/exec.js';
import { spawnInNetns, waitFor } from '../../lab/runtime/lab-process.js';
import { emptyNode } from '../../src/evidence/node.js';
import { emptyEvidence } from '../../src/evidence/types.js';
import { AGENT_PORT } from '../../src/sources/kube/agents.js';
import type { ScaleLab } from './lab.js';

const SERVER = `
const http = require('node:http');
const [prefix, template] = [process.argv[2], process.argv[3]];
let served = 0;
http.createServer((req, res) => {
  const a = (req.socket.localAddress || '').replace(/^::ffff:/, '').split('.').map(Number);
  const node = prefix + '-' + String(a[2] * 256 + a[3]).padStart(5, '0');
  if (!req.url.startsWith('/api/v1/evidence')) { res.writeHead(404); res.end('{}'); return; }
  served++;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(template.split('__NODE__').join(node));
}).listen(${AGENT_PORT}, '0.0.0.0', () => process.stdout.write('listening\\n'));
process.on('SIGTERM', () => { process.stdout.write('served ' + served + '\\n'); process.exit(0); });
`;

export async function startFakeAgents(lab: ScaleLab, prefix: string): Promise<void> {
  const netns = `${lab.state.prefix}-cp`;
  await run(netns, ['ip', 'route', 'add', 'local', '172.20.0.0/16', 'dev', 'lo']);
  const file = path.join(lab.state.dir, 'fake-agents.cjs');
  fs.writeFileSync(file, SERVER);
  const evidence = { ...emptyEvidence(['host']), nodes: { __NODE__: emptyNode('__NODE__') } };
  const template = JSON.stringify({ status: { stale: false }, evidence });
  const log = path.join(lab.state.dir, 'logs', 'fake-agents.log');
  const pid = spawnInNetns(netns, [process.execPath, file, prefix, template], { log });
  lab.extraPids.push({ pid, expect: file });
  await waitFor('the fake agents', () => fs.readFileSync(log, 'utf8').includes('listening'), 30_000, log);
}
