import { describe, expect, it } from 'vitest';
import { workloadInfo } from './projections.js';

const ds = (podSpec: Record<string, unknown>) => ({ metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { app: 'flannel' } }, spec: { selector: { matchLabels: { app: 'flannel' } }, template: { spec: { containers: [], ...podSpec } } }, status: {} });

describe('workloadInfo: where a DaemonSet may run', () => {
  it('keeps the nodeSelector and the required node-affinity terms as written', () => {
    const w = workloadInfo(
      ds({
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n2'] }] }] } } },
      }),
      'DaemonSet',
    );
    expect([w?.nodeSelector, w?.nodeAffinity]).toEqual([{ 'kubernetes.io/os': 'linux' }, [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n2'] }], matchFields: [] }]]);
  });

  it('has neither when the template says nothing; drops malformed requirements and bounds the lists', () => {
    const none = workloadInfo(ds({}), 'DaemonSet');
    expect(['nodeSelector' in none!, 'nodeAffinity' in none!]).toEqual([false, false]);
    const many = Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, operator: 'Exists' }));
    const w = workloadInfo(ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 7 }, ...many] }] } } } }), 'DaemonSet');
    expect(w?.nodeAffinity?.[0].matchExpressions.length).toBe(31);
  });
});
