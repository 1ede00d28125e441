import type { FixPlace } from '../catalog/fix-types.js';

/** A fix step filled for one finding: what every reporter shows and what `fix` plans and applies. */
export interface FixStep {
  text: string;
  on: FixPlace;
  run?: string;
  verify?: string;
  /** Why no tool applies this step on its own; absent: it can be applied where `on` says. */
  manual?: string;
  /** Placeholders the evidence did not fill (shown as <name>). */
  missing?: string[];
  /** Environment variables the command reads, and where the operator gets their values. */
  inputs?: { env: string; source: string }[];
  /** Files the command changes on the node: applying it backs each one up first. */
  changes?: string[];
}
