import { describe, expect, it } from 'vitest';
import { parseIperfClient } from './iperf-json.js';

// iperf 3.12 -c … -t 3 -J -b 500000000 n1 → n2 in lab fddelay with node.underlay-latency on n2 (fields trimmed).
const DELAYED = {
  start: { tcp_mss_default: 1448, test_start: { protocol: 'TCP', num_streams: 1, blksize: 131072, omit: 0, duration: 3, bytes: 0, blocks: 0, reverse: 0, tos: 0, target_bitrate: 500000000 } },
  end: {
    streams: [{ sender: { bytes: 82706432, retransmits: 0, max_snd_cwnd: 8404192, max_rtt: 81884, min_rtt: 80968, mean_rtt: 81562 } }],
    sum_sent: { seconds: 3.000309, bytes: 82706432, bits_per_second: 220527770.9729231, retransmits: 0 },
    sum_received: { seconds: 3.082069, bytes: 82705120, bits_per_second: 214674285.35830963 },
    cpu_utilization_percent: { host_total: 4.5890165789184945, remote_total: 2.0557164429753265 },
  },
};

describe('parseIperfClient', () => {
  it('reads the receiver throughput, the sender\'s retransmits, mean and lowest RTT, MSS, the bitrate cap and CPU', () => {
    expect(parseIperfClient(JSON.stringify(DELAYED))).toEqual({
      ok: true,
      seconds: 3.082069,
      bitsPerSecond: 214674285.35830963,
      bytes: 82706432,
      retransmits: 0,
      mss: 1448,
      meanRttUs: 81562,
      minRttUs: 80968,
      targetBps: 500000000,
      cpuSenderPct: 4.5890165789184945,
      cpuReceiverPct: 2.0557164429753265,
    });
  });

  it('an uncapped run (target_bitrate 0) records no cap; an older iperf3 without min_rtt or test_start leaves them out', () => {
    const uncapped = structuredClone(DELAYED);
    uncapped.start.test_start.target_bitrate = 0;
    expect(parseIperfClient(JSON.stringify(uncapped))).not.toHaveProperty('targetBps');
    const old = structuredClone(DELAYED) as any;
    delete old.start.test_start;
    delete old.end.streams[0].sender.min_rtt;
    const r = parseIperfClient(JSON.stringify(old));
    expect(r).toMatchObject({ ok: true, meanRttUs: 81562 });
    expect(r).not.toHaveProperty('minRttUs');
    expect(r).not.toHaveProperty('targetBps');
  });

  it("iperf3's own error and text that is not JSON are the run's error", () => {
    expect(parseIperfClient('{"error":"unable to connect to server: Connection refused"}')).toEqual({ ok: false, error: 'iperf3: unable to connect to server: Connection refused' });
    expect(parseIperfClient('iperf3: error - unable to connect')).toEqual({ ok: false, error: 'iperf3 printed no JSON: iperf3: error - unable to connect' });
  });
});
