import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('removes auth headers, URL credentials and password fields', () => {
    const out = redactSecrets('GET https://bob:hunter22@reg.local/v2/ Authorization: Basic Ym9iOmh1bnRlcjIy password="hunter22" "auth":"Ym9iOmh1bnRlcjIy" token=abc.def.ghi');
    for (const secret of ['hunter22', 'Ym9iOmh1bnRlcjIy', 'abc.def.ghi']) expect(out).not.toContain(secret);
    expect(out).toContain('https://<redacted>@reg.local/v2/');
  });
  it('leaves ordinary error text alone', () => {
    const line = 'dial tcp: lookup reg.local on 10.96.0.10:53: no such host';
    expect(redactSecrets(line)).toBe(line);
  });
});

import { createClassifier } from '../engine/classifier/index.js';
import { SIGNATURES } from '../catalog/signatures/index.js';
import { redactArgs, redactText } from './redact.js';

const { classify } = createClassifier(SIGNATURES);

/**
 * Real-looking secrets in the forms they take in container arguments, env-style settings, event and
 * termination messages and log lines. `secret` is what must not survive; `text` is where it sits.
 */
const SECRETS: { text: string; secret: string }[] = [
  { text: '--db-password=Tr0ub4dor&3', secret: 'Tr0ub4dor&3' },
  { text: 'psql PGPASSWORD=pg-9f8e7d6c5b host=db', secret: 'pg-9f8e7d6c5b' },
  { text: 'MYSQL_ROOT_PASSWORD=my-root-Pw-2024', secret: 'my-root-Pw-2024' },
  { text: 'MYSQL_PASSWORD="with spaces inside it"', secret: 'with spaces inside it' },
  { text: 'GET /callback?code=1&access_token=ya29.a0AfH6SMBx-3kq&state=2', secret: 'ya29.a0AfH6SMBx-3kq' },
  { text: 'client_secret=GOCSPX-1a2b3c4d5e6f7g8h9i0j', secret: 'GOCSPX-1a2b3c4d5e6f7g8h9i0j' },
  { text: '--aws-secret-access-key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { text: 'AWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', secret: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' },
  { text: 'using key AKIAIOSFODNN7EXAMPLE for s3', secret: 'AKIAIOSFODNN7EXAMPLE' },
  { text: 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJrOHMifQ.c2lnbmF0dXJl', secret: 'eyJpc3MiOiJrOHMifQ' },
  { text: 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.dGhpcy1pcy1zaWc in header', secret: 'dGhpcy1pcy1zaWc' },
  { text: 'error: cache at redis://:S3cretRedis@redis-master:6379/0 unreachable', secret: 'S3cretRedis' },
  { text: 'mongodb://admin:M0ng0-Pa55@mongo:27017/app', secret: 'M0ng0-Pa55' },
  { text: 'postgres://app:p%40ss-w0rd@db.internal:5432/app?sslmode=require', secret: 'p%40ss-w0rd' },
  { text: 'https://robot:dckr_pat_2b3c4d5e6f7g8h9i0j1k@registry.example/v2/', secret: 'dckr_pat_2b3c4d5e6f7g8h9i0j1k' },
  { text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq8s3cR3tK3yLin3\nAbCdEfGhIjKlMnOpQrStUvWxYz012345\n-----END RSA PRIVATE KEY-----', secret: 'MIIEowIBAAKCAQEA7bq8s3cR3tK3yLin3' },
  { text: '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg', secret: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg' },
  { text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----', secret: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ' },
  { text: 'git clone https://ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf12@github.com/o/r', secret: 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf12' },
  { text: 'GITHUB_TOKEN ghs_16C7e42F292c6912E7710c838347Ae178B4a', secret: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' },
  { text: 'pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz' },
  { text: 'slack notify failed with xoxb-2222222222-3333333333333-AbCdEfGhIjKlMnOpQrStUvWx', secret: 'xoxb-2222222222-3333333333333-AbCdEfGhIjKlMnOpQrStUvWx' },
  { text: 'webhook xoxp-1234567890-1234567890-1234567890-abcdef0123456789', secret: 'xoxp-1234567890-1234567890-1234567890-abcdef0123456789' },
  { text: 'gitlab glpat-x7Yz3AbCdEfGhIjKlMnO push rejected', secret: 'glpat-x7Yz3AbCdEfGhIjKlMnO' },
  { text: 'maps key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY', secret: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY' },
  { text: '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', secret: 'npm_abcdefghijklmnopqrstuvwxyz0123456789' },
  { text: 'charge with sk_live_51HxYzAbCdEfGhIjKlMnOpQr failed', secret: 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr' },
  { text: 'OPENAI_API_KEY=sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123', secret: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123' },
  { text: '{"auths":{"reg.example":{"auth":"cm9ib3Q6aHVudGVyMg=="}}}', secret: 'cm9ib3Q6aHVudGVyMg==' },
  { text: '"password": "c0rrect horse battery"', secret: 'c0rrect horse battery' },
  { text: "api_key: 'a1b2c3d4e5f6a7b8c9d0'", secret: 'a1b2c3d4e5f6a7b8c9d0' },
  { text: 'X-Api-Key=9a8b7c6d5e4f3a2b1c0d', secret: '9a8b7c6d5e4f3a2b1c0d' },
  { text: 'apikey=QWERTYUIOP1234567890', secret: 'QWERTYUIOP1234567890' },
  { text: 'session_id=3f2a9c1e7b5d4f60', secret: '3f2a9c1e7b5d4f60' },
  { text: 'Cookie: sid=s%3Aabc123def456', secret: 's%3Aabc123def456' },
  { text: 'Authorization: Basic cm9ib3Q6c3VwZXItc2VjcmV0', secret: 'cm9ib3Q6c3VwZXItc2VjcmV0' },
  { text: 'private_key = "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKoInqqGSM49"', secret: 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKoInqqGSM49' },
  { text: 'secret_key_base=0a1b2c3d4e5f60718293a4b5c6d7e8f9', secret: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' },
  { text: 'passphrase=open-sesame-42', secret: 'open-sesame-42' },
  { text: 'DB_PASSWD=hunter2hunter2', secret: 'hunter2hunter2' },
  { text: 'credentials: AQICAHh0ZXN0LWNyZWRlbnRpYWw', secret: 'AQICAHh0ZXN0LWNyZWRlbnRpYWw' },
  { text: 'exec: app --token 7c1d0e9f8a7b6c5d --verbose', secret: '7c1d0e9f8a7b6c5d' },
  { text: 'exec: app --api-key "key with spaces 123"', secret: 'key with spaces 123' },
  { text: 'registrytoken: tok_RegistrY_0123456789', secret: 'tok_RegistrY_0123456789' },
];

describe('redactSecrets: a table of real-looking secrets', () => {
  it(`none of ${SECRETS.length} survives, and the text around them does`, () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(40);
    for (const { text, secret } of SECRETS) {
      const out = redactSecrets(text);
      expect(out, text).not.toContain(secret);
      expect(out, text).toContain('<redacted>');
      expect(redactText(text, '[REDACTED]'), text).not.toContain(secret);
    }
  });

  it('the value after a secret flag given as its own argument', () => {
    const args = ['/app', '--db-password', 'Tr0ub4dor&3', '--port', '5432', '--client-secret', 'GOCSPX-abc', '-v'];
    expect(redactArgs(args)).toEqual(['/app', '--db-password', '<redacted>', '--port', '5432', '--client-secret', '<redacted>', '-v']);
  });

  it('ordinary error text, and every catalog sample, reads and classifies the same after redaction', () => {
    const lines = ['unauthorized: authentication required', 'failed to fetch anonymous token: unexpected status: 401 Unauthorized', 'tokens: 3 of 10 used', 'error: failed to authorize: failed to fetch oauth token'];
    for (const l of lines) expect(redactSecrets(l)).toBe(l);
    for (const s of SIGNATURES) {
      for (const sample of s.samples) {
        const before = classify(sample);
        const after = classify(redactSecrets(sample));
        expect(after.cause, sample).toBe(before.cause);
      }
    }
  });

  it('a long line without secrets costs little (no catastrophic backtracking)', () => {
    const line = 'x'.repeat(64 * 1024) + ' ' + 'a_'.repeat(32 * 1024) + ' ' + 'password'.repeat(4096);
    const t = performance.now();
    redactSecrets(line);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
