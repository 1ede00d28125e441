/**
 * A classic pcap stream cut at a record boundary: a capture stopped for its size limit ends with a
 * whole packet, not half of one. Reads only the 24-byte file header and each 16-byte record header.
 */

export interface PcapPrefix {
  /** the file header and every complete record, in order */
  bytes: Buffer;
  packets: number;
}

const MAGICS = new Map<number, boolean>([
  [0xa1b2c3d4, false], // microseconds, big-endian as read
  [0xa1b23c4d, false], // nanoseconds
  [0xd4c3b2a1, true], // little-endian
  [0x4d3cb2a1, true],
]);

/** The longest prefix of `buf` (at most `limit` bytes) that is a whole pcap file; undefined when it is not pcap. */
export function completeRecords(buf: Buffer, limit = buf.length): PcapPrefix | undefined {
  if (buf.length < 24) return buf.length === 0 ? { bytes: buf, packets: 0 } : undefined;
  const little = MAGICS.get(buf.readUInt32BE(0));
  if (little === undefined) return undefined;
  const end = Math.min(limit, buf.length);
  let at = 24;
  let packets = 0;
  while (at + 16 <= end) {
    const incl = little ? buf.readUInt32LE(at + 8) : buf.readUInt32BE(at + 8);
    if (at + 16 + incl > end) break;
    at += 16 + incl;
    packets++;
  }
  return { bytes: buf.subarray(0, Math.max(24, Math.min(at, end))), packets };
}
