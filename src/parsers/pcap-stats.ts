/**
 * Small bounded-memory helpers of the capture analysis: addresses as numbers (IPv4 as its 32 bits,
 * IPv6 interned above 2^32), a log-scale latency histogram, and a "keep the largest N" list.
 */

export class Addresses {
  private v6 = new Map<string, number>();
  private names: string[] = [];

  /** IPv6 address at buf[off, off+16) → a number above 2^32 (stable for the run). */
  v6At(buf: Buffer, off: number): number {
    const parts: string[] = [];
    for (let i = 0; i < 16; i += 2) parts.push(((buf[off + i] << 8) | buf[off + i + 1]).toString(16));
    const s = compressV6(parts);
    let id = this.v6.get(s);
    if (id === undefined) {
      id = 4294967296 + this.names.length;
      this.names.push(s);
      this.v6.set(s, id);
    }
    return id;
  }

  name(a: number): string {
    if (a < 4294967296) return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
    return this.names[a - 4294967296] ?? '?';
  }
}

function compressV6(parts: string[]): string {
  // The longest run of zero groups (two or more) becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return parts.join(':');
  return `${parts.slice(0, best).join(':')}::${parts.slice(best + bestLen).join(':')}`;
}

export function ipv4At(buf: Buffer, off: number): number {
  return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}

/** Latencies in ms on a log scale (8% wide buckets from 10 µs to ~100 s): quantiles without keeping samples. */
export class LatencyHistogram {
  private buckets = new Uint32Array(220);
  count = 0;
  max = 0;

  /** The bucket of a latency (the same for every histogram). */
  static bucket(ms: number): number {
    return ms <= 0.01 ? 0 : Math.min(219, Math.ceil(Math.log(ms / 0.01) / Math.log(1.08)));
  }

  add(ms: number): void {
    this.addAt(LatencyHistogram.bucket(ms), ms);
  }

  /** A histogram of these bucket counts (220), count and maximum (the WebAssembly core's, read back). */
  static of(buckets: Uint32Array, count: number, max: number): LatencyHistogram {
    const h = new LatencyHistogram();
    h.buckets.set(buckets);
    h.count = count;
    h.max = max;
    return h;
  }

  /** add() with the bucket already known (LatencyHistogram.bucket(ms)). */
  addAt(i: number, ms: number): void {
    this.buckets[i]++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The bucket's upper bound at quantile q (0..1). */
  quantile(q: number): number {
    if (!this.count) return 0;
    const want = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i];
      if (seen >= want) return Math.min(this.max, 0.01 * 1.08 ** i);
    }
    return this.max;
  }

  summary(): { p50: number; p95: number; max: number } | null {
    if (!this.count) return null;
    const r = (v: number) => Math.round(v * 1000) / 1000;
    return { p50: r(this.quantile(0.5)), p95: r(this.quantile(0.95)), max: r(this.max) };
  }
}

/** Keeps the `size` largest items by `weight` (and counts all offered). */
export class TopList<T> {
  private items: T[] = [];
  total = 0;
  constructor(
    private readonly size: number,
    private readonly weight: (t: T) => number,
  ) {}

  offer(t: T): void {
    this.total++;
    this.items.push(t);
    if (this.items.length > this.size * 4) this.trim();
  }

  private trim(): void {
    this.items.sort((a, b) => this.weight(b) - this.weight(a));
    this.items.length = Math.min(this.items.length, this.size);
  }

  list(): T[] {
    this.trim();
    return this.items;
  }
}
