import { testTempDir } from '../../test-temp-dir.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './ipam-exhausted.js';
import { CONTAINERD_TASKS } from '../../catalog/fix-steps.js';
import { fillSteps } from '../../fix/steps.js';

testRule(rule, {
  healthy: [
    { name: 'a few pods', evidence: healthy() },
    { name: 'busy but not full', evidence: breakNode('n1', (n) => (n.ipam = [{ network: 'cbr0', allocated: 240, rangeSize: 253 }])) },
    {
      name: 'a full copy beside the network (a fix\'s backup) is not a network any CNI config names',
      evidence: breakNode('n1', (n) => (n.ipam = [{ network: 'cbr0', allocated: 2, rangeSize: 253 }, { network: 'cbr0.flannel-doctor-20261203T070114Z.bak', allocated: 253, leaked: 253 }])),
    },
    {
      name: 'the same backup while no CNI config parses (no network names known)',
      evidence: breakNode('n1', (n) => {
        n.cniConfigs = [];
        n.ipam = [{ network: 'cbr0', allocated: 2, rangeSize: 253 }, { network: 'cbr0.flannel-doctor-20261203T070114Z.bak', allocated: 253, leaked: 253 }];
      }),
    },
  ],
  faulty: [
    {
      name: 'range full of leaked reservations',
      evidence: breakNode('n2', (n) => (n.ipam = [{ network: 'cbr0', allocated: 253, rangeSize: 253, leaked: 240 }])),
      expect: [
        {
          cause: 'cni.ipam-exhausted',
          messageId: 'exhausted',
          data: { node: 'n2', network: 'cbr0', allocated: 253, usable: 253, leakNote: ', 240 of them leaked (no container)' },
          nodes: ['n2'],
          fix: [
            "Remove the 240 reservations on n2 whose container no longer exists (younger than a minute: kept, a pod may be starting): cd /var/lib/cni/networks/cbr0 && for f in [0-9]*; do id=$(head -n 1 \"$f\" | tr -d '\\r'); [ -e \"/run/containerd/io.containerd.runtime.v2.task/k8s.io/$id\" ] || [ -n \"$(find \"$f\" -mmin -1)\" ] || rm -f -- \"$f\"; done",
            'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)',
          ],
          steps: [
            {
              text: 'Remove the 240 reservations on n2 whose container no longer exists (younger than a minute: kept, a pod may be starting)',
              on: 'node',
              run: "cd /var/lib/cni/networks/cbr0 && for f in [0-9]*; do id=$(head -n 1 \"$f\" | tr -d '\\r'); [ -e \"/run/containerd/io.containerd.runtime.v2.task/k8s.io/$id\" ] || [ -n \"$(find \"$f\" -mmin -1)\" ] || rm -f -- \"$f\"; done",
              verify: "[ \"$(ls /var/lib/cni/networks/cbr0 | grep -c '^[0-9]')\" -lt 253 ]",
              changes: ['/var/lib/cni/networks/cbr0'],
            },
            { text: 'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)', on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: 'range size derived from subnet.env',
      evidence: breakNode('n3', (n) => (n.ipam = [{ network: 'cbr0', allocated: 253 }])),
      expect: [
        {
          cause: 'cni.ipam-exhausted',
          messageId: 'exhausted',
          data: { node: 'n3', network: 'cbr0', allocated: 253, usable: 253, leakNote: '' },
          nodes: ['n3'],
          fix: [
            "List reservations whose container is gone: for f in /var/lib/cni/networks/cbr0/[0-9]*; do id=$(head -n 1 \"$f\" | tr -d '\\r'); [ -e \"/run/containerd/io.containerd.runtime.v2.task/k8s.io/$id\" ] || echo \"$f\"; done",
            'Remove those files (only those), or drain the node, stop the kubelet and containerd, and rm -rf /var/lib/cni/networks/cbr0',
            'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)',
          ],
        },
      ],
    },
    {
      name: 'one address left',
      evidence: breakNode('n1', (n) => (n.ipam = [{ network: 'cbr0', allocated: 252, rangeSize: 253, leaked: 3 }])),
      expect: [
        {
          cause: 'cni.ipam-exhausted',
          messageId: 'nearly',
          data: { node: 'n1', network: 'cbr0', allocated: 252, usable: 253, leakNote: ', 3 of them leaked (no container)' },
          nodes: ['n1'],
          severity: 'warning',
          fix: [
            "Remove the 3 reservations on n1 whose container no longer exists (younger than a minute: kept, a pod may be starting): cd /var/lib/cni/networks/cbr0 && for f in [0-9]*; do id=$(head -n 1 \"$f\" | tr -d '\\r'); [ -e \"/run/containerd/io.containerd.runtime.v2.task/k8s.io/$id\" ] || [ -n \"$(find \"$f\" -mmin -1)\" ] || rm -f -- \"$f\"; done",
            'Check why reservations leak: pods deleted while containerd was down, or CNI DEL failing (see the kubelet log)',
          ],
        },
      ],
    },
  ],
});

describe('releasing leaked reservations', () => {
  it('removes only reservations whose sandbox is gone, reading the id host-local ends with \\r\\n, and keeps fresh ones', () => {
    const root = testTempDir('fd-ipam-');
    const dir = join(root, 'cbr0');
    const tasks = join(root, 'tasks');
    mkdirSync(dir);
    mkdirSync(join(tasks, 'live1'), { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    for (const [ip, id] of [['10.244.1.2', 'live1'], ['10.244.1.3', 'gone1']]) {
      writeFileSync(join(dir, ip), `${id}\r\neth0`);
      utimesSync(join(dir, ip), old, old);
    }
    writeFileSync(join(dir, '10.244.1.4'), 'gone2\r\neth0'); // just written: a sandbox may be starting
    writeFileSync(join(dir, 'last_reserved_ip.0'), '10.244.1.4');
    // the catalog's step as a finding fills it, with this test's task directory for containerd's
    const [step] = fillSteps([{ step: 'cni.ipam-release', data: { dir, usable: 3 } }], { node: 'n1' });
    expect(step.run).toContain(CONTAINERD_TASKS);
    const run = (cmd: string) => spawnSync('sh', ['-c', cmd.replaceAll(CONTAINERD_TASKS, tasks)], { encoding: 'utf8' });
    expect(run(step.verify!).status, 'three reservations: not below the range of 3 yet').not.toBe(0);
    const r = run(step.run!);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['10.244.1.2', '10.244.1.4', 'last_reserved_ip.0']);
    expect(run(step.verify!).status, 'two left: the verify passes').toBe(0);
    expect(step.changes).toEqual([dir]);
  });
});
