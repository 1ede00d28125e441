/**
 * A DNS query lost once on the wire is sent again, as resolvers retransmit: the probe's client and the
 * lab's dns-query.mjs, against a UDP server on loopback that drops the first query it gets.
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { queryDns } from './client.js';

/** A server that ignores the first `drop` queries and answers NXDOMAIN to the rest. */
async function lossyServer(drop: number): Promise<{ server: string; seen(): number; close(): void }> {
  const sock = createSocket('udp4');
  let n = 0;
  sock.on('message', (q, rinfo) => {
    if (++n <= drop) return;
    const a = Buffer.from(q);
    a[2] = 0x81; // QR, RD
    a[3] = 0x83; // RA, NXDOMAIN
    sock.send(a, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
  return { server: `127.0.0.1:${sock.address().port}`, seen: () => n, close: () => sock.close() };
}

describe('a lost DNS query is asked again', () => {
  it('the probe client: the second send is answered within the timeout', async () => {
    const s = await lossyServer(1);
    try {
      const r = await queryDns(s.server, 'nope.example.lab', 1, 800);
      expect([r.outcome, s.seen()]).toEqual(['nxdomain', 2]);
    } finally {
      s.close();
    }
  });

  it('the probe client: a server that never answers still times out in the time given, asked twice', async () => {
    const s = await lossyServer(99);
    try {
      const t0 = Date.now();
      const r = await queryDns(s.server, 'nope.example.lab', 1, 400);
      expect(r.outcome).toBe('timeout');
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(s.seen()).toBe(2);
    } finally {
      s.close();
    }
  });

  it("the lab's dns-query.mjs does the same", async () => {
    const s = await lossyServer(1);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['lab/bin/dns-query.mjs', s.server, '800', 'nope.example.lab']);
      expect([JSON.parse(stdout).outcome, s.seen()]).toEqual(['nxdomain', 2]);
    } finally {
      s.close();
    }
  });
});
