import { describe, expect, it } from 'vitest';
import type { NodeSelectorTerm, WorkloadInfo } from '../../evidence/cluster.js';
import { node } from '../image/_fixtures.js';
import { exclusionOf } from './_placement.js';

const ds = (extra: Partial<WorkloadInfo>): WorkloadInfo => ({ kind: 'DaemonSet', namespace: 'kube-flannel', name: 'kube-flannel-ds', labels: {}, selector: {}, containers: [], hostNetwork: true, ...extra });
const term = (...matchExpressions: NodeSelectorTerm['matchExpressions']): NodeSelectorTerm => ({ matchExpressions, matchFields: [] });
const n2 = node('n2', { labels: { 'kubernetes.io/hostname': 'n2', 'kubernetes.io/os': 'linux', 'node.example/gen': '5' } });
const PATH = '/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0';

describe('exclusionOf: the scheduler\'s node selection for a DaemonSet pod', () => {
  it('a node that qualifies is not excluded (no selection, a matching selector, one matching term of several)', () => {
    expect(exclusionOf(ds({}), n2)).toBeUndefined();
    expect(exclusionOf(ds({ nodeSelector: { 'kubernetes.io/os': 'linux' } }), n2)).toBeUndefined();
    expect(exclusionOf(ds({ nodeAffinity: [term({ key: 'zone', operator: 'Exists', values: [] }), term({ key: 'node.example/gen', operator: 'Gt', values: ['4'] })] }), n2)).toBeUndefined();
  });

  it('every operator is judged as Kubernetes does', () => {
    const excluded = (key: string, operator: string, values: string[]) => exclusionOf(ds({ nodeAffinity: [term({ key, operator, values })] }), n2) !== undefined;
    expect([excluded('kubernetes.io/os', 'In', ['linux']), excluded('kubernetes.io/os', 'In', ['windows'])]).toEqual([false, true]);
    expect([excluded('zone', 'NotIn', ['a']), excluded('kubernetes.io/os', 'NotIn', ['linux'])]).toEqual([false, true]);
    expect([excluded('zone', 'DoesNotExist', []), excluded('zone', 'Exists', [])]).toEqual([false, true]);
    expect([excluded('node.example/gen', 'Lt', ['6']), excluded('node.example/gen', 'Lt', ['5']), excluded('node.example/gen', 'Gt', ['x'])]).toEqual([false, true, true]);
    expect(excluded('zone', 'Sideways', ['a'])).toBe(true);
  });

  it('an empty term matches no node; matchFields judge the node name', () => {
    expect(exclusionOf(ds({ nodeAffinity: [term()] }), n2)?.requirements).toEqual(['an empty node selector term (matches no node)']);
    expect(exclusionOf(ds({ nodeAffinity: [{ matchExpressions: [], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n2', 'n5'] }] }] }), n2)).toEqual({
      requirements: ['metadata.name NotIn [n2, n5]'],
      patch: [
        { op: 'test', path: `${PATH}/matchFields/0`, value: { key: 'metadata.name', operator: 'NotIn', values: ['n2', 'n5'] } },
        { op: 'replace', path: `${PATH}/matchFields/0/values`, value: ['n5'] },
      ],
    });
  });

  it('a hostname In list without the node gets the node added; a label requirement gets no guessed patch', () => {
    expect(exclusionOf(ds({ nodeAffinity: [term({ key: 'kubernetes.io/hostname', operator: 'In', values: ['n1'] })] }), n2)?.patch).toEqual([
      { op: 'test', path: `${PATH}/matchExpressions/0`, value: { key: 'kubernetes.io/hostname', operator: 'In', values: ['n1'] } },
      { op: 'add', path: `${PATH}/matchExpressions/0/values/-`, value: 'n2' },
    ]);
    const mixed = exclusionOf(ds({ nodeAffinity: [term({ key: 'zone', operator: 'In', values: ['a'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n2'] })] }), n2);
    expect(mixed).toEqual({ requirements: ['zone In [a]', 'kubernetes.io/hostname NotIn [n2]'] });
  });

  it('two failing expressions are removed from the last index first, so each path still points at its own', () => {
    const e = exclusionOf(ds({ nodeAffinity: [term({ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n2'] }, { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n2'] })] }), n2);
    expect(e?.patch?.filter((o: any) => o.op === 'remove').map((o: any) => o.path)).toEqual([`${PATH}/matchExpressions/2`, `${PATH}/matchExpressions/0`]);
  });
});
