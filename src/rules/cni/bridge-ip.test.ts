import { testRule } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './bridge-ip.js';

testRule(rule, {
  healthy: [
    { name: 'cni0 holds the gateway', evidence: healthy() },
    { name: 'no cni0 yet (no pod ran)', evidence: breakNode('n1', (n) => (n.links = n.links.filter((l) => l.name !== 'cni0'))) },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    { name: 'IPv6 link-local beside the gateway', evidence: breakNode('n2', (n) => link(n, 'cni0').addresses.push({ family: 'inet6', local: 'fe80::1', prefixlen: 64 })) },
  ],
  faulty: [
    {
      name: 'cni0 kept the address of an old podCIDR',
      evidence: breakNode('n2', (n) => (link(n, 'cni0').addresses = [{ family: 'inet', local: '10.244.7.1', prefixlen: 24 }])),
      expect: [
        {
          cause: 'cni.bridge-ip-conflict',
          messageId: 'conflict',
          data: { node: 'n2', addresses: '10.244.7.1/24', subnet: '10.244.1.0/24', expected: '10.244.1.1/24' },
          nodes: ['n2'],
          fix: [
            'Delete cni0 on n2: the bridge plugin recreates it with 10.244.1.1/24 on the next pod: ip link set cni0 down && ip link delete cni0',
            'Delete the pods on n2 that still use old addresses so they are re-created: kubectl get pods -A -o wide --field-selector spec.nodeName=n2',
          ],
          steps: [
            {
              text: 'Delete cni0 on n2: the bridge plugin recreates it with 10.244.1.1/24 on the next pod',
              on: 'node',
              run: 'ip link set cni0 down && ip link delete cni0',
              verify: "! ip -4 -o addr show dev cni0 2>/dev/null | grep -v -F 'inet 10.244.1.1/24 ' | grep -q inet",
            },
            {
              text: 'Delete the pods on n2 that still use old addresses so they are re-created',
              on: 'cluster',
              run: 'kubectl get pods -A -o wide --field-selector spec.nodeName=n2',
              manual: "which pods to delete is the operator's choice",
            },
          ],
        },
      ],
    },
    {
      name: 'a second address besides the gateway',
      evidence: breakNode('n3', (n) => link(n, 'cni0').addresses.push({ family: 'inet', local: '10.88.0.1', prefixlen: 16 })),
      expect: [
        {
          cause: 'cni.bridge-ip-conflict',
          messageId: 'conflict',
          data: { node: 'n3', addresses: '10.244.2.1/24, 10.88.0.1/16', subnet: '10.244.2.0/24', expected: '10.244.2.1/24' },
          nodes: ['n3'],
          fix: [
            'Remove the stale address 10.88.0.1/16 from cni0 on n3; the right gateway 10.244.2.1/24 stays, and with it the running pods: for a in 10.88.0.1/16; do ip addr del "$a" dev cni0; done',
          ],
          steps: [
            {
              text: 'Remove the stale address 10.88.0.1/16 from cni0 on n3; the right gateway 10.244.2.1/24 stays, and with it the running pods',
              on: 'node',
              run: 'for a in 10.88.0.1/16; do ip addr del "$a" dev cni0; done',
              verify: "! ip -4 -o addr show dev cni0 | awk '{print $4}' | grep -qxF \"$(printf '%s\\n' 10.88.0.1/16)\"",
            },
          ],
        },
      ],
    },
    {
      name: 'two stale addresses besides the gateway',
      evidence: breakNode('n3', (n) => link(n, 'cni0').addresses.push({ family: 'inet', local: '10.88.0.1', prefixlen: 16 }, { family: 'inet', local: '172.17.0.1', prefixlen: 16 })),
      expect: [
        {
          cause: 'cni.bridge-ip-conflict',
          messageId: 'conflict',
          data: { node: 'n3', addresses: '10.244.2.1/24, 10.88.0.1/16, 172.17.0.1/16', subnet: '10.244.2.0/24', expected: '10.244.2.1/24' },
          nodes: ['n3'],
          fix: [
            'Remove the stale addresses 10.88.0.1/16, 172.17.0.1/16 from cni0 on n3; the right gateway 10.244.2.1/24 stays, and with it the running pods: for a in 10.88.0.1/16 172.17.0.1/16; do ip addr del "$a" dev cni0; done',
          ],
        },
      ],
    },
  ],
});
