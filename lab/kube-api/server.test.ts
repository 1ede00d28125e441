/** The test API server against the real, unmodified @kubernetes/client-node typed clients. */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceObjects, pod } from '../../src/sources/conformance/objects.js';
import { KubeApiServer } from './server.js';

describe('KubeApiServer with @kubernetes/client-node', () => {
  let api: KubeApiServer;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    api = await KubeApiServer.start({ token: 'abc', user: 'jane' });
    api.load(conformanceObjects());
    kc = new k8s.KubeConfig();
    kc.loadFromString(api.kubeconfig({ namespace: 'shop' }));
    core = kc.makeApiClient(k8s.CoreV1Api);
  });
  afterAll(async () => api?.close());

  it('lists with limit and continue until the end, with resourceVersions', async () => {
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const l = await core.listNamespacedPod({ namespace: 'shop', limit: 3, _continue: cont });
      expect(l.metadata?.resourceVersion).toMatch(/^\d+$/);
      for (const p of l.items) {
        expect(p.metadata?.resourceVersion).toMatch(/^\d+$/);
        names.push(p.metadata!.name!);
      }
      cont = l.metadata?._continue;
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names).toEqual([...api.list('Pod', 'shop').map((p) => p.metadata.name)]);
  });

  it('filters by label selector', async () => {
    const l = await core.listPodForAllNamespaces({ labelSelector: 'app=flannel,tier==node' });
    expect(l.items.map((p) => p.metadata?.name)).toEqual(['kube-flannel-ds-abcde']);
    const none = await core.listPodForAllNamespaces({ labelSelector: 'app!=flannel,tier' });
    expect(none.items).toEqual([]);
  });

  it('answers 404 with a NotFound Status', async () => {
    const err: any = await core.readNamespacedSecret({ namespace: 'shop', name: 'nope' }).catch((e) => e);
    expect(err.code).toBe(404);
    const body = JSON.parse(err.body);
    expect(body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'secrets "nope" not found' });
  });

  it('answers 403 with the real Forbidden message', async () => {
    const id = api.forbid({ verb: 'list', resource: 'pods', namespace: 'shop' });
    try {
      const err: any = await core.listNamespacedPod({ namespace: 'shop' }).catch((e) => e);
      expect(err.code).toBe(403);
      expect(JSON.parse(err.body).message).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "shop"');
      const nodes: any = await kc.makeApiClient(k8s.CoreV1Api).listNode();
      expect(nodes.items).toHaveLength(2);
    } finally {
      api.allow(id);
    }
    const err2: any = await (api.forbid({ verb: 'list', resource: 'nodes' }), core.listNode().catch((e) => e));
    expect(JSON.parse(err2.body).message).toBe('nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
  });

  it('serves apps/v1 and events.k8s.io/v1 (converted from core events)', async () => {
    const ds = await kc.makeApiClient(k8s.AppsV1Api).listDaemonSetForAllNamespaces();
    expect(ds.items.map((d) => d.metadata?.name).sort()).toEqual(['kube-flannel-ds', 'node-exporter']);
    const ev = await kc.makeApiClient(k8s.EventsV1Api).listNamespacedEvent({ namespace: 'shop' });
    const series = ev.items.find((e) => e.metadata?.name === 'web-1.series');
    expect(series?.note).toBe('Back-off restarting failed container');
    expect(series?.series?.count).toBe(40);
    expect(series?.regarding?.name).toBe('web-1');
  });

  it('creates, replaces, patches and deletes', async () => {
    await core.createNamespacedConfigMap({ namespace: 'kube-system', body: { metadata: { name: 'coredns' }, data: { Corefile: '.:53 {}' } } });
    expect(api.get('ConfigMap', 'kube-system', 'coredns')?.data.Corefile).toBe('.:53 {}');
    const dup: any = await core.createNamespacedConfigMap({ namespace: 'kube-system', body: { metadata: { name: 'coredns' } } }).catch((e) => e);
    expect(dup.code).toBe(409);
    await core.replaceNamespacedConfigMap({ namespace: 'kube-system', name: 'coredns', body: { metadata: { name: 'coredns' }, data: { Corefile: 'x' } } });
    expect(api.get('ConfigMap', 'kube-system', 'coredns')?.data.Corefile).toBe('x');
    await core.deleteNamespacedConfigMap({ namespace: 'kube-system', name: 'coredns' });
    expect(api.get('ConfigMap', 'kube-system', 'coredns')).toBeUndefined();
  });

  it('folds Secret stringData into base64 data', () => {
    api.put({ kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, type: 'Opaque', stringData: { a: 'b' } });
    expect(api.get('Secret', 'shop', 's')).toMatchObject({ data: { a: Buffer.from('b').toString('base64') } });
    expect(api.get('Secret', 'shop', 's')?.stringData).toBeUndefined();
  });

  it('routes the pod proxy to the registered handler', async () => {
    api.put(pod('kube-system', 'agent-1'));
    api.setProxy(async (r) => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${r.method} ${r.namespace}/${r.pod}:${r.port} ${r.path}` }));
    const res = await fetch(`${api.url}/api/v1/namespaces/kube-system/pods/agent-1:9090/proxy/metrics?x=1`, { headers: { authorization: 'Bearer abc' } });
    expect(await res.text()).toBe('GET kube-system/agent-1:9090 /metrics?x=1');
    const missing = await fetch(`${api.url}/api/v1/namespaces/kube-system/pods/nope/proxy/`, { headers: { authorization: 'Bearer abc' } });
    expect(missing.status).toBe(404);
  });

  it('answers 410 Expired for a continue token older than a compaction', async () => {
    const first = await core.listNamespacedPod({ namespace: 'shop', limit: 2 });
    api.expireContinueTokens();
    const err: any = await core.listNamespacedPod({ namespace: 'shop', limit: 2, _continue: first.metadata?._continue }).catch((e) => e);
    expect(err.code).toBe(410);
    expect(JSON.parse(err.body).reason).toBe('Expired');
  });

  it('requires the bearer token', async () => {
    const res = await fetch(`${api.url}/api/v1/nodes`);
    expect(res.status).toBe(401);
  });

  it('GET /version answers', async () => {
    const v = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(v.gitVersion).toMatch(/^v1\./);
  });
});
