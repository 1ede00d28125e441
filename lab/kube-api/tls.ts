/** A throw-away self-signed certificate for 127.0.0.1 (openssl CLI), so the test server can speak HTTPS like a real API server. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  cert: string;
  key: string;
}

export function selfSignedCert(host = '127.0.0.1'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'fd-kubeapi-tls-'));
  try {
    const san = /^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${host}`, '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'pipe' },
    );
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
