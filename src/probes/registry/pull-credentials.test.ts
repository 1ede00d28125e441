import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { credentialsFor, parsePullCredentials } from './pull-credentials.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const cfg = (auths: Record<string, unknown>) => JSON.stringify({ auths });
const secret = (type: string, key: string, value: string) => JSON.stringify({ kind: 'Secret', type, data: { [key]: b64(value) } });

describe('pull credentials', () => {
  it('reads a dockerconfigjson file, a dockerconfigjson Secret and a legacy dockercfg Secret', () => {
    expect(parsePullCredentials(cfg({ 'reg.local:5000': { auth: b64('u:p') } }), 'f').entries).toEqual([{ key: 'reg.local:5000', username: 'u', password: 'p' }]);
    expect(parsePullCredentials(secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson', cfg({ 'reg.local': { username: 'a', password: 'b' } })), 's').entries[0]).toMatchObject({ username: 'a', password: 'b' });
    expect(parsePullCredentials(secret('kubernetes.io/dockercfg', '.dockercfg', JSON.stringify({ 'reg.local': { auth: b64('c:d') } })), 's').entries[0]).toMatchObject({ key: 'reg.local', username: 'c' });
    expect(parsePullCredentials(cfg({ 'reg.local': { identitytoken: 'tok' } }), 'f').entries[0]).toMatchObject({ identityToken: 'tok' });
  });

  it('bad input names the file and field, never the value', () => {
    const bad = [
      ['not json', 'not JSON'],
      [JSON.stringify({ kind: 'Secret', data: { other: 'x' } }), 'data'],
      [JSON.stringify({ kind: 'Secret', data: { '.dockerconfigjson': 'bm90IGpzb24=' } }), 'data..dockerconfigjson'],
      [cfg({ 'reg.local': { auth: b64('no-colon-s3cret') } }), 'auths["reg.local"].auth'],
      [JSON.stringify({ nope: 1 }), 'auths'],
    ];
    for (const [text, field] of bad) {
      let err: unknown;
      try {
        parsePullCredentials(text!, '/tmp/ps.json');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toContain('/tmp/ps.json');
      expect((err as Error).message).toContain(field!);
      expect((err as Error).message).not.toContain('s3cret');
    }
  });

  it("matches keys the way kubelet does: port, glob, path prefix, Docker Hub's index.docker.io", () => {
    const creds = parsePullCredentials(
      cfg({
        'https://index.docker.io/v1/': { auth: b64('hub:1') },
        '*.corp.example': { auth: b64('glob:2') },
        'reg.local': { auth: b64('noport:3') },
        'reg.local:5000/team': { auth: b64('team:4') },
        'reg.local:5000': { auth: b64('port:5') },
      }),
      'f',
    );
    const who = (domain: string, path: string) => credentialsFor(creds, domain, path)?.username;
    expect(who('docker.io', 'library/nginx')).toBe('hub');
    expect(who('a.corp.example', 'x')).toBe('glob');
    expect(who('a.b.corp.example', 'x')).toBeUndefined();
    expect(who('reg.local', 'x')).toBe('noport');
    expect(who('reg.local:5000', 'team/app')).toBe('team');
    expect(who('reg.local:5000', 'other/app')).toBe('port');
    expect(who('reg.local:5001', 'x')).toBeUndefined();
  });
});
