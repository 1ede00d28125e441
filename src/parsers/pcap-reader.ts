/**
 * Streams the packets of a capture file, classic pcap (either byte order, µs or ns, and the modified
 * Kuznetzov variant) or pcapng (sections of either byte order, interfaces with their own link type
 * and timestamp resolution, enhanced/simple/obsolete packet blocks), through a fixed-size buffer:
 * memory does not grow with the file. A file that ends inside a record is reported with the byte
 * offset and packet number where it ends; everything before it is still analysed.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface PacketSink {
  /**
   * The packet's time in seconds since the epoch, set before each call to `packet`. (A field, not an
   * argument: a double passed to a call is boxed on the heap, and this runs millions of times.)
   */
  ts: number;
  /** One packet: its bytes are buf[off, off + caplen), valid only during the call; origLen is its length on the wire. */
  packet(buf: Buffer, off: number, caplen: number, origLen: number, linkType: number): void;
  /**
   * Optional, for classic pcap: takes every whole, sane record in buf[o, len) itself (as walkPcap
   * below does, with `packet` for each) and returns the offset of the first record it did not take; adds
   * the number taken to counts[0] (counts[1] is the sink's to use). A sink that decodes in the same
   * loop that walks saves a call and a re-read of the record header per packet.
   */
  walkPcap?(buf: Buffer, o: number, len: number, hdr: number, le: number, frac: number, linkType: number, counts: Float64Array): number;
  /**
   * Optional: where the reader's window lives (the WebAssembly core's memory, so the packets are
   * decoded where they were read). Called with a size, it returns a function that gives the window's
   * bytes; the reader calls that again when the view it holds has gone empty (a call into the sink
   * grew the memory, which detaches the views of the old one).
   */
  windowMemory?(size: number): () => Buffer;
  /**
   * Optional, for pcapng: takes the enhanced packet blocks at buf[o, len) of a section in byte order
   * `le` (1: little-endian) with interfaces `ifaces` that it can (as the reader would, with `packet`
   * for each) and returns the offset of the first block it did not take; puts the number taken in
   * counts[0] and, if any, the last one's time in counts[1]. The reader does the rest.
   */
  walkPcapng?(buf: Buffer, o: number, len: number, le: number, ifaces: readonly PcapngInterface[], counts: Float64Array): number;
}

export interface PcapngInterface {
  linkType: number;
  /** seconds per timestamp unit */
  unit: number;
  snaplen: number;
}

export interface CaptureProblem {
  /** byte offset in the file where the problem starts */
  offset: number;
  /** 1-based number of the packet record concerned (the next one, when between records) */
  packet: number;
  message: string;
}

export interface ReadSummary {
  format: 'pcap' | 'pcapng';
  packets: number;
  fileBytes: number;
  linkTypes: number[];
  /** the file ends inside a record */
  truncated?: CaptureProblem;
  /** records that could not be read (bad block, unknown interface) */
  problems: CaptureProblem[];
}

/**
 * Read size: 1 MiB. Large enough that the read calls cost nothing (1024 per GiB), small enough that
 * the bytes just read are still in the CPU's cache (L2) when the packets are decoded. Measured on the
 * bench capture (1 GiB): walking the records alone took 0.47 s of CPU with 8 MiB reads and 0.26 s
 * with 1 MiB (a cache miss per record header); in the whole analysis the difference is within the
 * noise of a shared machine, as the decoding dominates.
 */
const CHUNK = 1 << 20;
/** A record longer than this is corrupt, not a packet (pcapng blocks and pcap records alike). */
const MAX_RECORD = 64 << 20;

/** A window over the file: holds [start, end) of the file's bytes; refills by sliding. */
class Window {
  buf: Buffer;
  /** file offset of buf[0] */
  base = 0;
  /** valid bytes in buf */
  len = 0;
  eof = false;
  private view: (() => Buffer) | undefined;
  constructor(
    private readonly fd: number,
    size = CHUNK,
    private readonly memory?: (size: number) => () => Buffer,
  ) {
    this.view = memory?.(size);
    this.buf = this.view ? this.view() : Buffer.allocUnsafe(size);
  }

  /** Makes buf[pos - base, pos - base + n) valid if the file has it; false at the end of the file. */
  ensure(pos: number, n: number): boolean {
    // A window in memory that grew since: the same bytes through a new view.
    if (this.buf.length === 0 && this.view) this.buf = this.view();
    if (pos - this.base + n <= this.len) return true;
    if (this.eof && pos - this.base + n > this.len) return false;
    // Slide what is left to the front and read more.
    const keep = this.len - (pos - this.base);
    if (n > this.buf.length) {
      const size = Math.max(n, this.buf.length * 2);
      if (this.memory) {
        // Kept aside first: making the bigger window may detach the view of this one.
        const kept = Buffer.from(this.buf.subarray(pos - this.base, Math.max(pos - this.base, this.len)));
        this.view = this.memory(size);
        this.buf = this.view();
        kept.copy(this.buf, 0);
      } else {
        const bigger = Buffer.allocUnsafe(size);
        this.buf.copy(bigger, 0, pos - this.base, this.len);
        this.buf = bigger;
      }
    } else if (keep > 0) this.buf.copyWithin(0, pos - this.base, this.len); // no view made, unlike Buffer#copy
    this.base = pos;
    this.len = Math.max(keep, 0);
    while (this.len < n && !this.eof) {
      const got = readFully(this.fd, this.buf, this.len, this.buf.length - this.len);
      if (got === 0) this.eof = true;
      this.len += got;
    }
    return this.len >= n;
  }
}

function readFully(fd: number, buf: Buffer, off: number, len: number): number {
  for (;;) {
    try {
      return readSync(fd, buf, off, len, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe on stdin: wait for more
      if (code === 'EOF') return 0;
      throw e;
    }
  }
}

export class CaptureFormatError extends Error {}

// Byte arithmetic, not Buffer#readUInt32LE: small enough to inline in the per-packet loop.
const u32le = (b: Buffer, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u32be = (b: Buffer, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;

/**
 * Reads `path` ("-" for standard input) and hands every packet to `sink`. `chunk` is the read size
 * (the window grows past it only for a record that does not fit); the tests make it small, so records
 * and headers fall across the reads.
 */
export function readCapture(path: string, sink: PacketSink, chunk = CHUNK): ReadSummary {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    return readCaptureFd(fd, sink, chunk);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

export function readCaptureFd(fd: number, sink: PacketSink, chunk = CHUNK): ReadSummary {
  const w = new Window(fd, chunk, sink.windowMemory?.bind(sink));
  if (!w.ensure(0, 4)) throw new CaptureFormatError(w.len === 0 ? 'the file is empty' : `the file is ${w.len} bytes long, too short for a capture header`);
  const magicLE = w.buf.readUInt32LE(0);
  if (magicLE === 0x0a0d0d0a) return readPcapng(w, sink);
  const pcap = pcapMagic(magicLE);
  if (!pcap) throw new CaptureFormatError(`not a pcap or pcapng file (it starts with 0x${w.buf.subarray(0, 4).toString('hex')})`);
  return readPcap(w, sink, pcap);
}

interface PcapVariant {
  le: boolean;
  nano: boolean;
  /** record header length: 16, or 24 for the modified (Kuznetzov) format */
  hdr: number;
}

function pcapMagic(m: number): PcapVariant | undefined {
  switch (m) {
    case 0xa1b2c3d4:
      return { le: true, nano: false, hdr: 16 };
    case 0xd4c3b2a1:
      return { le: false, nano: false, hdr: 16 };
    case 0xa1b23c4d:
      return { le: true, nano: true, hdr: 16 };
    case 0x4d3cb2a1:
      return { le: false, nano: true, hdr: 16 };
    case 0xa1b2cd34:
      return { le: true, nano: false, hdr: 24 };
    case 0x34cdb2a1:
      return { le: false, nano: false, hdr: 24 };
    default:
      return undefined;
  }
}

function readPcap(w: Window, sink: PacketSink, v: PcapVariant): ReadSummary {
  const summary: ReadSummary = { format: 'pcap', packets: 0, fileBytes: 0, linkTypes: [], problems: [] };
  if (!w.ensure(0, 24)) {
    summary.truncated = { offset: 0, packet: 1, message: `the file ends inside the 24-byte pcap header (${w.len} bytes)` };
    summary.fileBytes = w.len;
    return summary;
  }
  const u32 = v.le ? u32le : u32be;
  // The link type's upper bits may carry FCS flags (LINKTYPE_FCS_*); the type is the low 16.
  const linkType = u32(w.buf, 20) & 0xffff;
  summary.linkTypes.push(linkType);
  const frac = v.nano ? 1e-9 : 1e-6;
  const hdr = v.hdr;
  // Byte order decided once, outside the loop: the record fields are read inline (a function value
  // chosen at run time is not inlined, and a 32-bit result above 2^31 returned from a call is boxed).
  const le = v.le ? 1 : 0;
  const counts = new Float64Array(2);
  let pos = 24;
  for (;;) {
    // Every whole record in the window, in one tight loop; then, here, what stopped it.
    const o = pos - w.base;
    pos += (sink.walkPcap ? sink.walkPcap(w.buf, o, w.len, hdr, le, frac, linkType, counts) : walkPcap(w.buf, o, w.len, hdr, le, frac, linkType, sink, counts)) - o;
    const n = counts[0];
    if (!w.ensure(pos, hdr)) {
      if (w.len - (pos - w.base) > 0) summary.truncated = { offset: pos, packet: n + 1, message: `the file ends inside the header of packet record ${n + 1} (${w.len - (pos - w.base)} of ${hdr} bytes)` };
      break;
    }
    const h = pos - w.base;
    const caplen = w.buf[le ? 'readUInt32LE' : 'readUInt32BE'](h + 8);
    if (caplen > MAX_RECORD) {
      summary.problems.push({ offset: pos, packet: n + 1, message: `packet record ${n + 1} claims ${caplen} captured bytes: the file is corrupt from here on` });
      break;
    }
    if (!w.ensure(pos, hdr + caplen)) {
      summary.truncated = { offset: pos, packet: n + 1, message: `the file ends inside packet record ${n + 1}: it claims ${caplen} bytes, ${w.len - (pos - w.base) - hdr} are there` };
      break;
    }
  }
  summary.packets = counts[0];
  summary.fileBytes = pos + (summary.truncated ? w.len - (pos - w.base) : 0);
  return summary;
}

/**
 * Hands every whole, sane record in buf[o, len) to the sink and returns the offset of the first one
 * that is not (cut by the window's end, or corrupt): the caller refills or reports. The hot loop
 * holds no call but the sink's, so it is optimised once and stays so. The count leaves through a
 * typed array, not a property: the loop is optimised while still inside it (on-stack replacement),
 * before any property store after it has type feedback, and such a store deoptimised the loop at the
 * end of every 8 MiB window (33 times on 256 MiB, each followed by a recompile).
 */
function walkPcap(buf: Buffer, o: number, len: number, hdr: number, le: number, frac: number, linkType: number, sink: PacketSink, counts: Float64Array): number {
  let n = 0;
  while (o + hdr <= len) {
    // Signed 32 bits: a length with the top bit set is negative here, and corrupt either way.
    const caplen = le === 1 ? buf[o + 8] | (buf[o + 9] << 8) | (buf[o + 10] << 16) | (buf[o + 11] << 24) : (buf[o + 8] << 24) | (buf[o + 9] << 16) | (buf[o + 10] << 8) | buf[o + 11];
    if (caplen > MAX_RECORD || caplen < 0 || o + hdr + caplen > len) break;
    let sec: number;
    let sub: number;
    let orig: number;
    if (le === 1) {
      sec = (buf[o] | (buf[o + 1] << 8) | (buf[o + 2] << 16) | (buf[o + 3] << 24)) >>> 0;
      sub = (buf[o + 4] | (buf[o + 5] << 8) | (buf[o + 6] << 16) | (buf[o + 7] << 24)) >>> 0;
      orig = (buf[o + 12] | (buf[o + 13] << 8) | (buf[o + 14] << 16) | (buf[o + 15] << 24)) >>> 0;
    } else {
      sec = ((buf[o] << 24) | (buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]) >>> 0;
      sub = ((buf[o + 4] << 24) | (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7]) >>> 0;
      orig = ((buf[o + 12] << 24) | (buf[o + 13] << 16) | (buf[o + 14] << 8) | buf[o + 15]) >>> 0;
    }
    n++;
    sink.ts = sec + sub * frac;
    sink.packet(buf, o + hdr, caplen, orig, linkType);
    o += hdr + caplen;
  }
  counts[0] += n;
  return o;
}

type Iface = PcapngInterface;

function readPcapng(w: Window, sink: PacketSink): ReadSummary {
  const summary: ReadSummary = { format: 'pcapng', packets: 0, fileBytes: 0, linkTypes: [], problems: [] };
  let le = true;
  let ifaces: Iface[] = [];
  let pos = 0;
  let n = 0;
  let lastTs = 0;
  const counts = new Float64Array(2);
  for (;;) {
    if (sink.walkPcapng && ifaces.length && w.ensure(pos, 12)) {
      // The blocks the sink takes itself; then, here, the one it did not.
      const o = pos - w.base;
      pos += sink.walkPcapng(w.buf, o, w.len, le ? 1 : 0, ifaces, counts) - o;
      if (counts[0] > 0) {
        n += counts[0];
        lastTs = counts[1];
      }
    }
    if (!w.ensure(pos, 12)) {
      const left = w.len - (pos - w.base);
      if (left > 0) summary.truncated = { offset: pos, packet: n + 1, message: `the file ends inside a block header (${left} of at least 12 bytes)` };
      break;
    }
    let o = pos - w.base;
    const type = w.buf.readUInt32LE(o);
    if (type === 0x0a0d0d0a) {
      const bom = w.buf.readUInt32LE(o + 8);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else {
        summary.problems.push({ offset: pos, packet: n + 1, message: `section header with an unknown byte-order magic 0x${bom.toString(16)}: the file is corrupt from here on` });
        break;
      }
      ifaces = [];
    }
    const u32 = le ? (at: number) => w.buf.readUInt32LE(at) : (at: number) => w.buf.readUInt32BE(at);
    const u16 = le ? (at: number) => w.buf.readUInt16LE(at) : (at: number) => w.buf.readUInt16BE(at);
    const btype = le ? type : w.buf.readUInt32BE(o);
    const total = u32(o + 4);
    if (total < 12 || total % 4 !== 0 || total > MAX_RECORD) {
      summary.problems.push({ offset: pos, packet: n + 1, message: `block of type ${btype} claims length ${total}: the file is corrupt from here on` });
      break;
    }
    if (!w.ensure(pos, total)) {
      const left = w.len - (pos - w.base);
      summary.truncated = { offset: pos, packet: n + 1, message: `the file ends inside ${blockName(btype)}${isPacketBlock(btype) ? ` (packet ${n + 1})` : ''}: it claims ${total} bytes, ${left} are there` };
      break;
    }
    o = pos - w.base;
    if (btype === 1) {
      const iface: Iface = { linkType: u16(o + 8), unit: 1e-6, snaplen: u32(o + 12) };
      // Options: if_tsresol (9) sets the timestamp unit.
      let p = o + 16;
      const end = o + total - 4;
      while (p + 4 <= end) {
        const code = u16(p);
        const len = u16(p + 2);
        if (code === 0) break;
        if (code === 9 && len >= 1) {
          const r = w.buf[p + 4];
          iface.unit = r & 0x80 ? 2 ** -(r & 0x7f) : 10 ** -(r & 0x7f);
        }
        p += 4 + ((len + 3) & ~3);
      }
      ifaces.push(iface);
      if (!summary.linkTypes.includes(iface.linkType)) summary.linkTypes.push(iface.linkType);
    } else if (btype === 6 || btype === 2) {
      // Enhanced packet block (6), or the obsolete packet block (2) whose interface id is 16 bits.
      const id = btype === 6 ? u32(o + 8) : u16(o + 8);
      const iface = ifaces[id];
      n++;
      const caplen = u32(o + 20);
      if (!iface) summary.problems.push({ offset: pos, packet: n, message: `packet ${n} names interface ${id}, which the section does not describe` });
      else if (28 + caplen > total - 4) summary.problems.push({ offset: pos, packet: n, message: `packet ${n} claims ${caplen} captured bytes in a block of ${total}` });
      else {
        lastTs = (u32(o + 12) * 4294967296 + u32(o + 16)) * iface.unit;
        sink.ts = lastTs;
        sink.packet(w.buf, o + 28, caplen, u32(o + 24), iface.linkType);
      }
    } else if (btype === 3) {
      // Simple packet block: no timestamp (the previous one stands in), interface 0.
      const iface = ifaces[0];
      n++;
      const orig = u32(o + 8);
      const caplen = Math.min(orig, total - 16, iface?.snaplen || Infinity);
      if (!iface) summary.problems.push({ offset: pos, packet: n, message: `packet ${n} (simple block) comes before any interface description` });
      else {
        sink.ts = lastTs;
        sink.packet(w.buf, o + 12, caplen, orig, iface.linkType);
      }
    }
    pos += total;
  }
  summary.packets = n;
  summary.fileBytes = pos + (summary.truncated ? w.len - (pos - w.base) : 0);
  return summary;
}

function isPacketBlock(t: number): boolean {
  return t === 2 || t === 3 || t === 6;
}

function blockName(t: number): string {
  switch (t) {
    case 0x0a0d0d0a:
      return 'a section header block';
    case 1:
      return 'an interface description block';
    case 6:
      return 'an enhanced packet block';
    case 3:
      return 'a simple packet block';
    case 2:
      return 'a packet block';
    default:
      return `a block of type ${t}`;
  }
}
