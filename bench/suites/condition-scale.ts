/**
 * #20 on the lab's real API server (bench/condition-scale-lab.ts): 5,000 Nodes publishing the
 * FlannelDoctorHealthy condition; condition-first diagnose vs polling every agent, vs `kubectl get
 * nodes -o json`; the agents' RBAC checked on the real authorizer. Starts and tears down a control
 * plane of its own (lab name `scalec`); needs root and the built lab components. The raw figures go
 * to bench/out/scale/condition-scale.json; the ratio is on CPU time (bench/scale-lab/outcome.ts).
 */
import fs from 'node:fs';
import { measureConditionScale } from '../condition-scale-lab.js';
import { prerequisite } from '../scale-lab/lab.js';
import { RAW, conditionScaleResult } from '../scale-lab/outcome.js';
import type { Suite } from '../suite.js';

const suite: Suite = {
  name: 'condition-scale',
  description: 'live diagnose on the real API server at 5,000 nodes: condition-first vs polling every agent vs kubectl get nodes',
  async run({ quick, log }) {
    const why = prerequisite();
    if (why) return { skipped: why };
    const m = await measureConditionScale({ quick, runs: 2, pollRuns: 1, log });
    const raw = { command: 'npm run bench -- condition-scale', date: new Date().toISOString(), node: process.version, ...m };
    if (!quick) fs.writeFileSync(RAW.condition, JSON.stringify(raw, null, 2) + '\n');
    return conditionScaleResult(raw);
  },
};
export default suite;
