import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, corednsPod, COREFILE, healthy } from '../_healthy-nodes.js';
import rule from './node-stub-loop.js';

const stub = (name: string) => (n: { name: string; resolvConf?: { nameservers: string[] } }) => {
  if (n.name === name) n.resolvConf!.nameservers = ['127.0.0.53'];
};

testRule(rule, {
  healthy: [
    { name: 'upstream resolver on every node', evidence: healthy() },
    { name: 'stub, but the Ready CoreDNS here proves kubelet uses another file', evidence: breakNode('n1', stub('n1')) },
    {
      name: 'stub, but CoreDNS forwards to explicit upstreams',
      evidence: (() => {
        const e = breakCluster((c) => (c.configMaps![1].data.Corefile = COREFILE.replace('forward . /etc/resolv.conf', 'forward . 172.31.250.1')));
        e.nodes!.forEach((n) => stub(n.name!)(n as never));
        return e;
      })(),
    },
  ],
  faulty: [
    {
      name: 'CoreDNS crash-looping on a node with 127.0.0.53',
      evidence: (() => {
        const e = breakCluster((c) => (c.pods[1] = corednsPod('coredns-5dd5756b68-q9w4d', 'n2', false)));
        e.nodes!.forEach((n) => stub('n2')(n as never));
        return e;
      })(),
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'looping',
          data: { node: 'n2', stub: '127.0.0.53', pod: 'kube-system/coredns-5dd5756b68-q9w4d', state: 'Running, CrashLoopBackOff' },
          nodes: ['n2'],
          pods: ['kube-system/coredns-5dd5756b68-q9w4d'],
          severity: 'error',
          fix: [
            'Point kubelet on n2 at the real upstream list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml, then systemctl restart kubelet and delete the CoreDNS pods',
            'Or make CoreDNS forward to explicit upstreams: forward . <dns server 1> <dns server 2> in the coredns ConfigMap (this fixes CoreDNS only, not other dnsPolicy Default pods)',
          ],
        },
      ],
    },
    {
      name: 'systemd-resolved node: the upstream list behind the stub fills an exact Corefile patch and a CoreDNS restart',
      evidence: (() => {
        const e = breakCluster((c) => {
          c.pods[1] = corednsPod('coredns-5dd5756b68-q9w4d', 'n2', false);
          c.workloads = [{ kind: 'Deployment', namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, selector: { 'k8s-app': 'kube-dns' }, containers: [], hostNetwork: false }];
        });
        e.nodes!.forEach((n) => stub('n2')(n as never));
        const n2 = e.nodes!.find((n) => n.name === 'n2')!;
        n2.resolvedUpstream = { file: '/run/systemd/resolve/resolv.conf', nameservers: ['192.0.2.53', '127.0.0.1', 'not-an-ip', '2001:db8::53'], search: [], options: [], problems: [] };
        return e;
      })(),
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'looping',
          data: { node: 'n2', stub: '127.0.0.53', pod: 'kube-system/coredns-5dd5756b68-q9w4d', state: 'Running, CrashLoopBackOff' },
          nodes: ['n2'],
          pods: ['kube-system/coredns-5dd5756b68-q9w4d'],
          severity: 'error',
          fix: [
            `Forward to 192.0.2.53 2001:db8::53 (the upstream servers behind 127.0.0.53, from /run/systemd/resolve/resolv.conf) in the Corefile of ConfigMap kube-system/coredns: kubectl -n kube-system patch configmap coredns --type merge -p '${JSON.stringify({ data: { Corefile: COREFILE.replace('forward . /etc/resolv.conf {', 'forward . 192.0.2.53 2001:db8::53 {') } })}'`,
            'Restart CoreDNS so that it reads the new Corefile: kubectl -n kube-system rollout restart deployment coredns',
            'Point kubelet on n2 at the real upstream list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml, then systemctl restart kubelet and delete the CoreDNS pods (this also fixes the other dnsPolicy Default pods)',
          ],
        },
      ],
    },
    {
      name: 'stub on a node without CoreDNS yet',
      evidence: breakNode('n3', stub('n3')),
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'risk',
          data: { node: 'n3', stub: '127.0.0.53' },
          nodes: ['n3'],
          severity: 'info',
          fix: [
            'Point kubelet on n3 at the real upstream list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml, then systemctl restart kubelet and delete the CoreDNS pods',
            'Or make CoreDNS forward to explicit upstreams: forward . <dns server 1> <dns server 2> in the coredns ConfigMap (this fixes CoreDNS only, not other dnsPolicy Default pods)',
          ],
        },
      ],
    },
    {
      name: 'no loop plugin to catch it',
      evidence: (() => {
        const e = breakCluster((c) => (c.configMaps![1].data.Corefile = COREFILE.replace(/^\s*loop\s*$/m, '')), { nodes: ['n1'] });
        stub('n1')(e.nodes![0] as never);
        return e;
      })(),
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'noGuard',
          data: { node: 'n1', stub: '127.0.0.53', pod: 'kube-system/coredns-5dd5756b68-7xk2p' },
          nodes: ['n1'],
          pods: ['kube-system/coredns-5dd5756b68-7xk2p'],
          fix: [
            'Point kubelet on n1 at the real upstream list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml, then systemctl restart kubelet and delete the CoreDNS pods',
            'Or make CoreDNS forward to explicit upstreams: forward . <dns server 1> <dns server 2> in the coredns ConfigMap (this fixes CoreDNS only, not other dnsPolicy Default pods)',
          ],
        },
      ],
    },
  ],
});
