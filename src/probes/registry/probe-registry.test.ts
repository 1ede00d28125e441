import { createServer as createHttpServer, type Server } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryProbeResult } from '../../evidence/probes.js';
import { judgeRegistry } from '../../rules/_registry-verdict.js';
import { probeRegistry as measure, type RegistryProbeOptions } from './probe-registry.js';
import { cleanup, freePort, htpasswdFile, makePki, pushImage, rawServer, slowServer, startRegistry, statusServer, tarpit, tempDir, type Pki, type RunningRegistry, type TinyServer } from './testkit.js';

const PASSWORD = 's3cret-pa55word';

/** The probe's results as the rules read them: judged (src/rules/_registry-verdict.ts). The probe itself only records. */
const probeRegistry = async (images: string[], opts?: RegistryProbeOptions): Promise<RegistryProbeResult[]> => (await measure(images, opts)).map(judgeRegistry);
let dir: string;
let pki: Pki;
const regs: Record<string, RunningRegistry> = {};
const tiny: TinyServer[] = [];
const servers: Server[] = [];
let trusted: string; // host root with the CA in hosts.toml for every reg.test port
let bare: string; // host root without any registry config

function hostRoot(name: string, certs: Record<string, string> = {}): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc/hosts'), '127.0.0.1 localhost\n127.0.0.1 reg.test other.test proxy.test\n');
  // nothing listens on 127.0.0.1:53 here: real lookups fail fast with connection refused
  writeFileSync(join(root, 'etc/resolv.conf'), 'nameserver 127.0.0.1\noptions ndots:1\n');
  for (const [host, toml] of Object.entries(certs)) {
    mkdirSync(join(root, 'etc/containerd/certs.d', host), { recursive: true });
    writeFileSync(join(root, 'etc/containerd/certs.d', host, 'hosts.toml'), toml);
  }
  // `ca = "/…"` is a path on the node: the node's tree holds the CA at that path.
  if (pki) {
    mkdirSync(join(root, dirname(pki.caCert)), { recursive: true });
    copyFileSync(pki.caCert, join(root, pki.caCert));
  }
  return root;
}

function secretFile(user: string, pass: string, key: string): string {
  const f = join(dir, `secret-${user}-${key.replace(/\W/g, '_')}.json`);
  const cfg = { auths: { [key]: { auth: Buffer.from(`${user}:${pass}`).toString('base64') } } };
  writeFileSync(f, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(JSON.stringify(cfg)).toString('base64') } }));
  return f;
}

const one = async (image: string, opts: Parameters<typeof probeRegistry>[1]): Promise<RegistryProbeResult> => (await probeRegistry([image], opts))[0]!;

beforeAll(async () => {
  dir = tempDir('fd-probe-reg-');
  mkdirSync(join(dir, 'pki'));
  pki = makePki(join(dir, 'pki'));
  const storage = join(dir, 'storage');
  mkdirSync(storage);
  regs.plain = await startRegistry({ storage, dir });
  await pushImage(regs.plain.url, 'app/ok', '1', ['linux/amd64']);
  await pushImage(regs.plain.url, 'app/multi', '1', ['linux/amd64', 'linux/arm64']);
  await pushImage(regs.plain.url, 'app/armonly', '1', ['linux/arm64', 'linux/s390x']);
  const htpasswd = htpasswdFile(dir, 'puller', PASSWORD);
  // one at a time, each recorded at once: a failing start never orphans the others
  regs.tls = await startRegistry({ storage, dir, tls: pki.server });
  regs.auth = await startRegistry({ storage, dir, tls: pki.server, htpasswd });
  regs.wrong = await startRegistry({ storage, dir, tls: pki.wrongName });
  regs.expired = await startRegistry({ storage, dir, tls: pki.expired });
  const ca = `ca = "${pki.caCert}"\n`;
  trusted = hostRoot('trusted', Object.fromEntries(Object.values(regs).map((r) => [`reg.test:${r.port}`, ca])));
  bare = hostRoot('bare');
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(regs).map((r) => r.stop()));
  await Promise.all(tiny.map((t) => t.close()));
  for (const s of servers) s.close();
  if (dir) cleanup(dir);
});

describe('probeRegistry against a real docker-registry', () => {
  it('a healthy TLS registry: every phase passes and is timed', async () => {
    const r = await one(`reg.test:${regs.tls!.port}/app/ok:1`, { hostRoot: trusted, arch: 'amd64', node: 'n1' });
    expect(r.ok, JSON.stringify(r.phases)).toBe(true);
    expect(r.cause).toBeUndefined();
    expect(r.phases.map((p) => p.name)).toEqual(['dns', 'tcp', 'tls', 'v2', 'manifest', 'platform']);
    expect(r.phases.every((p) => p.ok && p.ms >= 0)).toBe(true);
    expect(r.digest).toMatch(/^sha256:/);
    expect(r.node).toBe('n1');
  });

  it('several images of one registry reuse the keep-alive connection, the /v2/ answer and the credentials', async () => {
    const image = (t: string) => `reg.test:${regs.auth!.port}/app/${t}`;
    const rs = await probeRegistry([image('ok:1'), image('multi:1'), image('ok:nope')], { hostRoot: trusted, arch: 'amd64', concurrency: 1, pullSecret: secretFile('puller', PASSWORD, `reg.test:${regs.auth!.port}`) });
    expect(rs.map((r) => r.cause ?? 'ok')).toEqual(['ok', 'ok', 'image.not-found']);
    expect(rs[0]!.phases.map((p) => p.name)).toEqual(['dns', 'tcp', 'tls', 'v2', 'auth', 'manifest', 'platform']);
    expect(rs[1]!.phases.map((p) => p.name)).toEqual(['connect', 'v2', 'auth', 'manifest', 'platform']);
    expect(rs[1]!.phases[0]!.detail).toContain('reused');
    const fresh = await probeRegistry([image('ok:1'), image('multi:1')], { hostRoot: trusted, arch: 'amd64', concurrency: 1, reuse: false, pullSecret: secretFile('puller', PASSWORD, `reg.test:${regs.auth!.port}`) });
    expect(fresh[1]!.phases.map((p) => p.name)).toContain('tls');
  });

  it('an index containing the node platform passes; one without it is image.platform-mismatch', async () => {
    const multi = await one(`reg.test:${regs.tls!.port}/app/multi:1`, { hostRoot: trusted, arch: 'arm64' });
    expect(multi.ok, JSON.stringify(multi.phases)).toBe(true);
    const arm = await one(`reg.test:${regs.tls!.port}/app/armonly:1`, { hostRoot: trusted, arch: 'amd64' });
    expect([arm.cause, arm.failedPhase]).toEqual(['image.platform-mismatch', 'platform']);
    expect(arm.phases.at(-1)!.error).toContain('linux/amd64');
    const single = await one(`reg.test:${regs.tls!.port}/app/ok:1`, { hostRoot: trusted, arch: 'arm64' });
    expect(single.cause).toBe('image.platform-mismatch');
  });

  it('a missing tag is image.not-found at the manifest phase', async () => {
    const r = await one(`reg.test:${regs.tls!.port}/app/ok:nope`, { hostRoot: trusted });
    expect([r.cause, r.failedPhase]).toEqual(['image.not-found', 'manifest']);
    // the probe records the registry's answer and names no cause for it
    const [raw] = await measure([`reg.test:${regs.tls!.port}/app/ok:nope`], { hostRoot: trusted });
    expect([raw!.cause, raw!.attempts?.map((a) => [a.cause, a.answer?.status, a.answer?.code])]).toEqual([undefined, [[undefined, 404, undefined]]]); // HEAD: no body, so no error code
  });

  it('a CA the node does not trust is registry.tls-untrusted', async () => {
    const r = await one(`reg.test:${regs.tls!.port}/app/ok:1`, { hostRoot: bare });
    expect([r.cause, r.failedPhase]).toEqual(['registry.tls-untrusted', 'tls']);
  });

  it('the probe records what it saw (step, code, plain text, HTTP answer) and names no cause: the rules do', async () => {
    const port = await freePort();
    const images = [`reg.test:${regs.tls!.port}/app/ok:1`, `reg.test:${regs.wrong!.port}/app/ok:1`, `reg.test:${regs.expired!.port}/app/ok:1`, `reg.test:${regs.plain!.port}/app/ok:1`, `reg.test:${port}/app/ok:1`];
    const raw = [...(await measure(images.slice(0, 1), { hostRoot: bare })), ...(await measure(images.slice(1, 3), { hostRoot: trusted })), ...(await measure(images.slice(3, 4), { hostRoot: bare })), ...(await measure(images.slice(4), { hostRoot: trusted }))];
    expect(raw.flatMap((r) => [r.cause, ...(r.attempts ?? []).map((a) => a.cause)]).filter(Boolean)).toEqual([]);
    const seen = raw.map((r) => r.attempts![0]!.failure);
    expect(seen[0]).toMatchObject({ step: 'x509', code: expect.stringMatching(/SELF_SIGNED|ISSUER|UNABLE_TO_VERIFY/) });
    expect(seen[1]).toEqual({ step: 'x509', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(seen[2]).toEqual({ step: 'x509', code: 'CERT_HAS_EXPIRED' });
    expect(seen[3]).toMatchObject({ step: 'tls', code: expect.stringMatching(/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST/), plaintext: true, answersHttp: true });
    expect(seen[4]).toEqual({ step: 'tcp', code: 'ECONNREFUSED' });
  });

  it('skip_verify in hosts.toml accepts the untrusted certificate', async () => {
    const root = hostRoot('skip', { [`reg.test:${regs.tls!.port}`]: 'skip_verify = true\n' });
    const r = await one(`reg.test:${regs.tls!.port}/app/ok:1`, { hostRoot: root, arch: 'amd64' });
    expect(r.ok, JSON.stringify(r.phases)).toBe(true);
  });

  it('a certificate for another name is registry.tls-name-mismatch', async () => {
    const r = await one(`reg.test:${regs.wrong!.port}/app/ok:1`, { hostRoot: trusted });
    expect([r.cause, r.failedPhase]).toEqual(['registry.tls-name-mismatch', 'tls']);
    expect(r.phases.find((p) => p.name === 'tls')!.error).toContain('other.test');
  });

  it('an expired certificate is registry.tls-expired-or-clock and names the node clock', async () => {
    const r = await one(`reg.test:${regs.expired!.port}/app/ok:1`, { hostRoot: trusted });
    expect([r.cause, r.failedPhase]).toEqual(['registry.tls-expired-or-clock', 'tls']);
    expect(r.phases.find((p) => p.name === 'tls')!.error).toMatch(/current time .* is after 2021-01-01/);
  });

  it('a plain-HTTP registry spoken to with TLS is registry.http-to-https; an http:// server in hosts.toml works', async () => {
    const r = await one(`reg.test:${regs.plain!.port}/app/ok:1`, { hostRoot: bare });
    expect([r.cause, r.failedPhase]).toEqual(['registry.http-to-https', 'tls']);
    const root = hostRoot('http', { [`reg.test:${regs.plain!.port}`]: `server = "http://reg.test:${regs.plain!.port}"\n` });
    const ok = await one(`reg.test:${regs.plain!.port}/app/ok:1`, { hostRoot: root, arch: 'amd64' });
    expect(ok.ok, JSON.stringify(ok.phases)).toBe(true);
    expect(ok.phases.map((p) => p.name)).not.toContain('tls');
  });

  it('htpasswd auth: no credentials → image.auth-missing, wrong → image.auth-rejected, right → ok; the password never appears', async () => {
    const image = `reg.test:${regs.auth!.port}/app/ok:1`;
    const missing = await one(image, { hostRoot: trusted });
    expect([missing.cause, missing.failedPhase]).toEqual(['image.auth-missing', 'auth']);
    const wrong = await one(image, { hostRoot: trusted, pullSecret: secretFile('puller', 'wrong-password', `reg.test:${regs.auth!.port}`) });
    expect([wrong.cause, wrong.failedPhase]).toEqual(['image.auth-rejected', 'manifest']);
    const otherHost = await one(image, { hostRoot: trusted, pullSecret: secretFile('puller', PASSWORD, 'reg.test') });
    expect(otherHost.cause, 'key without the port does not match').toBe('image.auth-missing');
    const good = await one(image, { hostRoot: trusted, arch: 'amd64', pullSecret: secretFile('puller', PASSWORD, `https://reg.test:${regs.auth!.port}`) });
    expect(good.ok, JSON.stringify(good.phases)).toBe(true);
    expect(good.credentials).toEqual({ key: `https://reg.test:${regs.auth!.port}` });
    const all = JSON.stringify([missing, wrong, good]);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(Buffer.from(`puller:${PASSWORD}`).toString('base64'));
  });

  it('nothing listening is registry.connection-refused; an unknown name is registry.dns', async () => {
    const port = await freePort();
    const refused = await one(`reg.test:${port}/app/ok:1`, { hostRoot: trusted });
    expect([refused.cause, refused.failedPhase]).toEqual(['registry.connection-refused', 'tcp']);
    const dns = await one(`nowhere.invalid:5000/app/ok:1`, { hostRoot: trusted });
    expect([dns.cause, dns.failedPhase]).toEqual(['registry.dns', 'dns']);
    expect(dns.phases[0]!.error).toContain('lookup nowhere.invalid on 127.0.0.1:53');
  });

  it('an invalid reference is image.invalid-reference without touching the network', async () => {
    const r = await one('Reg.Test/UPPER:1', { hostRoot: trusted });
    expect(r.cause).toBe('image.invalid-reference');
  });

  it('429 is image.rate-limited with the rate-limit headers; 500 is registry.server-error', async () => {
    const limited = await statusServer(429, 'Too Many Requests', { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '0;w=21600' }, '{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}');
    const broken = await statusServer(500, 'Internal Server Error');
    tiny.push(limited, broken);
    const root = hostRoot('status', {
      [`reg.test:${limited.port}`]: `server = "http://reg.test:${limited.port}"\n`,
      [`reg.test:${broken.port}`]: `server = "http://reg.test:${broken.port}"\n`,
    });
    const r429 = await one(`reg.test:${limited.port}/app/ok:1`, { hostRoot: root });
    expect(r429.cause).toBe('image.rate-limited');
    expect(r429.rateLimit).toEqual({ limit: '100;w=21600', remaining: '0;w=21600' });
    const r500 = await one(`reg.test:${broken.port}/app/ok:1`, { hostRoot: root });
    expect([r500.cause, r500.failedPhase]).toEqual(['registry.server-error', 'v2']);
  });

  it('a broken mirror before a working server: the pull works but the mirror is registry.mirror-misconfigured', async () => {
    const dead = await freePort();
    const root = hostRoot('mirror', { [`reg.test:${regs.tls!.port}`]: `server = "https://reg.test:${regs.tls!.port}"\nca = "${pki.caCert}"\n\n[host."https://reg.test:${dead}"]\n  capabilities = ["pull", "resolve"]\n` });
    const r = await one(`reg.test:${regs.tls!.port}/app/ok:1`, { hostRoot: root, arch: 'amd64' });
    expect(r.ok).toBe(true);
    expect(r.cause).toBe('registry.mirror-misconfigured');
    expect(r.attempts!.map((a) => [a.mirror, a.ok, a.cause])).toEqual([
      [true, false, 'registry.connection-refused'],
      [false, true, undefined],
    ]);
    const mirrorOk = hostRoot('mirror-ok', { [`reg.test:${regs.auth!.port}`]: `[host."https://reg.test:${regs.tls!.port}"]\n  capabilities = ["pull", "resolve"]\n  ca = "${pki.caCert}"\n` });
    const viaMirror = await one(`reg.test:${regs.auth!.port}/app/ok:1`, { hostRoot: mirrorOk, arch: 'amd64' });
    expect(viaMirror.ok).toBe(true);
    expect(viaMirror.cause).toBeUndefined();
    expect(viaMirror.endpoint).toBe(`https://reg.test:${regs.tls!.port}`);
  });

  it('override_path: the server URL already is the API root; capabilities without resolve leave no host', async () => {
    const port = await freePort();
    const seen: string[] = [];
    const srv = createHttpServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (!req.url!.startsWith('/custom/api/') || req.url!.startsWith('/custom/api/v2')) return res.writeHead(404).end();
      return res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Docker-Content-Digest': 'sha256:' + '2'.repeat(64) }).end('{}');
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    const ns = `reg.test:${port}`;
    const over = hostRoot('override', { [ns]: `server = "http://reg.test:${port}/custom/api"\noverride_path = true\n` });
    const ok = await one(`${ns}/app/ok:1`, { hostRoot: over, checkPlatform: false });
    expect(ok.ok, JSON.stringify(ok.phases)).toBe(true);
    expect(seen).toEqual(['GET /custom/api/', 'HEAD /custom/api/app/ok/manifests/1']);
    const plain = hostRoot('no-override', { [ns]: `server = "http://reg.test:${port}/custom/api"\n` });
    const wrong = await one(`${ns}/app/ok:1`, { hostRoot: plain });
    expect([wrong.cause, wrong.failedPhase]).toEqual(['registry.server-error', 'v2']);
    expect(wrong.phases.at(-1)!.error).toContain('override_path');
    const pushOnly = hostRoot('push-only', { [ns]: `server = "http://reg.test:${port}"\ncapabilities = ["push"]\n` });
    const none = await one(`${ns}/app/ok:1`, { hostRoot: pushOnly });
    expect([none.cause, none.failedPhase]).toEqual(['registry.mirror-misconfigured', 'hosts']);
  });

  it('Bearer token flow: anonymous token refused → auth-missing; good credentials → ok; bad → auth-rejected', async () => {
    const port = await freePort();
    const srv = createHttpServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      if (req.url!.startsWith('/token')) {
        const ok = auth === 'Basic ' + Buffer.from(`robot:${PASSWORD}`).toString('base64');
        const u = new URL(req.url!, 'http://x');
        if (!ok || u.searchParams.get('scope') !== 'repository:team/app:pull' || u.searchParams.get('service') !== 'tok.test') return res.writeHead(401).end('{}');
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 'T0KEN' }));
      }
      if (auth !== 'Bearer T0KEN') return res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://reg.test:${port}/token",service="tok.test",scope="repository:team/app:pull"` }).end();
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      return res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.index.v1+json', 'Docker-Content-Digest': 'sha256:' + '0'.repeat(64) }).end(JSON.stringify({ manifests: [{ digest: 'sha256:' + '1'.repeat(64), platform: { os: 'linux', architecture: 'amd64' } }] }));
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    const root = hostRoot('bearer', { [`reg.test:${port}`]: `server = "http://reg.test:${port}"\n` });
    const image = `reg.test:${port}/team/app:1`;
    const anon = await one(image, { hostRoot: root });
    expect([anon.cause, anon.failedPhase]).toEqual(['image.auth-missing', 'auth']);
    const bad = await one(image, { hostRoot: root, pullSecret: secretFile('robot', 'nope', `reg.test:${port}`) });
    expect(bad.cause).toBe('image.auth-rejected');
    const good = await one(image, { hostRoot: root, arch: 'amd64', pullSecret: secretFile('robot', PASSWORD, `reg.test:${port}`) });
    expect(good.ok, JSON.stringify(good.phases)).toBe(true);
    expect(good.phases.map((p) => p.name)).toEqual(['dns', 'tcp', 'v2', 'auth', 'manifest', 'platform']);
    expect(JSON.stringify(good)).not.toContain('T0KEN');
  });

  it('HTTPS_PROXY: CONNECT through a working proxy succeeds; a refusing proxy is registry.proxy; NO_PROXY bypasses it', async () => {
    const proxy = await rawServer((client) => {
      client.once('data', (b: Buffer) => {
        const m = /^CONNECT ([^:]+):(\d+) /.exec(b.toString());
        if (!m) return client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
        const up: Socket = netConnect(Number(m[2]), '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection established\r\n\r\n');
          client.pipe(up).pipe(client);
        });
        up.on('error', () => client.destroy());
        client.on('close', () => up.destroy());
      });
    });
    const denying = await rawServer((c) => c.once('data', () => c.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n')));
    tiny.push(proxy, denying);
    const image = `reg.test:${regs.tls!.port}/app/ok:1`;
    const via = await one(image, { hostRoot: trusted, arch: 'amd64', proxy: { httpsProxy: `http://proxy.test:${proxy.port}` } });
    expect(via.ok, JSON.stringify(via.phases)).toBe(true);
    expect(via.phases.map((p) => p.name)).toContain('proxy-connect');
    const denied = await one(image, { hostRoot: trusted, proxy: { httpsProxy: `http://user:pw@proxy.test:${denying.port}` } });
    expect([denied.cause, denied.failedPhase]).toEqual(['registry.proxy', 'proxy-connect']);
    expect(JSON.stringify(denied)).not.toContain('user:pw');
    const bypass = await one(image, { hostRoot: trusted, arch: 'amd64', proxy: { httpsProxy: `http://proxy.test:${denying.port}`, noProxy: 'localhost,.test' } });
    expect(bypass.ok).toBe(true);
    // the runtime's own proxy, from containerd's systemd drop-in under the host root
    const root = hostRoot('dropin', { [`reg.test:${regs.tls!.port}`]: `ca = "${pki.caCert}"\n` });
    mkdirSync(join(root, 'etc/systemd/system/containerd.service.d'), { recursive: true });
    writeFileSync(join(root, 'etc/systemd/system/containerd.service.d/http-proxy.conf'), `[Service]\nEnvironment="HTTPS_PROXY=http://proxy.test:${denying.port}" "NO_PROXY=localhost"\n`);
    const dropin = await one(image, { hostRoot: root });
    expect([dropin.cause, dropin.failedPhase]).toEqual(['registry.proxy', 'proxy-connect']);
  });
});

describe('every phase ends within its timeout (+10%)', () => {
  const TIMEOUT = 1500;
  const timed = async (image: string, root: string) => {
    const t0 = performance.now();
    const r = await one(image, { hostRoot: root, timeoutMs: TIMEOUT });
    return { r, elapsed: performance.now() - t0 };
  };

  it('a tarpit behind https stalls the TLS handshake: registry.tls-handshake-timeout', async () => {
    const t = await tarpit();
    tiny.push(t);
    const { r, elapsed } = await timed(`reg.test:${t.port}/app/ok:1`, trusted);
    expect([r.cause, r.failedPhase]).toEqual(['registry.tls-handshake-timeout', 'tls']);
    expect(elapsed).toBeLessThanOrEqual(TIMEOUT * 1.1);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT * 0.9);
  });

  it('a tarpit behind http:// never answers /v2/: registry.connect-timeout', async () => {
    const t = await tarpit();
    tiny.push(t);
    const root = hostRoot('tarpit-http', { [`reg.test:${t.port}`]: `server = "http://reg.test:${t.port}"\n` });
    const { r, elapsed } = await timed(`reg.test:${t.port}/app/ok:1`, root);
    expect([r.cause, r.failedPhase]).toEqual(['registry.connect-timeout', 'v2']);
    expect(elapsed).toBeLessThanOrEqual(TIMEOUT * 1.1);
  });

  it('a server answering one byte a second is cut at the deadline: registry.connect-timeout', async () => {
    const s = await slowServer();
    tiny.push(s);
    const root = hostRoot('slow', { [`reg.test:${s.port}`]: `server = "http://reg.test:${s.port}"\n` });
    const { r, elapsed } = await timed(`reg.test:${s.port}/app/ok:1`, root);
    expect([r.cause, r.failedPhase]).toEqual(['registry.connect-timeout', 'v2']);
    expect(elapsed).toBeLessThanOrEqual(TIMEOUT * 1.1);
  });
});
