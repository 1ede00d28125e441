/**
 * #17's live-scale on the lab's real API server (bench/live-scale-lab.ts): 1,000 extra Nodes and
 * 30,000 Pods with their statuses and Events; live diagnose vs `kubectl get nodes,pods,events -A -o
 * json`, alternately in one run. Starts and tears down a control plane of its own (lab name
 * `scale`); needs root and the built lab components. Raw figures: bench/out/scale/live-scale.json.
 */
import fs from 'node:fs';
import { measureLiveScale } from '../live-scale-lab.js';
import { prerequisite } from '../scale-lab/lab.js';
import { RAW, liveScaleResult } from '../scale-lab/outcome.js';
import type { Suite } from '../suite.js';

const suite: Suite = {
  name: 'live-scale-lab',
  description: 'live diagnose of 1,000 extra nodes and 30,000 pods on the real API server vs kubectl get nodes,pods,events -A -o json',
  async run({ quick, log }) {
    const why = prerequisite();
    if (why) return { skipped: why };
    const m = await measureLiveScale({ quick, runs: 3, cpuProf: false, log });
    const raw = { command: 'npm run bench -- live-scale-lab', date: new Date().toISOString(), node: process.version, ...m };
    if (!quick) fs.writeFileSync(RAW.live, JSON.stringify(raw, null, 2) + '\n');
    return liveScaleResult(raw);
  },
};
export default suite;
