import type { EndpointsInfo, PodInfo, ServiceInfo } from '../../evidence/cluster.js';
import { pod } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './kube-dns-endpoints.js';

const svc = (selector: Record<string, string> = { 'k8s-app': 'kube-dns' }): ServiceInfo => ({
  namespace: 'kube-system',
  name: 'kube-dns',
  clusterIP: '10.96.0.10',
  ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
  selector,
});
const ep = (addresses: string[], notReadyAddresses: string[] = []): EndpointsInfo => ({ namespace: 'kube-system', name: 'kube-dns', addresses, notReadyAddresses });
const dns = (name: string, ready = true): PodInfo => {
  const p = pod(`kube-system/${name}`, 'registry.k8s.io/coredns/coredns:v1.11.1', { labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5dd5756b68' }, container: 'coredns' });
  return ready ? p : { ...p, conditions: [{ type: 'Ready', status: 'False' }], statuses: [{ ...p.statuses[0], ready: false, state: 'waiting', reason: 'CrashLoopBackOff' }] };
};

testRule(rule, {
  healthy: [
    { name: 'two ready endpoints', evidence: { cluster: { services: [svc()], endpoints: [ep(['10.244.0.2', '10.244.1.3'])], pods: [dns('coredns-5dd5756b68-a1b2c'), dns('coredns-5dd5756b68-d4e5f')] } } },
    { name: 'no kube-dns Service read', evidence: { cluster: { services: [], endpoints: [], pods: [] } } },
  ],
  faulty: [
    {
      name: 'CoreDNS pods not ready',
      evidence: { cluster: { services: [svc()], endpoints: [ep([], ['10.244.0.2'])], pods: [dns('coredns-5dd5756b68-a1b2c', false)] } },
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'noReady',
          data: { ip: '10.96.0.10', notReady: '; not ready: 10.244.0.2' },
          nodes: ['n1'],
          pods: ['kube-system/coredns-5dd5756b68-a1b2c'],
          fix: [
            'Get CoreDNS Ready: kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide; kubectl -n kube-system logs -l k8s-app=kube-dns --previous',
            'See the CoreDNS pod finding for why they are not Ready.',
          ],
        },
      ],
    },
    {
      name: 'selector typo',
      evidence: { cluster: { services: [svc({ 'k8s-app': 'coredns' })], endpoints: [ep([])], pods: [dns('coredns-5dd5756b68-a1b2c')] } },
      expect: [
        {
          cause: 'dns.service-unreachable',
          messageId: 'selector',
          data: { selector: 'k8s-app=coredns', labels: 'k8s-app=kube-dns,pod-template-hash=5dd5756b68' },
          pods: ['kube-system/coredns-5dd5756b68-a1b2c'],
          fix: [
            'Make the Service selector match the CoreDNS pod labels (k8s-app=kube-dns on kubeadm, k3s and most distributions): kubectl -n kube-system edit service kube-dns',
          ],
        },
      ],
    },
    {
      name: 'CoreDNS Deployment scaled to zero',
      evidence: {
        cluster: {
          services: [svc()],
          endpoints: [ep([])],
          pods: [],
          workloads: [{ kind: 'Deployment', namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, selector: { 'k8s-app': 'kube-dns' }, desired: 0, ready: 0, containers: [], hostNetwork: false }],
        },
      },
      expect: [
        {
          cause: 'dns.coredns-down',
          messageId: 'noReady',
          data: { ip: '10.96.0.10', notReady: '' },
          fix: [
            'Scale Deployment kube-system/coredns back up: it asks for 0 replicas (2 is the kubeadm default; use the count the cluster had): kubectl -n kube-system scale deployment coredns --replicas=2',
            'Find who scaled it down (an autoscaler with minReplicas 0, a GitOps source): otherwise it happens again',
          ],
          steps: [
            {
              text: 'Scale Deployment kube-system/coredns back up: it asks for 0 replicas (2 is the kubeadm default; use the count the cluster had)',
              on: 'cluster',
              run: 'kubectl -n kube-system scale deployment coredns --replicas=2',
              verify: 'kubectl -n kube-system rollout status deployment coredns --timeout=120s',
            },
            { text: 'Find who scaled it down (an autoscaler with minReplicas 0, a GitOps source): otherwise it happens again', on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
  ],
});
