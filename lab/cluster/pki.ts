/**
 * The cluster's PKI, made with the real `openssl` CLI in the layout kubeadm uses: a cluster CA, an
 * etcd CA, a front-proxy CA, the service-account key pair, serving and client certificates, and
 * kubeconfigs with the client certificate embedded. EC P-256 keys (every component accepts them and
 * they are made in milliseconds). Certificates are signed with `openssl ca` so a caller can set
 * explicit validity dates (an expired-certificate fault needs that). Keys are mode 0600.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CertPaths {
  cert: string;
  key: string;
}

export interface ClusterPki {
  dir: string;
  ca: CertPaths;
  apiserver: CertPaths;
  apiserverKubeletClient: CertPaths;
  etcdCa: CertPaths;
  etcdServer: CertPaths;
  apiserverEtcdClient: CertPaths;
  frontProxyCa: CertPaths;
  frontProxyClient: CertPaths;
  /** service-account signing key (private) and its public half */
  saKey: string;
  saPub: string;
}

/** Who a kubeconfig user is: the certificate's CN and O (groups). */
export interface Identity {
  cn: string;
  groups: string[];
}

/** The API server's names and addresses (its serving certificate's SANs). */
export const APISERVER_DNS = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'localhost'];

export function pkiDir(labDir: string): string {
  return path.join(labDir, 'pki');
}

export function kubeconfigDir(labDir: string): string {
  return path.join(labDir, 'kubeconfigs');
}

/** Where everything lives (kubeadm's file names); nothing is created. */
export function pkiPaths(labDir: string): ClusterPki {
  const dir = pkiDir(labDir);
  const pair = (name: string): CertPaths => ({ cert: path.join(dir, `${name}.crt`), key: path.join(dir, `${name}.key`) });
  return {
    dir,
    ca: pair('ca'),
    apiserver: pair('apiserver'),
    apiserverKubeletClient: pair('apiserver-kubelet-client'),
    etcdCa: pair('etcd/ca'),
    etcdServer: pair('etcd/server'),
    apiserverEtcdClient: pair('apiserver-etcd-client'),
    frontProxyCa: pair('front-proxy-ca'),
    frontProxyClient: pair('front-proxy-client'),
    saKey: path.join(dir, 'sa.key'),
    saPub: path.join(dir, 'sa.pub'),
  };
}

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`openssl ${args[0]} failed: ${String(stderr || err.message).trim().split('\n').slice(0, 3).join(' | ')}`));
      else resolve();
    });
  });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function subject(id: Identity): string {
  const esc = (s: string) => s.replace(/[/\\+=,]/g, (c) => `\\${c}`);
  return id.groups.map((g) => `/O=${esc(g)}`).join('') + `/CN=${esc(id.cn)}`;
}

async function makeCa(pair: CertPaths, cn: string): Promise<void> {
  fs.mkdirSync(path.dirname(pair.cert), { recursive: true, mode: 0o700 });
  await openssl(['req', '-x509', ...EC, '-keyout', pair.key, '-out', pair.cert, '-days', '3650', '-subj', `/CN=${cn}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign',
    '-addext', 'subjectKeyIdentifier=hash'], path.dirname(pair.cert));
  fs.chmodSync(pair.key, 0o600);
}

export interface LeafOptions {
  usage: 'server' | 'client' | 'peer';
  dns?: string[];
  ips?: string[];
  /** openssl ca dates, YYYYMMDDHHMMSSZ; default: valid from an hour ago for 10 years */
  startDate?: string;
  endDate?: string;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

/** A key and a certificate for `id`, signed by `ca` with `openssl ca`. */
export async function issue(ca: CertPaths, out: CertPaths, id: Identity, opts: LeafOptions): Promise<CertPaths> {
  fs.mkdirSync(path.dirname(out.cert), { recursive: true, mode: 0o700 });
  const work = fs.mkdtempSync(path.join(path.dirname(out.cert), `.${path.basename(out.cert)}-`));
  try {
    const csr = path.join(work, 'req.csr');
    await openssl(['req', '-new', ...EC, '-keyout', out.key, '-out', csr, '-subj', subject(id)], work);
    fs.chmodSync(out.key, 0o600);
    const eku = { server: 'serverAuth', client: 'clientAuth', peer: 'serverAuth,clientAuth' }[opts.usage];
    const san = [...(opts.dns ?? []).map((d) => `DNS:${d}`), ...(opts.ips ?? []).map((i) => `IP:${i}`)].join(',');
    fs.writeFileSync(path.join(work, 'index.txt'), '');
    fs.writeFileSync(path.join(work, 'serial'), `${(randomBytes(1)[0] & 0x7f | 0x10).toString(16)}${randomBytes(15).toString('hex')}\n`); // 16 bytes, positive
    const cnf = [
      '[ca]', 'default_ca = lab', '[lab]', `dir = ${work}`, 'database = $dir/index.txt', 'serial = $dir/serial',
      'new_certs_dir = $dir', `certificate = ${ca.cert}`, `private_key = ${ca.key}`, 'default_md = sha256',
      'policy = any', 'unique_subject = no', 'copy_extensions = none', 'preserve = yes', 'x509_extensions = leaf',
      '[any]', 'organizationName = optional', 'commonName = supplied',
      '[leaf]', 'basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature,keyEncipherment',
      `extendedKeyUsage = ${eku}`, 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid',
      ...(san ? [`subjectAltName = ${san}`] : []), '',
    ].join('\n');
    fs.writeFileSync(path.join(work, 'ca.cnf'), cnf);
    const start = opts.startDate ?? stamp(new Date(Date.now() - 3_600_000));
    const end = opts.endDate ?? stamp(new Date(Date.now() + 3650 * 86_400_000));
    await openssl(['ca', '-batch', '-config', path.join(work, 'ca.cnf'), '-in', csr, '-out', out.cert, '-startdate', start, '-enddate', end, '-notext'], work);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes `<lab dir>/pki/` (kubeadm's layout). `apiserverIps` are the serving certificate's IP SANs
 * (loopback, the advertise address, the `kubernetes` service IP).
 */
export async function clusterPki(labDir: string, apiserverIps: string[]): Promise<ClusterPki> {
  const p = pkiPaths(labDir);
  fs.mkdirSync(path.join(p.dir, 'etcd'), { recursive: true, mode: 0o700 });
  await Promise.all([
    makeCa(p.ca, 'kubernetes'),
    makeCa(p.etcdCa, 'etcd-ca'),
    makeCa(p.frontProxyCa, 'front-proxy-ca'),
    (async () => {
      await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', p.saKey], p.dir);
      fs.chmodSync(p.saKey, 0o600);
      await openssl(['pkey', '-in', p.saKey, '-pubout', '-out', p.saPub], p.dir);
    })(),
  ]);
  await Promise.all([
    issue(p.ca, p.apiserver, { cn: 'kube-apiserver', groups: [] }, { usage: 'server', dns: APISERVER_DNS, ips: apiserverIps }),
    issue(p.ca, p.apiserverKubeletClient, { cn: 'kube-apiserver-kubelet-client', groups: [] }, { usage: 'client' }),
    issue(p.etcdCa, p.etcdServer, { cn: 'etcd-server', groups: [] }, { usage: 'peer', dns: ['localhost'], ips: ['127.0.0.1'] }),
    issue(p.etcdCa, p.apiserverEtcdClient, { cn: 'kube-apiserver-etcd-client', groups: [] }, { usage: 'client' }),
    issue(p.frontProxyCa, p.frontProxyClient, { cn: 'front-proxy-client', groups: [] }, { usage: 'client' }),
  ]);
  return p;
}

/** The identity behind each kubeconfig the lab writes (`node-nN` is the kubelet of node nN). */
export function identityOf(user: string): Identity {
  if (user === 'admin') return { cn: 'kubernetes-admin', groups: ['system:masters'] };
  if (user === 'controller-manager') return { cn: 'system:kube-controller-manager', groups: [] };
  if (user === 'scheduler') return { cn: 'system:kube-scheduler', groups: [] };
  if (user === 'kube-proxy') return { cn: 'system:kube-proxy', groups: [] };
  const node = /^node-(.+)$/.exec(user);
  if (node) return { cn: `system:node:${node[1]}`, groups: ['system:nodes'] };
  throw new Error(`no lab identity for kubeconfig user "${user}" (admin, controller-manager, scheduler, kube-proxy, node-<name>)`);
}

/**
 * Writes `<lab dir>/kubeconfigs/<user>.conf` (mode 0600): cluster CA, `server`, and a client
 * certificate for the user's identity (`identityOf(user)` unless `id` is given), all embedded.
 * The client certificate is issued once and reused when the same user gets another server.
 */
export async function kubeconfigFor(labDir: string, user: string, server: string, id: Identity = identityOf(user)): Promise<string> {
  const p = pkiPaths(labDir);
  const client: CertPaths = { cert: path.join(p.dir, 'users', `${user}.crt`), key: path.join(p.dir, 'users', `${user}.key`) };
  if (!fs.existsSync(client.cert)) await issue(p.ca, client, id, { usage: 'client' });
  const b64 = (f: string) => fs.readFileSync(f).toString('base64');
  const text = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubernetes',
    '  cluster:',
    `    certificate-authority-data: ${b64(p.ca.cert)}`,
    `    server: ${server}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    client-certificate-data: ${b64(client.cert)}`,
    `    client-key-data: ${b64(client.key)}`,
    'contexts:',
    `- name: ${user}@kubernetes`,
    '  context:',
    '    cluster: kubernetes',
    `    user: ${user}`,
    `current-context: ${user}@kubernetes`,
    '',
  ].join('\n');
  const file = path.join(kubeconfigDir(labDir), `${user}.conf`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
