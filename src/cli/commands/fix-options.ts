import type { KubeFlags } from '../kube-flags.js';

/** The flags `fix` parses, shared by its run halves (fix-run.ts, fix-apply-run.ts). */
export interface FixCommandOptions extends KubeFlags {
  bundle?: string;
  nodeEvidence?: string;
  lab?: string | boolean;
  output: string;
  yes?: boolean;
  thisNode?: string;
}
