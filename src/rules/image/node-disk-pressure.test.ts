import type { EventInfo } from '../../evidence/cluster.js';
import { testRule } from '../rule-tester.js';
import { node } from './_fixtures.js';
import rule from './node-disk-pressure.js';

const pressured = node('n2', {
  conditions: [
    { type: 'DiskPressure', status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure' },
    { type: 'Ready', status: 'True', reason: 'KubeletReady' },
  ],
});
const gcFailed: EventInfo = {
  namespace: 'default',
  type: 'Warning',
  reason: 'ImageGCFailed',
  message: 'failed to garbage collect required amount of images. Attempted to free 4005076582 bytes, but only found 0 bytes eligible to free.',
  count: 12,
  involved: { kind: 'Node', name: 'n3' },
  source: 'kubelet',
};

testRule(rule, {
  healthy: [
    { name: 'nodes without pressure', evidence: { cluster: { nodes: [node('n1'), node('n2')] } } },
    { name: 'nodes without conditions at all', evidence: { cluster: { nodes: [node('n1', { conditions: [] })] } } },
    // the kubelet could not measure the image filesystem: nothing about space (kubernetes#104341, a stopped containerd)
    ...[
      'failed to get imageFs info: unable to find data in memory cache',
      'failed to get imageFs info: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"',
      'rpc error: code = Unknown desc = not implemented',
      'invalid capacity 0 on image filesystem',
    ].map((message) => ({ name: `ImageGCFailed that measured nothing: ${message.slice(0, 40)}`, evidence: { cluster: { nodes: [node('n3')], events: [{ ...gcFailed, message }] } } })),
  ],
  faulty: [
    { name: 'DiskPressure=True', evidence: { cluster: { nodes: [node('n1'), pressured] } }, expect: [
      {
        cause: 'image.disk-full',
        messageId: 'pressure',
        data: { node: 'n2', message: 'kubelet has disk pressure' },
        nodes: ['n2'],
        fix: [
          'See what is full: df -h /var/lib/containerd /var/lib/kubelet; du -xsh /var/lib/containerd/* | sort -h',
          'Free space: crictl rmi --prune (unused images), remove old logs, or grow the disk.',
          'Tune kubelet image GC (imageGCHighThresholdPercent / imageGCLowThresholdPercent) and eviction thresholds so that it cleans up before the disk fills.',
        ],
      },
    ] },
    { name: 'image GC that ran and freed too little (docker wording)', evidence: { cluster: { nodes: [node('n3')], events: [{ ...gcFailed, message: 'wanted to free 25419897241 bytes, but freed 0 bytes space with errors in image deletion' }] } }, expect: [
      {
        cause: 'image.disk-full',
        messageId: 'gc',
        data: { node: 'n3', message: 'wanted to free 25419897241 bytes, but freed 0 bytes space with errors in image deletion' },
        nodes: ['n3'],
        severity: 'warning',
        fix: [
          'See what is full: df -h /var/lib/containerd /var/lib/kubelet; du -xsh /var/lib/containerd/* | sort -h',
          'Free space: crictl rmi --prune (unused images), remove old logs, or grow the disk.',
          'Tune kubelet image GC (imageGCHighThresholdPercent / imageGCLowThresholdPercent) and eviction thresholds so that it cleans up before the disk fills.',
        ],
      },
    ] },
    { name: 'image GC failing only', evidence: { cluster: { nodes: [node('n3')], events: [gcFailed] } }, expect: [
      {
        cause: 'image.disk-full',
        messageId: 'gc',
        data: { node: 'n3', message: 'failed to garbage collect required amount of images. Attempted to free 4005076582 bytes, but only found 0 bytes eligible to free.' },
        nodes: ['n3'],
        severity: 'warning',
        fix: [
          'See what is full: df -h /var/lib/containerd /var/lib/kubelet; du -xsh /var/lib/containerd/* | sort -h',
          'Free space: crictl rmi --prune (unused images), remove old logs, or grow the disk.',
          'Tune kubelet image GC (imageGCHighThresholdPercent / imageGCLowThresholdPercent) and eviction thresholds so that it cleans up before the disk fills.',
        ],
      },
    ] },
  ],
});
