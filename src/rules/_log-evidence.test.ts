import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../engine/deep-freeze.js';
import { runRules } from '../engine/run-rules.js';
import { makeEvidence } from './rule-tester.js';
import { breakNode } from './_healthy-nodes.js';
import subnetEnv from './cni/subnet-env.js';

describe('log lines as supporting evidence', () => {
  it('a state finding carries the log lines the engine judges to be of its cause, and no others', () => {
    const text = 'failed to setup network for sandbox "4f1c": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.';
    const input = breakNode('n2', (n) => {
      n.subnetEnv = undefined;
      n.logs = [
        { file: '/var/log/containerd.log', line: 88, text, count: 14, component: 'containerd' },
        { file: '/var/log/kubelet.log', line: 3, text: 'E1127 10:00:00.000000 1 kubelet.go:2855] "Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"', count: 1 },
        { file: '/var/log/kubelet.log', line: 4, text: 'E1127 10:00:01.000000 1 kubelet.go:100] something failed that no signature knows', count: 3 },
      ];
    });
    const { findings } = runRules(deepFreeze(makeEvidence(input)), [subnetEnv]);
    expect(findings).toHaveLength(1);
    const logs = findings[0].evidence.filter((e) => e.where.includes('/var/log/'));
    expect(logs).toEqual([{ where: 'node n2: /var/log/containerd.log:88 (containerd)', what: `${text} (×14)` }]);
  });
});
