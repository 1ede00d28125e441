/**
 * The lab's API server process (started by `lab up`, stopped by `lab down` by PID): the test
 * Kubernetes API server of lab/kube-api serving the lab's objects from `<lab dir>/api-objects.json`.
 * On SIGHUP it reloads that file (and `api-forbid.json`, the 403 rules of RBAC faults) and writes the
 * loaded resourceVersion to `api-ack`, so a CLI run that changed objects knows when they are served.
 *
 * usage: node --import tsx lab/api-process.ts <lab dir> [port]
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { KubeApiServer } from './kube-api/server.js';
import { agentProxy } from './agents-proxy.js';

type Obj = Record<string, any>;

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: api-process.ts <lab dir> [port]\n');
  process.exit(2);
}
const port = Number(process.argv[3] ?? 0);
const server = await KubeApiServer.start({ port, host: '127.0.0.1', user: 'system:serviceaccount:kube-system:flannel-doctor' });

const loaded = new Map<string, string>();
const forbids = new Map<string, number>();
const keyOf = (o: Obj) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

function writeAtomic(file: string, text: string): void {
  writeFileSync(file + '.tmp', text);
  renameSync(file + '.tmp', file);
}

function reload(): void {
  let data: { resourceVersion?: number; items?: Obj[] } = {};
  try {
    data = JSON.parse(readFileSync(join(dir, 'api-objects.json'), 'utf8'));
  } catch {
    // not written yet
  }
  const seen = new Set<string>();
  for (const o of data.items ?? []) {
    const k = keyOf(o);
    seen.add(k);
    const text = JSON.stringify(o);
    if (loaded.get(k) === text) continue;
    try {
      const { resourceVersion: _rv, ...meta } = o.metadata ?? {};
      server.put({ ...o, metadata: meta });
      loaded.set(k, text);
    } catch {
      // a kind this server does not serve (e.g. ClusterRole): the lab keeps it, the API does not show it
    }
  }
  for (const k of [...loaded.keys()]) {
    if (seen.has(k)) continue;
    const [kind, ns, ...rest] = k.split('/');
    server.remove(kind, ns || undefined, rest.join('/'));
    loaded.delete(k);
  }
  let rules: { verb?: string; resource: string; namespace?: string; name?: string }[] = [];
  try {
    rules = JSON.parse(readFileSync(join(dir, 'api-forbid.json'), 'utf8'));
  } catch {
    // none
  }
  const want = new Set(rules.map((r) => JSON.stringify(r)));
  for (const [k, id] of forbids) if (!want.has(k)) (server.allow(id), forbids.delete(k));
  for (const r of rules) {
    const k = JSON.stringify(r);
    if (!forbids.has(k)) forbids.set(k, server.forbid(r));
  }
  writeAtomic(join(dir, 'api-ack'), String(data.resourceVersion ?? 0) + ':' + rules.length);
}

reload();
writeAtomic(join(dir, 'kubeconfig'), server.kubeconfig({ context: 'flannel-doctor-lab' }));
writeAtomic(join(dir, 'api.json'), JSON.stringify({ url: server.url, pid: process.pid }) + '\n');
process.on('SIGHUP', reload);
server.setProxy(agentProxy(dir)); // pods/proxy → the lab's flannel-doctor agents (lab/agents.ts)
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
