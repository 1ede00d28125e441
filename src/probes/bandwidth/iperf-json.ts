/**
 * Reads the JSON iperf3 prints with -J on the client side (TCP): the receiver's throughput, the
 * sender's retransmits, RTT (mean and lowest) and MSS, the bitrate it was capped at, and both sides' CPU. Lenient: a field that is missing or not a
 * number is left out; iperf3's own {"error": …} becomes the run's error.
 */
import type { BandwidthRun } from '../../evidence/probes.js';

export type IperfMeasure = Omit<BandwidthRun, 'path' | 'fromIp' | 'toIp'>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function parseIperfClient(text: string): IperfMeasure {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    const first = text.trim().split('\n')[0] ?? '';
    return { ok: false, error: first ? `iperf3 printed no JSON: ${first.slice(0, 200)}` : 'iperf3 printed nothing' };
  }
  if (!doc || typeof doc !== 'object') return { ok: false, error: 'iperf3 JSON is not an object' };
  if (typeof doc.error === 'string') return { ok: false, error: `iperf3: ${doc.error}` };
  const end = doc.end ?? {};
  const sent = end.sum_sent ?? {};
  const received = end.sum_received ?? {};
  const stream = Array.isArray(end.streams) ? end.streams[0]?.sender ?? {} : {};
  const cpu = end.cpu_utilization_percent ?? {};
  const out: IperfMeasure = { ok: false };
  const set = <K extends keyof IperfMeasure>(k: K, v: IperfMeasure[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('seconds', num(received.seconds) ?? num(sent.seconds));
  set('bitsPerSecond', num(received.bits_per_second));
  set('bytes', num(sent.bytes));
  set('retransmits', num(sent.retransmits));
  set('mss', num(doc.start?.tcp_mss_default));
  set('meanRttUs', num(stream.mean_rtt));
  set('minRttUs', num(stream.min_rtt));
  const target = num(doc.start?.test_start?.target_bitrate);
  if (target) set('targetBps', target); // 0: uncapped
  set('cpuSenderPct', num(cpu.host_total));
  set('cpuReceiverPct', num(cpu.remote_total));
  out.ok = out.bitsPerSecond !== undefined;
  if (!out.ok) out.error = 'iperf3 JSON has no end.sum_received.bits_per_second';
  return out;
}
