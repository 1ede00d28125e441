/**
 * Test and bench helpers (not part of the library): a PKI made with openssl, real docker-registry
 * processes on 127.0.0.1, pushing small images over the registry API, and tiny misbehaving servers
 * (tarpit, one byte a second, fixed status). Everything started here is stopped by PID.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

export interface Pki {
  dir: string;
  caCert: string;
  /** valid for reg.test, localhost, 127.0.0.1 */
  server: { cert: string; key: string };
  /** valid only for other.test */
  wrongName: { cert: string; key: string };
  /** expired in 2021 */
  expired: { cert: string; key: string };
}

export function makePki(dir: string): Pki {
  const o = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  o(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=flannel-doctor test CA']);
  const leaf = (name: string, san: string) => {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`);
    o(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
    return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  };
  const server = leaf('server', 'DNS:reg.test,DNS:localhost,IP:127.0.0.1');
  o(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '30', '-extfile', 'server.ext']);
  const wrongName = leaf('wrong', 'DNS:other.test');
  o(['x509', '-req', '-in', 'wrong.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'wrong.crt', '-days', '30', '-extfile', 'wrong.ext']);
  // `openssl ca` is the only 3.0 tool that can back-date a certificate
  const expired = leaf('expired', 'DNS:reg.test,DNS:localhost,IP:127.0.0.1');
  mkdirSync(join(dir, 'ca-db'), { recursive: true });
  writeFileSync(join(dir, 'ca-db/index.txt'), '');
  writeFileSync(join(dir, 'ca-db/serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=d\n[d]\ndir=${dir}\ndatabase=$dir/ca-db/index.txt\nserial=$dir/ca-db/serial\nnew_certs_dir=$dir/ca-db\ncertificate=$dir/ca.crt\nprivate_key=$dir/ca.key\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n[p]\ncommonName=supplied\n`,
  );
  o(['ca', '-batch', '-config', 'ca.cnf', '-in', 'expired.csr', '-out', 'expired.crt', '-startdate', '20200101000000Z', '-enddate', '20210101000000Z', '-extfile', 'expired.ext', '-notext']);
  return { dir, caCert: join(dir, 'ca.crt'), server, wrongName, expired };
}

export interface RunningRegistry {
  port: number;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

type RegistryOptions = { storage: string; dir: string; tls?: { cert: string; key: string }; htpasswd?: string };

/**
 * Starts /usr/bin/docker-registry on a free 127.0.0.1 port over `storage`, optionally with TLS and
 * htpasswd. A port free when picked can be taken before the registry binds it (test files run in
 * parallel): then another is picked.
 */
export async function startRegistry(opts: RegistryOptions): Promise<RunningRegistry> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRegistryOn(opts, await freePort());
    } catch (e) {
      if (attempt >= 5 || !/address already in use/i.test(String(e))) throw e;
    }
  }
}

async function startRegistryOn(opts: RegistryOptions, port: number): Promise<RunningRegistry> {
  const cfg = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${opts.storage}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    ...(opts.tls ? ['  tls:', `    certificate: ${opts.tls.cert}`, `    key: ${opts.tls.key}`] : []),
    ...(opts.htpasswd ? ['auth:', '  htpasswd:', '    realm: test-realm', `    path: ${opts.htpasswd}`] : []),
  ].join('\n');
  const file = join(opts.dir, `registry-${port}.yml`);
  writeFileSync(file, cfg + '\n');
  const child = spawn('/usr/bin/docker-registry', ['serve', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b) => (stderr += String(b)));
  const pid = child.pid!;
  try {
    await waitForPort(port, 10_000, () => (child.exitCode !== null ? `docker-registry exited: ${stderr.slice(-500)}` : undefined));
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { port, pid, url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

async function waitForPort(port: number, ms: number, dead: () => string | undefined): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const why = dead();
    if (why) throw new Error(why);
    const ok = await new Promise<boolean>((r) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), r(true)));
      s.once('error', () => r(false));
      s.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} did not open in ${ms} ms`);
}


export function htpasswdFile(dir: string, user: string, password: string): string {
  const file = join(dir, 'htpasswd');
  execFileSync('htpasswd', ['-Bbc', file, user, password], { stdio: 'ignore' });
  return file;
}

const sha = (b: Buffer | string) => 'sha256:' + createHash('sha256').update(b).digest('hex');

async function putBlob(base: string, repo: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha(data);
  const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload start ${start.status}`);
  const loc = new URL(start.headers.get('location')!, base);
  loc.searchParams.set('digest', digest);
  const put = await fetch(loc, { method: 'PUT', body: data, headers: { 'Content-Type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob put ${put.status}`);
  return { digest, size: data.length };
}

/** Pushes a tiny single-platform image (or an index of several platforms) to a plain-HTTP registry. */
export async function pushImage(base: string, repo: string, tag: string, platforms: string[] = ['linux/amd64']): Promise<string> {
  const manifests: { digest: string; size: number; platform: { os: string; architecture: string } }[] = [];
  for (const p of platforms) {
    const [os, architecture] = p.split('/') as [string, string];
    const layer = await putBlob(base, repo, Buffer.from(`layer ${repo} ${p} ${tag}`));
    const config = await putBlob(base, repo, Buffer.from(JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [layer.digest] } })));
    const m = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }] }));
    const ref = platforms.length === 1 ? tag : sha(m);
    const r = await fetch(`${base}/v2/${repo}/manifests/${ref}`, { method: 'PUT', body: m, headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' } });
    if (r.status !== 201) throw new Error(`manifest put ${r.status} ${await r.text()}`);
    manifests.push({ digest: sha(m), size: m.length, platform: { os, architecture } });
  }
  if (platforms.length === 1) return manifests[0]!.digest;
  const idx = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: manifests.map((m) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m })) }));
  const r = await fetch(`${base}/v2/${repo}/manifests/${tag}`, { method: 'PUT', body: idx, headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' } });
  if (r.status !== 201) throw new Error(`index put ${r.status} ${await r.text()}`);
  return sha(idx);
}

export interface TinyServer {
  port: number;
  close(): Promise<void>;
}

/** A raw TCP server: `onConn` decides what (if anything) to send. Sockets are tracked and destroyed on close. */
export async function rawServer(onConn: (s: Socket) => void): Promise<TinyServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const srv: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onConn(s);
  });
  (srv as unknown as { timers: Set<NodeJS.Timeout> }).timers = timers;
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as { port: number }).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

/** Accepts and never answers. */
export const tarpit = () => rawServer(() => undefined);

/** Answers an HTTP request one byte a second (never finishes in a probe's budget). */
export const slowServer = () =>
  rawServer((s) => {
    const text = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nDocker-Distribution-API-Version: registry/2.0\r\n\r\n{}');
    let i = 0;
    const t = setInterval(() => {
      if (s.destroyed || i >= text.length) return clearInterval(t);
      s.write(text.subarray(i, ++i));
    }, 1000);
    s.on('close', () => clearInterval(t));
  });

/** Plain HTTP server answering every request with a fixed status (429, 500 …) and headers. */
export const statusServer = (status: number, reason: string, headers: Record<string, string> = {}, body = '') =>
  rawServer((s) => {
    s.on('data', () => {
      const h = Object.entries({ 'Content-Length': String(Buffer.byteLength(body)), 'Content-Type': 'application/json', ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      s.write(`HTTP/1.1 ${status} ${reason}\r\n${h}\r\n${body}`);
    });
  });

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
