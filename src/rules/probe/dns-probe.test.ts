import type { DnsProbeResult } from '../../evidence/probes.js';
import { testRule } from '../rule-tester.js';
import rule from './dns-probe.js';

const CL = 'kubernetes.default.svc.cluster.local';
const EXT = 'registry.k8s.io';
const q = (kind: DnsProbeResult['target']['kind'], server: string, name: string, outcome: DnsProbeResult['outcome'], extra: Partial<DnsProbeResult> = {}): DnsProbeResult => ({
  from: { kind: kind === 'node-resolver' || kind === 'upstream' ? 'node' : 'pod', node: 'n1' },
  target: { kind, server },
  name,
  nameKind: name === CL ? 'cluster' : 'external',
  outcome,
  ms: outcome === 'timeout' ? 2000 : 1.2,
  purpose: 'direct',
  ...(outcome === 'ok' ? { answers: ['10.96.0.1'] } : {}),
  ...extra,
});
const healthyChain = (over: Partial<Record<string, DnsProbeResult['outcome']>> = {}) => [
  q('service', '10.96.0.10', CL, over.svcCl ?? 'ok'),
  q('service', '10.96.0.10', EXT, over.svcExt ?? 'ok'),
  q('coredns-pod', '10.244.1.3', CL, over.podCl ?? 'ok'),
  q('coredns-pod', '10.244.1.3', EXT, over.podExt ?? 'ok'),
  q('upstream', '10.0.0.2', EXT, over.up ?? 'ok'),
  q('node-resolver', '10.0.0.2', EXT, over.node ?? 'ok'),
];
const probes = (dns: DnsProbeResult[]) => ({ probes: { dns, ran: ['dns'] } });

testRule(rule, {
  healthy: [
    { name: 'every link answers', evidence: probes(healthyChain()) },
    {
      name: 'one slow search walk among three quick ones (a busy moment, not the search list)',
      evidence: probes([
        ...healthyChain(),
        q('service', '10.96.0.10', EXT, 'ok', { purpose: 'search-expansion', ms: 1600, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'timeout', ms: 1500 }, { name: EXT, outcome: 'ok', ms: 1 }] }),
        ...[2, 3, 4].map((i) => q('service', '10.96.0.10', EXT, 'ok', { from: { kind: 'pod', node: `n${i}` }, purpose: 'search-expansion', ms: 5, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'nxdomain', ms: 2 }, { name: EXT, outcome: 'ok', ms: 1 }] })),
      ]),
    },
    {
      // the lab's flannel.vxlan-blocked seen by hostNetwork agents: the Service's DNAT picked the other node's pod
      name: 'each node reaches only its own CoreDNS pod and not the Service: the overlay between them is the fault (the mesh probe names it)',
      evidence: probes([
        q('service', '10.96.0.10', CL, 'timeout'),
        q('coredns-pod', '10.244.0.2', CL, 'ok'),
        q('coredns-pod', '10.244.1.2', CL, 'timeout'),
        q('service', '10.96.0.10', CL, 'timeout', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.0.2', CL, 'timeout', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.1.2', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
      ]),
    },
    {
      name: 'slow search walks from nodes that reach only their own CoreDNS pod: lost to the overlay, not the search list',
      evidence: probes([
        q('service', '10.96.0.10', CL, 'ok'),
        q('service', '10.96.0.10', EXT, 'ok', { ms: 3 }),
        q('coredns-pod', '10.244.0.2', CL, 'ok'),
        q('coredns-pod', '10.244.1.2', CL, 'timeout'),
        ...[1, 2].map((i) => q('service', '10.96.0.10', EXT, 'ok', { from: { kind: 'pod', node: `n${i}` }, purpose: 'search-expansion', ms: 6022, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'timeout', ms: 2003 }, { name: `${EXT}.cluster.local`, outcome: 'timeout', ms: 2007 }, { name: EXT, outcome: 'ok', ms: 3 }] })),
        q('coredns-pod', '10.244.0.2', CL, 'timeout', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.1.2', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
      ]),
    },
    {
      // the lab's node.ip-forward on n2 seen by the agents: CoreDNS on n2 cannot forward to its upstream
      name: 'a slow search walk from a node whose local CoreDNS pod fails external names: that node is the fault, not the search list',
      evidence: probes([
        q('service', '10.96.0.10', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.0.2', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.1.2', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
        q('service', '10.96.0.10', EXT, 'ok', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.0.2', EXT, 'ok', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.1.2', EXT, 'servfail', { from: { kind: 'pod', node: 'n2' } }),
        q('service', '10.96.0.10', EXT, 'ok', { from: { kind: 'pod', node: 'n2' }, purpose: 'search-expansion', ms: 2011, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'timeout', ms: 2003 }, { name: EXT, outcome: 'ok', ms: 3 }] }),
      ]),
    },
    { name: 'a quick search walk', evidence: probes([...healthyChain(), q('service', '10.96.0.10', EXT, 'ok', { purpose: 'search-expansion', ms: 6, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'nxdomain', ms: 1 }, { name: EXT, outcome: 'ok', ms: 1 }] })]) },
  ],
  faulty: [
    { name: 'Service IP silent, pods answer', evidence: probes(healthyChain({ svcCl: 'timeout', svcExt: 'timeout' })), expect: [
      {
        cause: 'dns.service-unreachable',
        messageId: 'broken',
        data: { detail: 'CoreDNS pods 10.244.1.3 answer kubernetes.default.svc.cluster.local, the Service IP 10.96.0.10 does not (timeout)' },
        nodes: ['n1'],
        fix: [
          'Query a CoreDNS pod IP directly and then the Service IP from a test pod to confirm: nslookup kubernetes.default <corednsPodIp>; nslookup kubernetes.default 10.96.0.10',
          'Check kube-proxy on the node: kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide, and iptables -t nat -S KUBE-SERVICES | grep 10.96.0.10',
          'Load br_netfilter and set net.bridge.bridge-nf-call-iptables=1; if only cross-node queries fail, apply the VXLAN checksum workaround (ethtool -K flannel.1 tx-checksum-ip-generic off).',
        ],
      },
    ] },
    {
      name: 'Service IP silent from n1, its CoreDNS pod on n2: the finding names n2 as crossed',
      evidence: {
        ...probes(healthyChain({ svcCl: 'timeout', svcExt: 'timeout' })),
        cluster: { pods: [{ namespace: 'kube-system', name: 'coredns-6f7b9-abcde', labels: { 'k8s-app': 'kube-dns' }, nodeName: 'n2', podIP: '10.244.1.3', imagePullSecrets: [], hostNetwork: false, conditions: [], containers: [], statuses: [] }] },
      },
      expect: [
        {
          cause: 'dns.service-unreachable',
          messageId: 'broken',
          data: { detail: 'CoreDNS pods 10.244.1.3 answer kubernetes.default.svc.cluster.local, the Service IP 10.96.0.10 does not (timeout)' },
          nodes: ['n1'],
          via: ['n2'],
          fix: [
            'Query a CoreDNS pod IP directly and then the Service IP from a test pod to confirm: nslookup kubernetes.default <corednsPodIp>; nslookup kubernetes.default 10.96.0.10',
            'Check kube-proxy on the node: kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide, and iptables -t nat -S KUBE-SERVICES | grep 10.96.0.10',
            'Load br_netfilter and set net.bridge.bridge-nf-call-iptables=1; if only cross-node queries fail, apply the VXLAN checksum workaround (ethtool -K flannel.1 tx-checksum-ip-generic off).',
          ],
        },
      ],
    },
    {
      name: 'Service IP silent: its failing search walk is not a search-ndots problem',
      evidence: probes([...healthyChain({ svcCl: 'timeout', svcExt: 'timeout' }), q('service', '10.96.0.10', EXT, 'timeout', { purpose: 'search-expansion', ms: 8000, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'timeout', ms: 2000 }, { name: EXT, outcome: 'timeout', ms: 2000 }] })]),
      expect: [
        {
          cause: 'dns.service-unreachable',
          messageId: 'broken',
          data: { detail: 'CoreDNS pods 10.244.1.3 answer kubernetes.default.svc.cluster.local, the Service IP 10.96.0.10 does not (timeout)' },
          nodes: ['n1'],
          fix: [
            'Query a CoreDNS pod IP directly and then the Service IP from a test pod to confirm: nslookup kubernetes.default <corednsPodIp>; nslookup kubernetes.default 10.96.0.10',
            'Check kube-proxy on the node: kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide, and iptables -t nat -S KUBE-SERVICES | grep 10.96.0.10',
            'Load br_netfilter and set net.bridge.bridge-nf-call-iptables=1; if only cross-node queries fail, apply the VXLAN checksum workaround (ethtool -K flannel.1 tx-checksum-ip-generic off).',
          ],
        },
      ],
    },
    {
      name: 'Service IP silent from a node that reaches every CoreDNS pod directly, even if another node reaches only one',
      evidence: probes([
        q('service', '10.96.0.10', CL, 'timeout'),
        q('coredns-pod', '10.244.0.2', CL, 'ok'),
        q('coredns-pod', '10.244.1.2', CL, 'ok'),
        q('service', '10.96.0.10', CL, 'timeout', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.0.2', CL, 'timeout', { from: { kind: 'pod', node: 'n2' } }),
        q('coredns-pod', '10.244.1.2', CL, 'ok', { from: { kind: 'pod', node: 'n2' } }),
      ]),
      expect: [
        {
          cause: 'dns.service-unreachable',
          messageId: 'broken',
          data: { detail: 'CoreDNS pods 10.244.0.2, 10.244.1.2 answer kubernetes.default.svc.cluster.local, the Service IP 10.96.0.10 does not (timeout)' },
          nodes: ['n1'],
          fix: [
            'Query a CoreDNS pod IP directly and then the Service IP from a test pod to confirm: nslookup kubernetes.default <corednsPodIp>; nslookup kubernetes.default 10.96.0.10',
            'Check kube-proxy on the node: kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide, and iptables -t nat -S KUBE-SERVICES | grep 10.96.0.10',
            'Load br_netfilter and set net.bridge.bridge-nf-call-iptables=1; if only cross-node queries fail, apply the VXLAN checksum workaround (ethtool -K flannel.1 tx-checksum-ip-generic off).',
          ],
        },
      ],
    },
    { name: 'external names fail through CoreDNS', evidence: probes(healthyChain({ svcExt: 'servfail', podExt: 'servfail', up: 'timeout' })), expect: [
      {
        cause: 'dns.upstream',
        messageId: 'broken',
        data: { detail: 'CoreDNS answers cluster names but not registry.k8s.io (servfail, servfail); upstream 10.0.0.2 timeout' },
        nodes: ['n1'],
        fix: [
          "Test each upstream from a CoreDNS node: for ns in $(awk '/^nameserver/ {print $2}' /etc/resolv.conf); do dig +time=2 +tries=1 @$ns example.com; done",
          'Remove dead resolvers from the node resolv.conf, or list working ones explicitly in the Corefile forward line.',
          'If pods cannot reach outside at all, check masquerading (flannel --ip-masq) and the node firewall.',
        ],
      },
    ] },
    { name: 'nothing answers', evidence: probes(healthyChain({ svcCl: 'timeout', podCl: 'error', svcExt: 'timeout', podExt: 'error' })), expect: [
      {
        cause: 'dns.coredns-down',
        messageId: 'broken',
        data: { detail: 'nothing answers kubernetes.default.svc.cluster.local: 10.96.0.10 timeout, 10.244.1.3 error' },
        nodes: ['n1'],
        fix: [
          'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
          'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
          'Restart CoreDNS after the fix: kubectl rollout restart deployment -n kube-system coredns',
        ],
      },
    ] },
    { name: 'node resolver broken, cluster DNS fine', evidence: probes(healthyChain({ node: 'timeout' })), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'broken',
        data: { detail: "the node's resolver(s) 10.0.0.2 do not resolve registry.k8s.io" },
        nodes: ['n1'],
        fix: [
          'Test on the node: getent hosts registry-1.docker.io (or the registry the pods pull from); resolvectl status',
          'Keep at most three working nameservers in the file the kubelet uses (resolvConf in /var/lib/kubelet/config.yaml; /run/systemd/resolve/resolv.conf on systemd-resolved hosts) and fix the DHCP or netplan source that adds more.',
          'Restart the kubelet, then recreate CoreDNS pods so that they pick up the new file.',
        ],
      },
    ] },
    {
      name: 'SERVFAIL everywhere including random HINFO: a loop',
      evidence: probes([...healthyChain({ svcCl: 'servfail', podCl: 'servfail', svcExt: 'servfail', podExt: 'servfail' }), q('coredns-pod', '10.244.1.3', '1.2.', 'servfail', { purpose: 'loop-check' })]),
      expect: [
        {
          cause: 'dns.loop',
          messageId: 'broken',
          data: { detail: 'every CoreDNS answers SERVFAIL, including random HINFO probes: a forwarding loop' },
          nodes: ['n1'],
          fix: [
            'Point the kubelet at the real resolver list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml (or --resolv-conf), then systemctl restart kubelet and restart CoreDNS.',
            'Or forward CoreDNS to explicit upstreams: in the coredns ConfigMap replace "forward . /etc/resolv.conf" with "forward ." followed by the IPs of working resolvers.',
          ],
        },
      ],
    },
    {
      name: 'slow search walk',
      evidence: probes([...healthyChain(), q('service', '10.96.0.10', EXT, 'ok', { purpose: 'search-expansion', ms: 4100, steps: [{ name: `${EXT}.default.svc.cluster.local`, outcome: 'nxdomain', ms: 1 }, { name: `${EXT}.corp`, outcome: 'timeout', ms: 4000 }, { name: EXT, outcome: 'ok', ms: 1 }] })]),
      expect: [
        {
          cause: 'dns.search-ndots',
          messageId: 'broken',
          data: { detail: "a pod's lookup of registry.k8s.io walks 3 names (ndots:5 search list) and takes 4100 ms; asked directly it takes 1.2 ms; 1 search names timeout" },
          nodes: ['n1'],
          severity: 'warning',
          fix: [
            'Use fully qualified names with a trailing dot for external hosts (api.example.com.).',
            'Lower ndots for the workload: spec.dnsConfig.options: [{name: ndots, value: "2"}].',
            "Shorten the node's search list (kubelet passes it to pods).",
          ],
        },
      ],
    },
  ],
});
