import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../lab/kube-api/server.js';
import { KubeClient, loadKubeConfig } from '../sources/kube/client.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCheckCycle } from './check-cycle.js';
import { DEFAULT_CONFIG } from './config.js';
import { discover, needsDiscovery, withDiscovered } from './discovery.js';

type Obj = Record<string, any>;
const NS = 'flannel-doctor';
const DS_UID = 'ds-uid-1';
const LABELS = { 'app.kubernetes.io/name': 'flannel-doctor', 'app.kubernetes.io/component': 'agent' };

function node(name: string, ip: string, cidr?: string, leased = true): Obj {
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: { name, annotations: leased ? { 'flannel.alpha.coreos.com/backend-data': '{"VNI":1}' } : {} },
    spec: cidr ? { podCIDR: cidr, podCIDRs: [cidr] } : {},
    status: { addresses: [{ type: 'Hostname', address: name }, { type: 'InternalIP', address: ip }] },
  };
}

function agentPod(name: string, nodeName: string, ip: string, o: { owner?: string; ns?: string } = {}): Obj {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, namespace: o.ns ?? NS, labels: LABELS, ownerReferences: o.owner === 'none' ? [] : [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'flannel-doctor-agent', uid: o.owner ?? DS_UID, controller: true }] },
    spec: { nodeName },
    status: { phase: 'Running', podIP: ip },
  };
}

function dnsObjects(): Obj[] {
  return [
    { kind: 'Service', apiVersion: 'v1', metadata: { name: 'kube-dns', namespace: 'kube-system' }, spec: { clusterIP: '10.96.0.10' } },
    { kind: 'Endpoints', apiVersion: 'v1', metadata: { name: 'kube-dns', namespace: 'kube-system' }, subsets: [{ addresses: [{ ip: '10.244.1.3' }, { ip: '10.244.0.2' }], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }, { addresses: [{ ip: '10.244.0.2' }] }] },
  ];
}

describe('agent discovery of mesh peers and DNS targets from the API', () => {
  let api: KubeApiServer;
  let client: KubeClient;
  let dir: string;
  const self = { nodeName: 'n1', namespace: NS, podName: 'agent-a' };

  beforeEach(async () => {
    api = await KubeApiServer.start({ token: 'sa-token', user: 'system:serviceaccount:flannel-doctor:flannel-doctor' });
    api.load([
      node('n1', '192.168.50.11', '10.244.0.0/24'),
      node('n2', '192.168.50.12', '10.244.1.0/24'),
      node('n3', '192.168.50.13', '10.244.2.0/24', false), // no flannel lease yet: no flannel.1 to probe
      // hostNetwork agents (the manifests'): pod IP = node IP; one on n2 is not hostNetwork here
      agentPod('agent-a', 'n1', '192.168.50.11'),
      agentPod('agent-b', 'n2', '10.244.1.9'),
      agentPod('agent-c', 'n3', '192.168.50.13'),
      // same labels, not of this DaemonSet: never a peer's pod
      agentPod('stray', 'n3', '10.244.2.66', { owner: 'other-ds' }),
      agentPod('tenant-copy', 'n3', '10.244.2.77', { ns: 'tenant' }),
      ...dnsObjects(),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'fd-disc-'));
    const conf = join(dir, 'kubeconfig');
    writeFileSync(conf, api.kubeconfig());
    client = new KubeClient(loadKubeConfig({ kubeconfig: conf }));
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('peers are the nodes (InternalIP, flannel.1 = podCIDR network once leased) with their agent pod IP when it is not the node\'s', async () => {
    const d = await discover(client, self);
    expect(d.problems).toEqual([]);
    expect(d.peers).toEqual([
      { name: 'n1', ip: '192.168.50.11', flannelIp: '10.244.0.0' },
      { name: 'n2', ip: '192.168.50.12', flannelIp: '10.244.1.0', podIP: '10.244.1.9' },
      { name: 'n3', ip: '192.168.50.13' },
    ]);
    expect(d.dns).toEqual({ serviceIP: '10.96.0.10', corednsIPs: ['10.244.0.2', '10.244.1.3'] });
  });

  it('refreshes each call: a node that joins is a peer, one that leaves is gone; CoreDNS endpoints follow', async () => {
    await discover(client, self);
    api.put(node('n4', '192.168.50.14', '10.244.3.0/24'));
    api.remove('Node', undefined, 'n2');
    api.put({ ...dnsObjects()[1], subsets: [{ addresses: [{ ip: '10.244.3.5' }] }] });
    const d = await discover(client, self);
    expect(d.peers.map((p) => p.name)).toEqual(['n1', 'n3', 'n4']);
    expect(d.peers.find((p) => p.name === 'n4')).toEqual({ name: 'n4', ip: '192.168.50.14', flannelIp: '10.244.3.0' });
    expect(d.dns.corednsIPs).toEqual(['10.244.3.5']);
  });

  it('without its pod name it finds its DaemonSet by the pod on its node', async () => {
    const d = await discover(client, { nodeName: 'n2', namespace: NS });
    expect(d.peers.find((p) => p.name === 'n2')?.podIP).toBe('10.244.1.9');
    expect(d.problems).toEqual([]);
  });

  it('a 403 names the permission and keeps the last good answer for that part', async () => {
    const first = await discover(client, self);
    api.put(node('n4', '192.168.50.14', '10.244.3.0/24'));
    api.forbid({ verb: 'list', resource: 'nodes' });
    api.forbid({ verb: 'get', resource: 'endpoints' });
    const d = await discover(client, self, { last: first });
    expect(d.problems).toEqual(expect.arrayContaining(['list nodes: 403 forbidden (needs list nodes)', 'get endpoints: 403 forbidden (needs get endpoints)']));
    expect(d.problems).toHaveLength(2);
    expect(d.peers).toEqual(first.peers); // n4 not seen: nodes were not readable
    expect(d.dns).toEqual(first.dns);
  });

  it('an API server that is gone: every part kept, each failure reported, never a throw', async () => {
    const first = await discover(client, self);
    await api.close();
    const d = await discover(client, self, { last: first, timeoutMs: 1000 });
    expect(d.peers).toEqual(first.peers);
    expect(d.dns).toEqual(first.dns);
    expect(d.at).toBe(first.at);
    expect(d.problems.length).toBeGreaterThanOrEqual(3);
    api = await KubeApiServer.start(); // for afterEach
  });

  it('asks only what the manifests\' ClusterRole grants (read-only, and each request is covered)', async () => {
    await discover(client, self);
    await discover(client, { nodeName: 'n2', namespace: NS });
    const docs = parseAllDocuments(readFileSync(join(__dirname, '..', '..', 'deploy', 'manifests', '10-rbac.yaml'), 'utf8')).map((d) => d.toJSON());
    const role = docs.find((d) => d?.kind === 'ClusterRole' && d.metadata.name === 'flannel-doctor-read');
    const granted = new Set<string>(role.rules.filter((r: Obj) => r.apiGroups.includes('')).flatMap((r: Obj) => r.resources.flatMap((res: string) => r.verbs.map((v: string) => `${v} ${res}`))));
    const used = new Set<string>();
    for (const r of api.requests) {
      expect(r.method).toBe('GET');
      const p = new URL(r.path, 'http://x').pathname.split('/').filter(Boolean); // api v1 [namespaces ns] resource [name]
      const rest = p[2] === 'namespaces' ? p.slice(4) : p.slice(2);
      used.add(`${rest.length > 1 ? 'get' : 'list'} ${rest[0]}`);
    }
    expect([...used].sort()).toEqual(['get endpoints', 'get pods', 'get services', 'list nodes', 'list pods']);
    for (const u of used) expect(granted.has(u), `${u} granted by flannel-doctor-read`).toBe(true);
    expect(api.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('what the operator configured wins; discovery fills only what is unset', async () => {
    const d = await discover(client, self);
    expect(needsDiscovery(DEFAULT_CONFIG)).toBe(true);
    const filled = withDiscovered(DEFAULT_CONFIG, d);
    expect(filled.peers).toHaveLength(3);
    expect(filled.dns).toEqual({ serviceIP: '10.96.0.10', corednsIPs: ['10.244.0.2', '10.244.1.3'] });
    const configured = { ...DEFAULT_CONFIG, peers: [{ name: 'x', ip: '10.0.0.1' }], dns: { serviceIP: '10.0.0.10' } };
    const mixed = withDiscovered(configured, d);
    expect(mixed.peers).toEqual([{ name: 'x', ip: '10.0.0.1' }]);
    expect(mixed.dns).toEqual({ serviceIP: '10.0.0.10', corednsIPs: ['10.244.0.2', '10.244.1.3'] });
    expect(needsDiscovery({ ...configured, dns: { serviceIP: '10.0.0.10', corednsIPs: ['1.2.3.4'] } })).toBe(false);
  });

  it('a check cycle reports what discovery could not read as a part error, the cycle still judges', async () => {
    api.forbid({ verb: 'list', resource: 'nodes' });
    const r = await runCheckCycle(
      {
        gatherNode: async () => ({ name: 'n1', gathered: [] }) as any,
        prepare: async () => (await discover(client, self)).problems,
      },
      [],
      { version: 't', partTimeoutMs: 5000 },
    );
    expect(r.errors).toEqual([{ part: 'discovery', message: 'list nodes: 403 forbidden (needs list nodes)' }]);
    expect(r.report).toBeDefined();
  });
});
