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
    { name: 'forward to systemd-resolved stub', evidence: { cluster: { configMaps: [core('forward . 127.0.0.53')] } }, expect: [
      {
        cause: 'dns.loop',
        messageId: 'loopback',
        data: { zone: '.', target: '127.0.0.53' },
        fix: [
          'Forward to real upstream resolvers instead of 127.0.0.53: e.g. `forward . /etc/resolv.conf` with kubelet resolvConf: /run/systemd/resolve/resolv.conf on systemd-resolved nodes, or `forward . <upstream DNS IPs>`.',
          'kubectl -n kube-system edit configmap coredns; the reload plugin applies it within a minute (or kubectl -n kube-system rollout restart deployment coredns).',
        ],
      },
    ] },
    { name: 'forward to ::1 without the loop plugin', evidence: { cluster: { configMaps: [core('forward . 8.8.8.8 ::1', false)] } }, expect: [
      {
        cause: 'dns.loop',
        messageId: 'loopback',
        data: { zone: '.', target: '::1' },
        fix: [
          'Forward to real upstream resolvers instead of ::1: e.g. `forward . /etc/resolv.conf` with kubelet resolvConf: /run/systemd/resolve/resolv.conf on systemd-resolved nodes, or `forward . <upstream DNS IPs>`.',
          'kubectl -n kube-system edit configmap coredns; the reload plugin applies it within a minute (or kubectl -n kube-system rollout restart deployment coredns).',
        ],
      },
    ] },
  ],
});
