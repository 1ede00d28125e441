import { cidrOverlaps, formatIPv4, parseCidr } from '../_cidr.js';

/**
 * The first block of `prefix` bits inside `network` that overlaps none of `taken`: the podCIDR a
 * node without one can be given by hand. Undefined when the network is unreadable, the prefix does
 * not fit inside it, or every block is taken. Blocks are tried in address order, as the
 * controller-manager's allocator does, so the answer is the one it would most likely have chosen.
 */
export function freeCidr(network: string, taken: readonly string[], prefix: number): string | undefined {
  const net = parseCidr(network);
  if (!net || !Number.isInteger(prefix) || prefix < net.prefix || prefix > 32) return undefined;
  const used = taken.map((t) => parseCidr(t)).filter((c): c is NonNullable<typeof c> => !!c);
  const size = 2 ** (32 - prefix);
  const count = 2 ** (prefix - net.prefix);
  for (let i = 0; i < count; i++) {
    const start = net.network + i * size;
    const block = `${formatIPv4(start >>> 0)}/${prefix}`;
    if (!used.some((u) => cidrOverlaps(block, u))) return block;
  }
  return undefined;
}

/** The mask the nodes' podCIDRs share (the controller-manager's --node-cidr-mask-size); 24 when none has one. */
export function nodeMask(podCidrs: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const c of podCidrs) {
    const p = parseCidr(c)?.prefix;
    if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best = 24;
  let n = 0;
  for (const [p, k] of counts) if (k > n) [best, n] = [p, k];
  return best;
}
