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

/**
 * A command file's registration and the first words it answers: when the command line starts with one of
 * them, main() registers this entry alone (building all fifteen commands' options and help texts was a
 * sixth of explain's start-up). Any other first word (a flag, `help`, a typo, `completion`, which reads
 * the whole tree) gets every command.
 */
export interface CommandEntry {
  words: readonly string[];
  register: (program: Command) => void;
}

/** Every command registers itself here; keep the list short and the modules lazy. */
export const COMMANDS: CommandEntry[] = [
  { words: ['diagnose'], register: registerDiagnose },
  { words: ['fix'], register: registerFix },
  { words: ['bundle'], register: registerBundle },
  { words: ['explain'], register: registerExplain },
  { words: ['causes'], register: registerCauses },
  { words: ['rules'], register: registerRules },
  { words: ['node'], register: registerNode },
  { words: ['probe'], register: registerProbe },
  { words: ['pcap'], register: registerPcap },
  { words: ['capture'], register: registerCapture },
  { words: ['preflight'], register: registerPreflight },
  { words: ['lab'], register: registerLab },
  { words: ['serve'], register: registerServe },
  // Last, after every command: `version` and `completion` (which reads the whole command tree).
  { words: ['version'], register: registerVersionAndCompletion },
];

/** The entries to register for a command line whose first word is `word`. */
export function commandsFor(word: string | undefined): CommandEntry[] {
  const alone = word === undefined ? undefined : COMMANDS.find((c) => c.words.includes(word));
  return alone ? [alone] : COMMANDS;
}
