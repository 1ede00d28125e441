/**
 * The agent's attack surface, as a pod in a shared cluster sees it: the HTTP API (token, ?token=,
 * malformed requests, error details), the watched files (links planted to leak a secret through
 * /api/v1/history), the config file (a FIFO there, a file that tries to switch auth off) and the unix
 * socket path. The CLI cases run the built CLI (`npm run build`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyNode } from '../evidence/node.js';
import { RULES } from '../rules/index.js';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG, type AgentConfig } from './config.js';
import { createAgentServer } from './server.js';

const TOKEN = 'canary-agent-token-8d2f0b';
const tmp: string[] = [];
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  tmp.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fd-agent-sec-'));
  tmp.push(d);
  return d;
};

async function started(config: Partial<AgentConfig>) {
  const agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: dir(), nodeName: 'n1', ...config }, { gatherNode: async () => emptyNode('n1') }, RULES, 'test');
  const server = createAgentServer(agent);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { agent, base: `http://127.0.0.1:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

/** A raw request line, for what fetch refuses to send. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.end(text));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('close', () => resolve(out));
    s.on('error', () => resolve(out));
  });
}

describe('agent HTTP: authentication', () => {
  it('?token= opens the dashboard only: it becomes a cookie and leaves the URL; the API never takes it', async () => {
    const a = await started({ token: TOKEN });
    try {
      expect((await fetch(`${a.base}/api/v1/evidence?token=${TOKEN}`)).status).toBe(401);
      expect((await fetch(`${a.base}/metrics?token=${TOKEN}`)).status).toBe(401);
      const open = await fetch(`${a.base}/?token=${TOKEN}`, { redirect: 'manual' });
      expect(open.status).toBe(303);
      expect(open.headers.get('location')).toBe('./');
      const cookie = open.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toContain(TOKEN);
      const c = cookie.split(';')[0];
      expect((await fetch(`${a.base}/api/v1/status`, { headers: { cookie: c } })).status).toBe(200);
      expect((await fetch(`${a.base}/api/v1/status`, { headers: { cookie: 'fd_session=forged' } })).status).toBe(401);
      expect((await fetch(`${a.base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
      // Through the API server's pod proxy, which drops Authorization
      expect((await fetch(`${a.base}/api/v1/status`, { headers: { 'X-Flannel-Doctor-Token': TOKEN } })).status).toBe(200);
    } finally {
      await a.close();
    }
  });

  it('/metrics is open without the token only when asked for', async () => {
    const closed = await started({ token: TOKEN });
    const open = await started({ token: TOKEN, openMetrics: true });
    try {
      expect((await fetch(`${closed.base}/metrics`)).status).toBe(401);
      expect((await fetch(`${open.base}/metrics`)).status).toBe(200);
      expect((await fetch(`${open.base}/api/v1/evidence`)).status).toBe(401);
    } finally {
      await closed.close();
      await open.close();
    }
  });

  it('a malformed request gets a bare 400, an internal failure a bare 500: no internals, no auth bypass', async () => {
    const a = await started({ token: TOKEN });
    try {
      const r = await raw(a.port, 'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(r).toMatch(/^HTTP\/1\.1 400/);
      expect(r).not.toMatch(/Invalid URL|TypeError|at \w+ \(/);
      expect(await raw(a.port, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
      (a.agent.metrics as unknown as { text: () => Promise<string> }).text = async () => {
        throw new Error('secret internals /var/run/secrets/kubernetes.io/serviceaccount/token');
      };
      const res = await fetch(`${a.base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'internal error' });
    } finally {
      await a.close();
    }
  });

  it('fuzz: whatever the request, nothing but /healthz answers without the token, nothing answers 500, no token in a body', async () => {
    const a = await started({ token: TOKEN });
    const seg = fc.oneof(fc.constantFrom('api', 'v1', 'status', 'evidence', 'history', 'metrics', 'check', '..', '.', '%2e%2e', '', 'healthz', '?token=' + TOKEN, '#'), fc.string({ maxLength: 6 }).map(encodeURIComponent));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(seg, { maxLength: 5 }), fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'), fc.constantFrom<Record<string, string>>({}, { Authorization: 'Bearer ' }, { Authorization: `Basic ${TOKEN}` }, { cookie: `fd_session=${TOKEN}` }, { 'X-Flannel-Doctor-Token': TOKEN.slice(1) }), async (parts, method, headers) => {
          const path = '/' + parts.join('/');
          const res = await fetch(a.base + path, { method, headers, redirect: 'manual' });
          const body = await res.text();
          expect(res.status).not.toBe(500);
          expect(body).not.toContain(TOKEN);
          const p = new URL('http://x' + path).pathname.replace(/\/+$/, '') || '/';
          if (res.status === 200) expect(p, path).toMatch(/^\/healthz$/);
        }),
        { numRuns: 300 },
      );
    } finally {
      await a.close();
    }
  }, 60_000);
});

describe('agent: watched files and history', () => {
  it('a watched path linked to a file outside the host root never reaches /api/v1/history', async () => {
    const root = dir();
    const outside = join(dir(), 'token');
    writeFileSync(outside, 'eyJhbGciOiJSUzI1NiJ9.CANARY-SA-TOKEN.sig\n');
    mkdirSync(join(root, 'etc/cni/net.d'), { recursive: true });
    writeFileSync(join(root, 'etc/cni/net.d/10-flannel.conflist'), '{"name":"cbr0"}\n');
    const a = await started({ token: TOKEN, hostRoot: root });
    try {
      await a.agent.checkNow();
      rmSync(join(root, 'etc/cni/net.d/10-flannel.conflist'));
      symlinkSync(outside, join(root, 'etc/cni/net.d/10-flannel.conflist'));
      await a.agent.checkNow();
      const body = await (await fetch(`${a.base}/api/v1/history`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      expect(body).not.toContain('CANARY-SA-TOKEN');
      expect(JSON.parse(body).changes.map((c: { file: string }) => c.file)).toEqual(['/etc/cni/net.d/10-flannel.conflist']);
    } finally {
      await a.close();
    }
  });

  it('registry credentials in a changed containerd config are redacted in the history diff', async () => {
    const root = dir();
    mkdirSync(join(root, 'etc/containerd'), { recursive: true });
    const f = join(root, 'etc/containerd/config.toml');
    writeFileSync(f, 'version = 2\n');
    const a = await started({ hostRoot: root });
    try {
      await a.agent.checkNow();
      writeFileSync(f, 'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry.configs."reg.example".auth]\n  username = "robot"\n  password = "CANARY-pw-5e1d"\n  auth = "Q0FOQVJZLWF1dGg="\n');
      await a.agent.checkNow();
      const text = JSON.stringify(a.agent.history.configChanges());
      expect(text).toContain('containerd/config.toml');
      expect(text).not.toContain('CANARY-pw-5e1d');
      expect(text).not.toContain('Q0FOQVJZLWF1dGg=');
    } finally {
      await a.close();
    }
  });
});

const CLI = new URL('../../bin/flannel-doctor.cjs', import.meta.url).pathname;
const built = existsSync(new URL('../../dist/cli.js', import.meta.url));

/** GET over the agent's unix socket. */
function get(socketPath: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, headers, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

async function until<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

function serve(args: string[], env: Record<string, string> = {}): ChildProcess {
  const p = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FLANNEL_DOCTOR_TOKEN: '', ...env } });
  procs.push(p);
  return p;
}

describe.skipIf(!built)('flannel-doctor serve', () => {
  it('a config file with token: "" cannot switch off the token given by flag, even after it is re-read', async () => {
    const d = dir();
    const cfg = join(d, 'agent.yaml');
    writeFileSync(cfg, 'token: ""\nopenMetrics: true\nintervalSeconds: 1\n');
    const sock = join(d, 'agent.sock');
    const p = serve(['--host-root', d, '--name', 'n1', '--config', cfg, '--token', TOKEN, '--listen', `unix:${sock}`, '--interval', '1']);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    // wait for two checks: the file is re-read before each
    const checked = await until(async () => {
      const s = await get(sock, '/api/v1/status', auth);
      return s.status === 200 && JSON.parse(s.body).lastCheckAt ? s : undefined;
    }, 15_000);
    expect(checked).toBeDefined();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await get(sock, '/api/v1/status')).status).toBe(401);
    expect((await get(sock, '/api/v1/evidence')).status).toBe(401);
    expect((await get(sock, '/metrics')).status).toBe(401);
    p.kill('SIGTERM');
  }, 30_000);

  it('a FIFO as the config file neither blocks start-up nor /healthz nor SIGTERM; the problem is shown', async () => {
    const d = dir();
    const cfg = join(d, 'agent.yaml');
    execFileSync('mkfifo', [cfg]);
    const sock = join(d, 'agent.sock');
    const p = serve(['--host-root', d, '--name', 'n1', '--config', cfg, '--token', TOKEN, '--listen', `unix:${sock}`]);
    const health = await until(async () => ((await get(sock, '/healthz')).status === 200 ? true : undefined), 8000);
    expect(health).toBe(true);
    const status = JSON.parse((await get(sock, '/api/v1/status', { Authorization: `Bearer ${TOKEN}` })).body);
    expect(status.configProblem).toEqual({ file: cfg, message: expect.stringMatching(/FIFO/) });
    const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
    p.kill('SIGTERM');
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('hung'), 5000))])).toBe(0);
  }, 30_000);

  it('--listen unix:PATH replaces a stale socket but never deletes a regular file there', async () => {
    const d = dir();
    const victim = join(d, 'important.db');
    writeFileSync(victim, 'keep me\n');
    const p = serve(['--host-root', d, '--name', 'n1', '--token', TOKEN, '--listen', `unix:${victim}`]);
    let err = '';
    p.stderr!.on('data', (c) => (err += c));
    const code = await new Promise<number | null>((r) => p.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/not a socket|other than a socket/);
  }, 20_000);
});
