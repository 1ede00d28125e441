import type { Command } from 'commander';
import { registerBundle } from './bundle.js';
import { registerCapture } from './capture.js';
import { registerCauses } from './causes.js';
import { registerVersionAndCompletion } from './completion.js';
import { registerDiagnose } from './diagnose.js';
import { registerExplain } from './explain.js';
import { registerFix } from './fix.js';
import { registerLab } from './lab.js';
import { registerNode } from './node.js';
import { registerPcap } from './pcap.js';
import { registerPreflight } from './preflight.js';
import { registerProbe } from './probe.js';
import { registerRules } from './rules.js';
import { registerServe } from './serve.js';

/** Every command registers itself here; keep the list short and the modules lazy. */
export const COMMANDS: ((program: Command) => void)[] = [registerDiagnose, registerFix, registerBundle, registerExplain, registerCauses, registerRules, registerNode, registerProbe, registerPcap, registerCapture, registerPreflight, registerLab, registerServe];
// Last, after every command: `version` and `completion` (which reads the whole command tree).
COMMANDS.push(registerVersionAndCompletion);
