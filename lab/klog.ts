/** klog's line header (`I1127 16:31:14.123456       1 file.go:123] msg`), for logs the lab writes. */
export function klogLine(level: 'I' | 'W' | 'E' | 'F', file: string, msg: string, when = new Date()): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const us = String(when.getUTCMilliseconds() * 1000).padStart(6, '0');
  const stamp = `${p2(when.getUTCMonth() + 1)}${p2(when.getUTCDate())} ${p2(when.getUTCHours())}:${p2(when.getUTCMinutes())}:${p2(when.getUTCSeconds())}.${us}`;
  return `${level}${stamp}       1 ${file}] ${msg}`;
}
