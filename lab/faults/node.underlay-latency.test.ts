/**
 * The delay fault's rules and identity, and the delayer's wire format checked byte by byte against the
 * nfnetlink_queue layout written out here independently (the kernel's uapi: nlmsghdr in host order,
 * nfgenmsg with the queue number in network order, attributes padded to 4). On the real lab, where the
 * kernel answers the delayer: lab/underlay-latency.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabHandle, LabNode } from '../types.js';
import { packageRoot } from '../package-root.js';
import { FAULTS } from './index.js';
import fault, { DELAYER, delayRules, pidKey, queueOf } from './node.underlay-latency.js';

const node = (name: string, index?: number): LabNode => ({ name, netns: `fl-${name}`, ip: `172.31.250.1${name.slice(1)}`, podCIDR: '10.244.0.0/24', root: '/nonexistent', arch: 'amd64', ...(index ? { index } : {}) });

describe('lab fault node.underlay-latency', () => {
  it("queues every packet from and to the node's underlay address, with --queue-bypass, one queue per node", () => {
    expect(delayRules('172.31.250.12', queueOf(node('n2', 2)))).toEqual([
      ['-t', 'raw', 'PREROUTING', '-s', '172.31.250.12/32', '-j', 'NFQUEUE', '--queue-num', '7002', '--queue-bypass'],
      ['-t', 'raw', 'PREROUTING', '-d', '172.31.250.12/32', '-j', 'NFQUEUE', '--queue-num', '7002', '--queue-bypass'],
    ]);
    expect(queueOf(node('n3'))).toBe(7003);
    expect(queueOf(node('n1', 1))).not.toBe(queueOf(node('n2', 2)));
  });

  it('is placed on a node, judged with the bandwidth probe; the revert removes every copy of its rules and forgets the delayer', async () => {
    expect(FAULTS.find((f) => f.id === 'node.underlay-latency')).toMatchObject({ cause: 'node.underlay-latency', where: 'node', nodeBound: true, judgedWith: ['bandwidth'] });
    const rules = ['raw PREROUTING -s 172.31.250.12/32 -j NFQUEUE --queue-num 7002 --queue-bypass', 'raw PREROUTING -s 172.31.250.12/32 -j NFQUEUE --queue-num 7002 --queue-bypass', 'raw PREROUTING -d 172.31.250.12/32 -j NFQUEUE --queue-num 7002 --queue-bypass', 'filter INPUT -j ACCEPT'];
    const lab = {
      state: { nodes: [node('n1', 1), node('n2', 2)], underlay: { netns: 'fl-u' }, pids: { [pidKey('n2')]: 2 ** 22 + 7 } },
      node: (n: string) => node(n, Number(n.slice(1))),
      async exec(netns: string, argv: string[]) {
        expect(netns).toBe('fl-u');
        const [cmd, , table, op, chain, ...spec] = argv;
        expect([cmd, op]).toEqual(['iptables', '-D']);
        const i = rules.indexOf(`${table} ${chain} ${spec.join(' ')}`);
        if (i < 0) return { stdout: '', stderr: 'Bad rule', code: 1 };
        rules.splice(i, 1);
        return { stdout: '', stderr: '', code: 0 };
      },
    } as unknown as LabHandle;
    await fault.revert.call({ id: 'node.underlay-latency', cause: 'node.underlay-latency', nodeBound: true }, lab, { queue: 7002 }, 'n2');
    expect(rules).toEqual(['filter INPUT -j ACCEPT']);
    expect(lab.state.pids[pidKey('n2')]).toBeUndefined();
  });

  it("the delayer's messages are nfnetlink_queue's layout: bind config, copy mode META, flags with mask, batch verdict", () => {
    const script = join(packageRoot(), 'lab', 'faults', DELAYER);
    const py = `
import importlib.util, struct, sys
spec = importlib.util.spec_from_file_location("d", sys.argv[1]); d = importlib.util.module_from_spec(spec); spec.loader.exec_module(d)
q = d.Queue.__new__(d.Queue); q.num = 7002; q.seq = 0
out = []
out.append(q.message(d.NFQNL_MSG_CONFIG, d.NLM_F_ACK, [d.attr(d.NFQA_CFG_CMD, struct.pack("!BBH", d.NFQNL_CFG_CMD_BIND, 0, 2))]))
out.append(q.message(d.NFQNL_MSG_CONFIG, d.NLM_F_ACK, [d.attr(d.NFQA_CFG_PARAMS, struct.pack("!IB", 0, d.NFQNL_COPY_META))]))
f = d.NFQA_CFG_F_FAIL_OPEN | d.NFQA_CFG_F_GSO
out.append(q.message(d.NFQNL_MSG_CONFIG, d.NLM_F_ACK, [d.attr(d.NFQA_CFG_FLAGS, struct.pack("!I", f)), d.attr(d.NFQA_CFG_MASK, struct.pack("!I", f))]))
out.append(q.message(d.NFQNL_MSG_VERDICT_BATCH, 0, [d.attr(d.NFQA_VERDICT_HDR, struct.pack("!II", d.NF_ACCEPT, 4242))]))
# a packet message as the kernel sends it: nfgenmsg, then NFQA_PACKET_HDR (id 77, hw_protocol 0x0800, hook 0)
pkt = struct.pack("!BBH", 2, 0, 7002) + struct.pack("=HH", 11, 1) + struct.pack("!IHB", 77, 0x0800, 0) + b"\\0"
msg = struct.pack("=IHHII", 16 + len(pkt), (3 << 8) | 0, 0, 0, 0) + pkt
parsed = [(k, d.packet_id(b)) for k, _f, _s, b in d.split(msg + msg)]
print(" ".join(m.hex() for m in out)); print(parsed)
`;
    const [messages, parsed] = execFileSync('python3', ['-c', py, script], { encoding: 'utf8' }).trim().split('\n');
    // the same messages built here from the uapi layout
    const le32 = (n: number) => Buffer.from(Uint32Array.of(n).buffer);
    const le16 = (n: number) => Buffer.from(Uint16Array.of(n).buffer);
    const be32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    const attr = (type: number, payload: Buffer) => {
      const body = Buffer.concat([le16(4 + payload.length), le16(type), payload]);
      return Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    };
    const msg = (type: number, flags: number, seq: number, attrs: Buffer[]) => {
      const body = Buffer.concat([Buffer.from([0, 0, 0x1b, 0x5a]), ...attrs]); // AF_UNSPEC, NFNETLINK_V0, queue 7002 big-endian
      return Buffer.concat([le32(16 + body.length), le16((3 << 8) | type), le16(1 | flags), le32(seq), le32(0), body]).toString('hex');
    };
    expect(messages!.split(' ')).toEqual([
      msg(2, 4, 1, [attr(1, Buffer.from([1, 0, 0, 2]))]), // NFQA_CFG_CMD: BIND, pf AF_INET
      msg(2, 4, 2, [attr(2, Buffer.concat([be32(0), Buffer.from([1])]))]), // NFQA_CFG_PARAMS: copy_range 0, NFQNL_COPY_META (packed, 5 bytes)
      msg(2, 4, 3, [attr(5, be32(5)), attr(4, be32(5))]), // NFQA_CFG_FLAGS and NFQA_CFG_MASK: FAIL_OPEN | GSO
      msg(3, 0, 4, [attr(2, Buffer.concat([be32(1), be32(4242)]))]), // NFQNL_MSG_VERDICT_BATCH: NF_ACCEPT every id up to 4242
    ]);
    expect(parsed).toBe('[(768, 77), (768, 77)]');
  });
});
