import { describe, expect, it } from 'vitest';
import { coreEvent, pod } from '../conformance/objects.js';
import { ClusterBuilder, clusterFromObjects, eventInfo, podInfo, workloadInfo, configMapInfo, MAX_CONFIG_VALUE } from './from-kube.js';

describe('cluster builders', () => {
  it('projects a pod with init and app container statuses, waiting and last-terminated states', () => {
    const p = podInfo(pod('shop', 'api-0', { waiting: { reason: 'ErrImagePull', message: 'rpc error: code = NotFound' }, pullSecrets: ['regcred'] }));
    expect(p).toMatchObject({ namespace: 'shop', name: 'api-0', phase: 'Pending', imagePullSecrets: ['regcred'], nodeName: 'n1' });
    expect(p.containers.map((c) => [c.name, c.init])).toEqual([['init', true], ['app', false]]);
    expect(p.statuses).toEqual([
      expect.objectContaining({ name: 'init', init: true, state: 'terminated', reason: 'Completed', exitCode: 0 }),
      expect.objectContaining({ name: 'app', init: false, state: 'waiting', reason: 'ErrImagePull', message: 'rpc error: code = NotFound' }),
    ]);
    const ok = podInfo(pod('shop', 'web-0'));
    expect(ok.statuses[1]).toMatchObject({ state: 'running', ready: true, restartCount: 1, lastTerminationReason: 'OOMKilled', lastExitCode: 137 });
  });

  it('reads both event shapes; a series counts its occurrences', () => {
    const core = eventInfo(coreEvent('shop', 'e1', 'api-0', 'Failed', 'Failed to pull image', 7));
    expect(core).toMatchObject({ namespace: 'shop', reason: 'Failed', message: 'Failed to pull image', count: 7, source: 'kubelet', host: 'n1', involved: { kind: 'Pod', name: 'api-0' } });
    const modern = eventInfo({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e2', namespace: 'shop' },
      regarding: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      note: 'Back-off pulling image "x"',
      reason: 'BackOff',
      type: 'Warning',
      reportingController: 'kubelet',
      reportingInstance: 'n2',
      eventTime: '2026-01-01T00:00:00.000000Z',
      series: { count: 33, lastObservedTime: '2026-01-01T01:00:00.000000Z' },
    });
    expect(modern).toMatchObject({ message: 'Back-off pulling image "x"', count: 33, source: 'kubelet', host: 'n2', involved: { name: 'web-1' }, lastTimestamp: '2026-01-01T01:00:00.000000Z' });
  });

  it('finds flannel under every DaemonSet name it shipped with, and CoreDNS', () => {
    const ds = (name: string, ns: string, labels: Record<string, string> = {}) => ({ metadata: { name, namespace: ns, labels }, spec: { template: { spec: { containers: [] } } } });
    for (const [name, ns] of [
      ['kube-flannel-ds', 'kube-flannel'],
      ['kube-flannel-ds', 'kube-system'],
      ['kube-flannel-ds-amd64', 'kube-system'],
      ['kube-flannel-ds-arm64', 'kube-system'],
      ['kube-flannel-ds-s390x', 'kube-system'],
    ]) {
      expect(workloadInfo(ds(name, ns), 'DaemonSet')?.name).toBe(name);
    }
    expect(workloadInfo(ds('flannel', 'kube-system', { app: 'flannel' }), 'DaemonSet')?.name).toBe('flannel');
    expect(workloadInfo(ds('fluent-bit', 'logging'), 'DaemonSet')).toBeUndefined();
    expect(workloadInfo({ metadata: { name: 'coredns', namespace: 'kube-system' }, spec: { replicas: 2 }, status: { readyReplicas: 1 } }, 'Deployment')).toMatchObject({ desired: 2, ready: 1 });
  });

  it('keeps only the config maps rules read, with values capped', () => {
    expect(configMapInfo({ metadata: { name: 'app-config', namespace: 'kube-system' }, data: { a: 'b' } })).toBeUndefined();
    const big = configMapInfo({ metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: 'x'.repeat(MAX_CONFIG_VALUE + 10) } })!;
    expect(big.data.Corefile.length).toBeLessThan(MAX_CONFIG_VALUE + 100);
    expect(big.data.Corefile).toMatch(/10 more characters cut/);
  });

  it('skips a bad element and records it, never throws', () => {
    const b = new ClusterBuilder();
    expect(b.add('Pod', { metadata: { namespace: 'x' } }, 'pods.json (item 3)')).toBe(false);
    // A list item's index comes apart from its file (joined only when the item is bad).
    expect(b.add('Pod', 'not an object', 'pods.json', 4)).toBe(false);
    expect(b.add('Node', { metadata: { name: 'n1' }, status: { conditions: 'oops', addresses: [{ type: 1 }] } }, 'nodes.json')).toBe(true);
    const c = b.build();
    expect(c.nodes).toHaveLength(1);
    expect(c.nodes[0]).toMatchObject({ conditions: [], addresses: [] });
    expect(c.unreadable).toEqual([
      { what: 'a Pod in pods.json (item 3)', reason: 'skipped: x: metadata.name is missing' },
      { what: 'a Pod in pods.json (item 4)', reason: 'skipped: not a JSON object' },
    ]);
  });

  it('keeps only referenced pull secrets and infers missing ones from a complete source', () => {
    const c = clusterFromObjects([
      pod('shop', 'a', { pullSecrets: ['regcred', 'gone'] }),
      { kind: 'Secret', metadata: { name: 'regcred', namespace: 'shop' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from('{"auths":{"r":{"auth":"dTpw"}}}').toString('base64') } },
      { kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, type: 'Opaque', data: { password: 'aHVudGVyMg==' } },
    ]);
    expect(c.pullSecrets.map((s) => s.name)).toEqual(['regcred']);
    expect(c.missingSecrets).toEqual(['shop/gone']);
    expect(JSON.stringify(c)).not.toContain('aHVudGVyMg==');
  });
});
