#!/usr/bin/env node
// flannel-doctor lab: one DNS A query over UDP, run inside a lab namespace (`ip netns exec`), printing
// {"outcome","ms","answers","rcode"} as JSON. The lab has no dig; this keeps probes dependency-free.
import dgram from 'node:dgram';

const [server, name, timeoutArg] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg ?? 2000);
const id = Math.floor(Math.random() * 65535);
const labels = name.replace(/\.$/, '').split('.');
const q = Buffer.concat([
  Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
  ...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
  Buffer.from([0, 0, 1, 0, 1]),
]);
const sock = dgram.createSocket('udp4');
const t0 = Date.now();
const done = (o) => {
  process.stdout.write(JSON.stringify({ ...o, ms: Date.now() - t0 }) + '\n');
  sock.close();
  process.exit(0);
};
const timer = setTimeout(() => done({ outcome: 'timeout' }), timeoutMs);
sock.on('error', (e) => (clearTimeout(timer), done({ outcome: e.code === 'ECONNREFUSED' ? 'refused' : 'error', error: e.message })));
sock.on('message', (m) => {
  if (m.readUInt16BE(0) !== id) return;
  clearTimeout(timer);
  const rcode = m[3] & 15;
  const an = m.readUInt16BE(6);
  let off = 12;
  while (m[off] !== 0) off += m[off] + 1;
  off += 5;
  const answers = [];
  for (let i = 0; i < an && off < m.length; i++) {
    if ((m[off] & 0xc0) === 0xc0) off += 2;
    else {
      while (m[off] !== 0) off += m[off] + 1;
      off += 1;
    }
    const type = m.readUInt16BE(off);
    const len = m.readUInt16BE(off + 8);
    if (type === 1 && len === 4) answers.push([...m.subarray(off + 10, off + 14)].join('.'));
    off += 10 + len;
  }
  const outcome = rcode === 0 ? 'ok' : rcode === 3 ? 'nxdomain' : rcode === 2 ? 'servfail' : rcode === 5 ? 'refused' : 'error';
  done({ outcome, rcode, answers });
});
const [host, port] = server.split(':');
sock.send(q, Number(port ?? 53), host);
