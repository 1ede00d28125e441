import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import { makeEvidence } from '../rule-tester.js';
import { breakNode } from '../_healthy-nodes.js';
import subnetEnv from '../cni/subnet-env.js';

describe('log lines as supporting evidence', () => {
  it('a state finding carries the log lines of its cause', () => {
    const text = 'failed to setup network for sandbox "4f1c": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.';
    const input = breakNode('n2', (n) => {
      n.subnetEnv = undefined;
      n.logs = [
        { file: '/var/log/containerd.log', line: 88, text, cause: 'cni.subnet-env-missing', confidence: 0.95, count: 14, component: 'containerd' },
        { file: '/var/log/kubelet.log', line: 3, text: 'unrelated', cause: 'node.not-ready', confidence: 0.9, count: 1 },
      ];
    });
    const { findings } = runRules(deepFreeze(makeEvidence(input)), [subnetEnv]);
    expect(findings).toHaveLength(1);
    const logs = findings[0].evidence.filter((e) => e.where.includes('/var/log/'));
    expect(logs).toEqual([{ where: 'node n2: /var/log/containerd.log:88 (containerd)', what: `${text} (×14)` }]);
  });
});
