#!/usr/bin/env node
// flannel-doctor lab: DNS A queries over UDP, run inside a lab namespace (`ip netns exec`). The lab has
// no dig; this keeps probes dependency-free.
//   dns-query.mjs <server[:port]> <timeoutMs> <name> [name…]
// Asks each name in turn (a resolver's search walk) until one answers with addresses, and prints one JSON
// line: {"outcome","ms","answers","rcode","steps":[{name,outcome,ms}]} (ms = time spent on the wire).
import dgram from 'node:dgram';

const [server, timeoutArg, ...names] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg ?? 2000);
const [host, port] = server.split(':');
const sock = dgram.createSocket('udp4');
sock.on('error', () => undefined);

function query(name) {
  const id = Math.floor(Math.random() * 65535);
  const labels = name.replace(/\.$/, '').split('.');
  const q = Buffer.concat([
    Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
    ...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
    Buffer.from([0, 0, 1, 0, 1]),
  ]);
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number((process.hrtime.bigint() - t0) / 1000000n);
    const finish = (o) => {
      clearTimeout(timer);
      clearTimeout(again);
      sock.off('message', onMsg);
      resolve({ ...o, ms: ms() });
    };
    const timer = setTimeout(() => finish({ outcome: 'timeout' }), timeoutMs);
    // unanswered at half the time: the same query again, as a resolver retransmits (one lost datagram is not a dead server)
    const again = setTimeout(() => sock.send(q, Number(port ?? 53), host, () => undefined), timeoutMs / 2);
    const onMsg = (m) => {
      if (m.readUInt16BE(0) !== id) return;
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
      finish({ outcome, rcode, answers });
    };
    sock.on('message', onMsg);
    sock.send(q, Number(port ?? 53), host, (err) => err && finish({ outcome: 'error', error: err.message }));
  });
}

const steps = [];
let last = { outcome: 'error', ms: 0 };
let total = 0;
for (const name of names) {
  last = await query(name);
  total += last.ms;
  steps.push({ name, outcome: last.outcome, ms: last.ms });
  if (last.outcome === 'ok' && last.answers?.length) break;
}
process.stdout.write(JSON.stringify({ ...last, ms: total, ...(names.length > 1 ? { steps } : {}) }) + '\n');
sock.close();
