import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../../lab/kube-api/server.js';
import { ToolError } from '../../errors.js';
import { conformanceObjects, pod } from '../conformance/objects.js';
import { gatherKube } from './gather.js';

describe('kube source', () => {
  let api: KubeApiServer;
  let tmp: string;
  let kubeconfig: string;

  beforeEach(async () => {
    api = await KubeApiServer.start({ token: 't0ken', user: 'system:serviceaccount:default:doctor' });
    api.load(conformanceObjects());
    tmp = await mkdtemp(join(tmpdir(), 'fd-kube-'));
    kubeconfig = join(tmp, 'config');
    await writeFile(kubeconfig, api.kubeconfig());
  });
  afterEach(async () => {
    await api.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('reads every page of a list (limit 500 + continue)', async () => {
    for (let i = 0; i < 1234; i++) api.put(pod('bulk', `p-${String(i).padStart(4, '0')}`));
    const c = await gatherKube({ kubeconfig });
    expect(c.pods.filter((p) => p.namespace === 'bulk')).toHaveLength(1234);
    const pages = api.requests.filter((r) => r.path.startsWith('/api/v1/pods?'));
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((r) => r.path.includes('continue='))).toBe(true);
  });

  it('a 403 on secrets becomes unreadable with the permission it needs; the rest is read', async () => {
    api.forbid({ verb: 'get', resource: 'secrets' });
    const c = await gatherKube({ kubeconfig });
    expect(c.read).not.toContain('secrets');
    expect(c.read).toEqual(expect.arrayContaining(['nodes', 'pods', 'events', 'workloads']));
    expect(c.pullSecrets).toEqual([]);
    expect(c.unreadable).toEqual([
      { what: 'secrets in namespace other (builder-pull)', code: 403, needs: 'get secrets', reason: 'forbidden: needs get secrets' },
      { what: 'secrets in namespace shop (gone, regcred)', code: 403, needs: 'get secrets', reason: 'forbidden: needs get secrets' },
    ]);
  });

  it('a 403 on listing pods cluster-wide is reported, nodes still read', async () => {
    api.forbid({ verb: 'list', resource: 'pods' });
    const c = await gatherKube({ kubeconfig });
    expect(c.read).not.toContain('pods');
    expect(c.read).toContain('nodes');
    expect(c.nodes).toHaveLength(2);
    expect(c.unreadable).toContainEqual({ what: 'pods', code: 403, reason: 'forbidden: needs list pods', needs: 'list pods' });
  });

  it('a 404 on a named pull secret records it as missing; an absent config map is fine', async () => {
    const c = await gatherKube({ kubeconfig });
    expect(c.missingSecrets).toEqual(['shop/gone']);
    expect(c.read).toContain('configmaps');
    expect(c.configMaps.map((m) => m.name)).toEqual(['kube-flannel-cfg']);
    expect(c.unreadable).toEqual([]);
  });

  it('a slow list past --timeout is reported as timed out; faster kinds are kept', async () => {
    api.delay({ verb: 'list', resource: 'events', ms: 3000 });
    const t0 = Date.now();
    const c = await gatherKube({ kubeconfig, timeoutMs: 800 });
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(c.read).not.toContain('events');
    expect(c.read).toContain('pods');
    expect(c.unreadable.find((u) => u.what === 'events')?.reason).toMatch(/timed out/);
  });

  it('an API that does not answer is a ToolError naming the server', async () => {
    await api.close();
    await expect(gatherKube({ kubeconfig, timeoutMs: 2000 })).rejects.toThrow(ToolError);
    await expect(gatherKube({ kubeconfig, timeoutMs: 2000 })).rejects.toThrow(/cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:\d+/);
    api = await KubeApiServer.start(); // for afterEach
  });

  it('rejected credentials are a ToolError', async () => {
    await writeFile(kubeconfig, api.kubeconfig().replace('t0ken', 'wrong'));
    await expect(gatherKube({ kubeconfig })).rejects.toThrow(/401 Unauthorized/);
  });

  it('--context picks the context; an unknown one is a ToolError listing the known ones', async () => {
    await writeFile(kubeconfig, api.kubeconfig({ context: 'lab' }));
    await expect(gatherKube({ kubeconfig, context: 'lab' })).resolves.toMatchObject({ unreadable: [] });
    await expect(gatherKube({ kubeconfig, context: 'prod' })).rejects.toThrow(/context "prod" is not in the kubeconfig \(contexts: lab\)/);
  });

  it('authenticates with an exec credential plugin, as kubectl does', async () => {
    const cred = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 't0ken' } });
    const cfg = api.kubeconfig().replace(/user:\n\s+token: t0ken/, `user:\n      exec:\n        apiVersion: client.authentication.k8s.io/v1beta1\n        command: /bin/sh\n        args: ["-c", ${JSON.stringify(`echo '${cred}'`)}]\n        interactiveMode: Never`);
    expect(cfg).toContain('command: /bin/sh');
    await writeFile(kubeconfig, cfg);
    const c = await gatherKube({ kubeconfig });
    expect(c.unreadable).toEqual([]);
    expect(c.nodes).toHaveLength(2);
  });

  it('a missing kubeconfig file is a ToolError', async () => {
    await expect(gatherKube({ kubeconfig: join(tmp, 'nope') })).rejects.toThrow(/cannot load kubeconfig/);
  });

  it('talks TLS with the kubeconfig CA, and refuses a server whose certificate it cannot verify', async () => {
    const tls = await KubeApiServer.start({ tls: true, token: 'tls-token' });
    try {
      tls.load(conformanceObjects());
      const cfg = join(tmp, 'tls');
      await writeFile(cfg, tls.kubeconfig());
      expect(tls.url).toMatch(/^https:/);
      const c = await gatherKube({ kubeconfig: cfg });
      expect(c.unreadable).toEqual([]);
      expect(c.nodes).toHaveLength(2);
      // the same server without its CA: a TLS failure is a ToolError, not an empty cluster
      await writeFile(cfg, tls.kubeconfig().replace(/certificate-authority-data: .*/, ''));
      await expect(gatherKube({ kubeconfig: cfg, timeoutMs: 3000 })).rejects.toThrow(/cannot reach the Kubernetes API at https:.*(self.signed|certificate)/i);
    } finally {
      await tls.close();
    }
  });

  it('never keeps a secret value', async () => {
    const c = await gatherKube({ kubeconfig });
    const text = JSON.stringify(c);
    expect(text).not.toContain(Buffer.from('u:p').toString('base64'));
    expect(text).not.toContain('hunter2');
    expect(c.pullSecrets.find((s) => s.name === 'regcred')?.registries).toEqual(['reg.local:5000']);
  });
});
