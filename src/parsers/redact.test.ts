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
