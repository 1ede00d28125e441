import type { PodInfo } from '../../evidence/cluster.js';
import { testRule } from '../rule-tester.js';
import rule from './coredns-not-ready.js';

const coredns = (name: string, ready: boolean, extra: Partial<PodInfo> = {}): PodInfo => ({
  namespace: 'kube-system',
  name,
  labels: { 'k8s-app': 'kube-dns' },
  nodeName: 'n1',
  imagePullSecrets: [],
  hostNetwork: false,
  phase: 'Running',
  conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', init: false }],
  statuses: [{ name: 'coredns', init: false, image: 'registry.k8s.io/coredns/coredns:v1.11.1', ready, restartCount: 0, state: ready ? 'running' : 'waiting', reason: ready ? undefined : 'CrashLoopBackOff' }],
  ...extra,
});

testRule(rule, {
  healthy: [
    { name: 'two ready pods', evidence: { cluster: { pods: [coredns('coredns-a', true), coredns('coredns-b', true)] } } },
    { name: 'no CoreDNS at all and no deployment', evidence: { cluster: { pods: [] } } },
  ],
  faulty: [
    {
      name: 'one pod crash-looping',
      evidence: { cluster: { pods: [coredns('coredns-a', true), coredns('coredns-b', false)] } },
      expect: [{ cause: 'dns.coredns-down', pods: ['kube-system/coredns-b'], nodes: ['n1'] }],
    },
  ],
});
