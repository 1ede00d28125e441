/**
 * Unwraps one log line from the formats found on a node, so the message can be classified and
 * identical messages counted together:
 * - CRI container logs (/var/log/pods, /var/log/containers): `<RFC3339Nano> <stream> <P|F> <msg>`
 * - Docker json-file logs: `{"log":"…","stream":"stderr","time":"…"}`
 * - journalctl -o short / short-iso / syslog: `<time> <host> <ident>[<pid>]: <msg>`
 * - klog headers (`I1127 16:31:41.123456    1 main.go:12] msg`) and logfmt/JSON timestamps are left
 *   in the message but stripped from the aggregation key.
 */
export interface LogLine {
  message: string;
  time?: string;
  stream?: string;
  /** journal identifier (kubelet, containerd, flanneld) when the line says it */
  ident?: string;
  /** CRI partial line (P): the message continues on the next line */
  partial?: boolean;
}

const CRI = /^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d))\s+(stdout|stderr)\s+([PF])\s?(.*)$/;
const SHORT = /^([A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)\s+(\S+)\s+([\w.@/-]+?)(?:\[(\d+)\])?:\s(.*)$/;

export function unwrapLogLine(line: string): LogLine {
  const l = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (l.startsWith('{') && l.includes('"log"')) {
    try {
      const j = JSON.parse(l) as { log?: unknown; stream?: unknown; time?: unknown };
      if (typeof j.log === 'string') {
        return { message: j.log.replace(/\n$/, ''), ...(typeof j.stream === 'string' ? { stream: j.stream } : {}), ...(typeof j.time === 'string' ? { time: j.time } : {}) };
      }
    } catch {
      /* not docker json; fall through */
    }
  }
  const cri = CRI.exec(l);
  if (cri) return { message: cri[4], time: cri[1], stream: cri[2], partial: cri[3] === 'P' };
  const short = SHORT.exec(l);
  if (short) return { message: short[5], time: short[1], ident: short[3] };
  return { message: l };
}

/**
 * The key under which repeated messages are counted: the message without klog header, timestamps,
 * durations, hex ids and long numbers, so the same error from different moments and containers
 * aggregates into one entry.
 */
export function aggregationKey(message: string): string {
  return message
    .replace(/^[IWEF]\d{4}\s+[\d:.]+\s+\d+\s+[\w./-]+:\d+\]\s*/, '')
    .replace(/\b\d{4}-\d\d-\d\d[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?/g, '<time>')
    .replace(/\btime="[^"]*"/g, 'time=<time>')
    .replace(/\b[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/\b\d+(?:\.\d+)?(?:ms|s|µs|us|ns|m|h)\b/g, '<dur>')
    .replace(/\s+/g, ' ')
    .trim();
}

const KLOG_HEADER = /^[IWEF]\d{4}\s+\d\d:\d\d:\d\d\.\d+\s+\d+\s+[\w./-]+:\d+\]\s?/;
const LOGFMT_TIME = /^time="[^"]*"\s*/;

/**
 * The message without its klog header or logfmt timestamp: what a classifier should judge. Timestamps
 * hold digit runs ("….519429 ") that look like status codes to loose patterns.
 */
export function stripLogHeader(message: string): string {
  return message.replace(KLOG_HEADER, '').replace(LOGFMT_TIME, '');
}
