/**
 * The lab PKI, made with the real `openssl` CLI: a lab CA and server certificates signed by it.
 * `openssl ca` is used (not `x509 -req`) because it can set explicit validity dates, which the
 * expired-certificate fault needs. Keys stay under the lab dir with mode 0600.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CertPaths {
  cert: string;
  key: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates (once) `<dir>/ca.crt` + `<dir>/ca.key`; returns the CA cert path. */
export function ensureLabCA(dir: string, cn = 'flannel-doctor lab CA'): CertPaths {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const cert = path.join(dir, 'ca.crt');
  const key = path.join(dir, 'ca.key');
  if (!fs.existsSync(cert)) {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', `/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
    fs.chmodSync(key, 0o600);
  }
  return { cert, key };
}

export interface ServerCertOptions {
  /** DNS names and IPs in the SAN */
  dnsNames: string[];
  ips?: string[];
  /** openssl ca dates, YYYYMMDDHHMMSSZ; default: valid from yesterday for 10 years */
  startDate?: string;
  endDate?: string;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

/** Writes `<dir>/<name>.crt` and `<dir>/<name>.key`, signed by the CA in `caDir`. */
export function issueServerCert(caDir: string, dir: string, name: string, opts: ServerCertOptions): CertPaths {
  const ca = ensureLabCA(caDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const work = fs.mkdtempSync(path.join(dir, `.${name}-`));
  try {
    const key = path.join(dir, `${name}.key`);
    const cert = path.join(dir, `${name}.crt`);
    const csr = path.join(work, 'req.csr');
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${opts.dnsNames[0] ?? name}`], work);
    fs.chmodSync(key, 0o600);
    const san = [...opts.dnsNames.map((d) => `DNS:${d}`), ...(opts.ips ?? []).map((i) => `IP:${i}`)].join(',');
    fs.writeFileSync(path.join(work, 'index.txt'), '');
    fs.writeFileSync(path.join(work, 'serial'), Date.now().toString(16).padStart(16, '0') + '\n');
    const cnf = [
      '[ca]', 'default_ca = lab', '[lab]', `dir = ${work}`, 'database = $dir/index.txt', 'serial = $dir/serial',
      'new_certs_dir = $dir', `certificate = ${ca.cert}`, `private_key = ${ca.key}`, 'default_md = sha256',
      'policy = any', 'unique_subject = no', 'copy_extensions = none', 'x509_extensions = srv',
      '[any]', 'commonName = supplied',
      '[srv]', 'basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage = serverAuth', `subjectAltName = ${san}`, '',
    ].join('\n');
    fs.writeFileSync(path.join(work, 'ca.cnf'), cnf);
    const start = opts.startDate ?? stamp(new Date(Date.now() - 86_400_000));
    const end = opts.endDate ?? stamp(new Date(Date.now() + 3650 * 86_400_000));
    openssl(['ca', '-batch', '-config', path.join(work, 'ca.cnf'), '-in', csr, '-out', cert, '-startdate', start, '-enddate', end, '-notext'], work);
    return { cert, key };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
