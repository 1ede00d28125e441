#!/usr/bin/env python3
"""
A link delay for the lab, where the kernel has no netem: holds the packets an iptables
`-j NFQUEUE --queue-num N --queue-bypass` rule queues and lets each one go D ms after it arrived,
in arrival order (a FIFO, as a long link or a deep queue delays). Python 3 standard library only.

It speaks the kernel's nfnetlink_queue protocol over a NETLINK_NETFILTER socket (the uapi headers
linux/netlink.h, linux/netfilter/nfnetlink.h and linux/netfilter/nfnetlink_queue.h): it binds the
queue with copy mode META (no payload is copied: only the packet id is needed), a long queue, the
fail-open flag (a full queue passes packets instead of dropping them) and the GSO flag (large
segments are queued whole, not cut up first); then for every packet it notes the time, and once the
oldest held packets are D ms old it accepts them all with one NFQNL_MSG_VERDICT_BATCH ("accept every
id up to N": the kernel numbers a queue's packets in order). On SIGTERM or SIGINT it accepts
everything it holds and exits; if it dies, the kernel drops its queue instance and the rule's
--queue-bypass lets packets pass undelayed: never a blackhole.

usage: _nfq-delay.py --queue N --delay-ms D [--maxlen 100000]
Prints "ready queue=N delay_ms=D" once bound, and on exit how many packets it held.
"""
import argparse
import collections
import errno
import os
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
SOL_NETLINK = 270
NETLINK_NO_ENOBUFS = 5
SO_RCVBUFFORCE = 33

NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLMSG_ERROR = 0x2
NLMSG_DONE = 0x3

NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET = 0
NFQNL_MSG_CONFIG = 2
NFQNL_MSG_VERDICT_BATCH = 3

NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2

NFQA_CFG_CMD = 1
NFQA_CFG_PARAMS = 2
NFQA_CFG_QUEUE_MAXLEN = 3
NFQA_CFG_MASK = 4
NFQA_CFG_FLAGS = 5

NFQNL_CFG_CMD_BIND = 1
NFQNL_CFG_CMD_UNBIND = 2
NFQNL_COPY_META = 1
NFQA_CFG_F_FAIL_OPEN = 1 << 0
NFQA_CFG_F_GSO = 1 << 2

NF_ACCEPT = 1

NLMSG_HDR = struct.Struct("=IHHII")  # len, type, flags, seq, pid (host order)
NLA_HDR = struct.Struct("=HH")  # len, type (host order)
NLA_TYPE_MASK = 0x3FFF  # without NLA_F_NESTED / NLA_F_NET_BYTEORDER


def align4(n):
    return (n + 3) & ~3


def attr(kind, payload):
    body = NLA_HDR.pack(NLA_HDR.size + len(payload), kind) + payload
    return body + b"\0" * (align4(len(body)) - len(body))


class Queue:
    def __init__(self, num):
        self.num = num
        self.seq = 0
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
        for level, opt, val in ((socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20), (SOL_NETLINK, NETLINK_NO_ENOBUFS, 1)):
            try:
                self.sock.setsockopt(level, opt, val)
            except OSError:
                pass  # best effort: a missed packet is still released by the next batch verdict
        self.sock.bind((0, 0))

    def message(self, msg_type, flags, attrs):
        self.seq += 1
        # nfgenmsg: family AF_UNSPEC, version NFNETLINK_V0, res_id = the queue number (network order)
        body = struct.pack("!BBH", socket.AF_UNSPEC, 0, self.num) + b"".join(attrs)
        kind = (NFNL_SUBSYS_QUEUE << 8) | msg_type
        return NLMSG_HDR.pack(NLMSG_HDR.size + len(body), kind, NLM_F_REQUEST | flags, self.seq, 0) + body

    def config(self, attrs, what):
        """Sends one config message and waits for the kernel's acknowledgement."""
        self.sock.send(self.message(NFQNL_MSG_CONFIG, NLM_F_ACK, attrs))
        seq = self.seq
        while True:
            data = self.sock.recv(65536)
            for kind, _flags, mseq, body in split(data):
                if kind == NLMSG_ERROR and mseq == seq:
                    code = -struct.unpack_from("=i", body)[0]
                    if code:
                        raise OSError(code, f"{what}: {os.strerror(code)}")
                    return

    def bind(self, maxlen):
        cmd = lambda c: attr(NFQA_CFG_CMD, struct.pack("!BBH", c, 0, socket.AF_INET))
        self.config([cmd(NFQNL_CFG_CMD_BIND)], f"bind queue {self.num}")
        self.config([attr(NFQA_CFG_PARAMS, struct.pack("!IB", 0, NFQNL_COPY_META))], "copy mode META")
        self.config([attr(NFQA_CFG_QUEUE_MAXLEN, struct.pack("!I", maxlen))], "queue maxlen")
        flags = NFQA_CFG_F_FAIL_OPEN | NFQA_CFG_F_GSO
        self.config([attr(NFQA_CFG_FLAGS, struct.pack("!I", flags)), attr(NFQA_CFG_MASK, struct.pack("!I", flags))], "queue flags")

    def accept_through(self, packet_id):
        """Accepts every queued packet whose id is packet_id or lower (NFQNL_MSG_VERDICT_BATCH)."""
        verdict = attr(NFQA_VERDICT_HDR, struct.pack("!II", NF_ACCEPT, packet_id))
        self.sock.send(self.message(NFQNL_MSG_VERDICT_BATCH, 0, [verdict]))


def split(data):
    """The netlink messages in one datagram: (type, flags, seq, body)."""
    off = 0
    while off + NLMSG_HDR.size <= len(data):
        length, kind, flags, seq, _pid = NLMSG_HDR.unpack_from(data, off)
        if length < NLMSG_HDR.size:
            break
        yield kind, flags, seq, data[off + NLMSG_HDR.size : off + length]
        off += align4(length)


def packet_id(body):
    """The id of a queued packet from an NFQNL_MSG_PACKET body (nfgenmsg, then attributes)."""
    off = 4
    while off + NLA_HDR.size <= len(body):
        length, kind = NLA_HDR.unpack_from(body, off)
        if length < NLA_HDR.size:
            return None
        if kind & NLA_TYPE_MASK == NFQA_PACKET_HDR:
            return struct.unpack_from("!I", body, off + NLA_HDR.size)[0]
        off += align4(length)
    return None


def main():
    ap = argparse.ArgumentParser(description="delay the packets of one NFQUEUE")
    ap.add_argument("--queue", type=int, required=True)
    ap.add_argument("--delay-ms", type=float, required=True)
    ap.add_argument("--maxlen", type=int, default=100000)
    args = ap.parse_args()
    delay = args.delay_ms / 1000.0

    q = Queue(args.queue)
    q.bind(args.maxlen)
    held = collections.deque()  # (release time, packet id), oldest first
    stats = {"held": 0, "batches": 0, "max_held": 0}
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(1))
    print(f"ready queue={args.queue} delay_ms={args.delay_ms:g} pid={os.getpid()}", flush=True)

    poller = select.poll()
    poller.register(q.sock, select.POLLIN)
    pkt_type = (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET
    while not stopping:
        now = time.monotonic()
        last = None
        while held and held[0][0] <= now:
            last = held.popleft()[1]
        if last is not None:
            q.accept_through(last)
            stats["batches"] += 1
        timeout_ms = max(0.0, (held[0][0] - now) * 1000.0) if held else 1000.0
        try:
            ready = poller.poll(timeout_ms)
        except InterruptedError:
            continue
        if not ready:
            continue
        # read what is waiting without blocking, then go back to releasing
        for _ in range(256):
            try:
                data = q.sock.recv(65536, socket.MSG_DONTWAIT)
            except BlockingIOError:
                break
            except OSError as e:
                if e.errno == errno.ENOBUFS:
                    continue  # the kernel dropped messages; their packets leave with a later batch
                raise
            arrived = time.monotonic()
            for kind, _flags, _seq, body in split(data):
                if kind == pkt_type:
                    pid = packet_id(body)
                    if pid is not None:
                        held.append((arrived + delay, pid))
                        stats["held"] += 1
                elif kind == NLMSG_ERROR:
                    code = -struct.unpack_from("=i", body)[0]
                    if code:
                        print(f"kernel error {code} ({os.strerror(code)})", file=sys.stderr, flush=True)
        stats["max_held"] = max(stats["max_held"], len(held))

    if held:
        q.accept_through(held[-1][1])
    try:
        q.config([attr(NFQA_CFG_CMD, struct.pack("!BBH", NFQNL_CFG_CMD_UNBIND, 0, socket.AF_INET))], "unbind")
    except OSError:
        pass
    print(f"stopped: {stats['held']} packets held {args.delay_ms:g} ms, {stats['batches']} batch verdicts, at most {stats['max_held']} held at once", flush=True)


if __name__ == "__main__":
    main()
