import { testRule } from '../rule-tester.js';
import { A, B, withCapture } from './_capture-sample.js';
import rule from './capture-neighbour-flood.js';

testRule(rule, {
  healthy: [
    { name: 'no ARP in the tunnel', evidence: withCapture() },
    { name: 'ARP answered', evidence: withCapture((c) => Object.assign(c.neighbour, { arpRequests: 4, arpReplies: 4, peakPerSecond: 1 })) },
  ],
  faulty: [
    {
      name: 'who-has 10.244.2.0 asked 40 times',
      evidence: withCapture((c) => Object.assign(c.neighbour, { arpRequests: 40, peakPerSecond: 10, unanswered: [{ target: '10.244.2.0', requests: 40, from: '10.244.1.0', vni: 1, src: A, dst: B }] })),
      expect: [
        {
          cause: 'flannel.stale-fdb',
          messageId: 'flood',
          data: { requests: 40, targets: '10.244.2.0', peak: 10 },
          nodes: ['192.168.56.11'],
          fix: [
            'Compare the entries with the node annotations: bridge fdb show dev flannel.1; ip neigh show dev flannel.1; kubectl get node 192.168.56.11 -o jsonpath="{.metadata.annotations}"',
            'Stop udev from renaming the MAC: a /etc/systemd/network/10-flannel.link with [Match] OriginalName=flannel* and [Link] MACAddressPolicy=none.',
            'Restart the flannel pods on the affected nodes so that they reprogram the entries: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=192.168.56.11',
          ],
        },
      ],
    },
  ],
});
