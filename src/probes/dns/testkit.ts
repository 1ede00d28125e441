/** Test helpers (not library): real dnsmasq on loopback addresses/ports, started and stopped by PID. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { stopChild } from '../registry/testkit.js';
import { Socket } from 'node:net';

export interface Dnsmasq {
  server: string; // ip:port
  pid: number;
  stop(): Promise<void>;
}

export async function freeUdpPort(address = '127.0.0.1'): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, address, r));
  const p = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

/**
 * dnsmasq that never reads the host's resolv.conf and forwards only where told. A port picked here is free
 * for UDP when picked, but dnsmasq also binds TCP, and test files run in parallel: on "Address already in
 * use" a picked port is picked again (a port the caller names is not).
 */
export async function startDnsmasq(args: string[], address = '127.0.0.1', port?: number, netns?: string): Promise<Dnsmasq> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDnsmasqOn(args, address, port ?? (await freeUdpPort(address)), netns);
    } catch (e) {
      if (port !== undefined || attempt >= 5 || !/Address already in use/.test(String(e))) throw e;
    }
  }
}

async function startDnsmasqOn(args: string[], address: string, p: number, netns?: string): Promise<Dnsmasq> {
  // inside a namespace, `ip netns exec` execs dnsmasq in place: the PID we hold is dnsmasq's
  const child: ChildProcess = spawn(netns ? 'ip' : 'dnsmasq', [...(netns ? ['netns', 'exec', netns, 'dnsmasq'] : []),'--no-daemon', '--conf-file=/dev/null', '--no-resolv', '--no-hosts', '--bind-interfaces', `--listen-address=${address}`, `--port=${p}`, '--user=root', '--cache-size=0', '--log-facility=-', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b) => (err += String(b)));
  const server = `${address}:${p}`;
  const until = Date.now() + 5000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dnsmasq exited: ${err.slice(-400)}`);
    // dnsmasq listens on TCP as well: a TCP accept means it is serving (a UDP query could be forwarded into a black hole)
    const up = netns
      ? err.includes('started')
      : await new Promise<boolean>((r) => {
          const s = new Socket();
          s.once('connect', () => (s.destroy(), r(true)));
          s.once('error', () => r(false));
          s.connect(p, address);
        });
    if (up) break;
    if (Date.now() > until) {
      await stopChild(child);
      throw new Error(`dnsmasq on ${server} did not answer: ${err.slice(-400)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { server, pid: child.pid!, stop: () => stopChild(child) };
}

/** A UDP socket that reads queries and never answers: a DNS black hole on loopback. */
export async function silentUdp(): Promise<{ server: string; close(): Promise<void> }> {
  const s: UdpSocket = createSocket('udp4');
  s.on('message', () => undefined);
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  return { server: `127.0.0.1:${s.address().port}`, close: () => new Promise((r) => s.close(() => r())) };
}
