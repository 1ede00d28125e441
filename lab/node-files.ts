/**
 * Each lab node's file tree under `<lab dir>/nodes/<node>/`, laid out like a real node's root: the
 * node's daemons see it at the standard paths (cluster/node-mounts.ts) and
 * `flannel-doctor node --host-root <root>` reads it as it would read `/` on a node.
 */
import { join } from 'node:path';
import { EXTERNAL_ZONE, UPSTREAM_DNS_IP } from './plan.js';
import type { LabNode } from './types.js';

export function nodePath(node: LabNode, p: string): string {
  return join(node.root, p.replace(/^\//, ''));
}

/** The node's resolver: the site DNS server of the lab's outside world. */
export function nodeResolvConf(): string {
  return `# node resolver: the site DNS server of the lab's outside world\nnameserver ${UPSTREAM_DNS_IP}\nsearch ${EXTERNAL_ZONE}\n`;
}
