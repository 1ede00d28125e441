// The root-cause catalog: for each canonical id of shared/causes.md (and docs/causes-added.md) its title, tier, explanation,
// fix steps, verification commands, docs and the symptoms it explains. Split by tier under ./causes/.
// The ids are a public interface: add, never rename. A test checks this list against causes.md.
import { APPLICATION_CAUSES } from './causes/application.js';
import { INFRASTRUCTURE_CAUSES } from './causes/infrastructure.js';
import { NETWORK_CAUSES } from './causes/network.js';
import type { Cause } from './types.js';

export const CAUSES: readonly Cause[] = [...APPLICATION_CAUSES, ...NETWORK_CAUSES, ...INFRASTRUCTURE_CAUSES];
