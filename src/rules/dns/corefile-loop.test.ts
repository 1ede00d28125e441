import type { ConfigMapInfo } from '../../evidence/cluster.js';
import { testRule } from '../rule-tester.js';
import rule from './corefile-loop.js';

const core = (forward: string, loop = true): ConfigMapInfo => ({
  namespace: 'kube-system',
  name: 'coredns',
  data: {
    Corefile: `.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    ${forward} {\n       max_concurrent 1000\n    }\n    cache 30\n${loop ? '    loop\n' : ''}    reload\n    loadbalance\n}\n`,
  },
});

testRule(rule, {
  healthy: [
    { name: 'kubeadm default', evidence: { cluster: { configMaps: [core('forward . /etc/resolv.conf')] } } },
    { name: 'explicit upstreams', evidence: { cluster: { configMaps: [core('forward . 10.0.0.2 1.1.1.1')] } } },
    { name: 'no coredns ConfigMap', evidence: { cluster: { configMaps: [] } } },
  ],
  faulty: [
    { name: 'forward to systemd-resolved stub', evidence: { cluster: { configMaps: [core('forward . 127.0.0.53')] } }, expect: [{ cause: 'dns.loop', messageIncludes: '127.0.0.53' }] },
    { name: 'forward to ::1 without the loop plugin', evidence: { cluster: { configMaps: [core('forward . 8.8.8.8 ::1', false)] } }, expect: [{ cause: 'dns.loop', messageIncludes: '::1' }] },
  ],
});
