import { describe, expect, it } from 'vitest';
import { parseImageReference, type ImageReference } from '../../parsers/image-reference.js';
import { matchingKeys, parseKey } from './_keyring.js';

const ref = (s: string): ImageReference => {
  const r = parseImageReference(s);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};

describe('parseKey normalises auths keys like kubelet', () => {
  const cases: [string, ReturnType<typeof parseKey>][] = [
    ['docker.io', { host: 'docker.io', port: undefined, path: '' }],
    ['https://index.docker.io/v1/', { host: 'index.docker.io', port: undefined, path: '' }],
    ['https://index.docker.io/v2/', { host: 'index.docker.io', port: undefined, path: '' }],
    ['reg.local:5000', { host: 'reg.local', port: '5000', path: '' }],
    ['https://reg.local:443', { host: 'reg.local', port: '443', path: '' }],
    ['http://reg.local:5000/team/', { host: 'reg.local', port: '5000', path: '/team' }],
    ['*.example.com', { host: '*.example.com', port: undefined, path: '' }],
    ['REG.Example.COM', { host: 'reg.example.com', port: undefined, path: '' }],
    ['', undefined],
  ];
  for (const [key, want] of cases) it(JSON.stringify(key), () => expect(parseKey(key)).toEqual(want));
});

describe('matchingKeys: which auths keys kubelet uses for an image', () => {
  // [image, keys in the secret, keys expected to be used]
  const cases: [string, string[], string[]][] = [
    // Docker Hub aliases
    ['nginx', ['docker.io'], ['docker.io']],
    ['nginx', ['index.docker.io'], ['index.docker.io']],
    ['nginx', ['https://index.docker.io/v1/'], ['https://index.docker.io/v1/']],
    ['bitnami/redis:7', ['https://index.docker.io/v1/'], ['https://index.docker.io/v1/']],
    ['docker.io/library/nginx', ['docker.io'], ['docker.io']],
    ['index.docker.io/team/app', ['docker.io'], ['docker.io']],
    ['nginx', ['index.docker.io/v1/'], ['index.docker.io/v1/']],
    ['nginx', ['https://docker.io'], ['https://docker.io']],
    ['nginx', ['index.docker.io:443'], []],
    ['nginx', ['registry-1.docker.io'], []],
    ['nginx', ['https://registry-1.docker.io/v2/'], []],
    ['nginx', ['docker.com'], []],
    // a private registry never gets Docker Hub credentials
    ['reg.local/app', ['https://index.docker.io/v1/', 'docker.io'], []],
    // ports must match exactly
    ['reg.local:5000/app', ['reg.local'], []],
    ['reg.local/app', ['reg.local:5000'], []],
    ['reg.local:5000/app', ['reg.local:5000'], ['reg.local:5000']],
    ['reg.local:5000/app', ['http://reg.local:5000'], ['http://reg.local:5000']],
    ['reg.local/app', ['https://reg.local:443'], []],
    ['reg.local/app', ['https://reg.local'], ['https://reg.local']],
    // path prefixes (string prefix, as kubelet does)
    ['reg.local/team/app', ['reg.local/team'], ['reg.local/team']],
    ['reg.local/other/app', ['reg.local/team'], []],
    ['reg.local/team/app', ['reg.local/team', 'reg.local'], ['reg.local/team', 'reg.local']],
    ['docker.io/team/app', ['docker.io/team'], ['docker.io/team']],
    ['docker.io/other/app', ['docker.io/team'], []],
    // wildcards cover exactly one label
    ['a.example.com/app', ['*.example.com'], ['*.example.com']],
    ['a.b.example.com/app', ['*.example.com'], []],
    ['example.com/app', ['*.example.com'], []],
    ['reg1.example.com/app', ['reg*.example.com'], ['reg*.example.com']],
    ['a.example.com:5000/app', ['*.example.com'], []],
    // case and scheme do not matter for the host
    ['reg.example.com/app', ['HTTPS://Reg.Example.com'], ['HTTPS://Reg.Example.com']],
    // IP and localhost registries
    ['10.0.0.5:5000/app', ['10.0.0.5:5000'], ['10.0.0.5:5000']],
    ['10.0.0.5:5000/app', ['10.0.0.5'], []],
    ['localhost:5000/app', ['localhost:5000'], ['localhost:5000']],
    // similar-looking hosts
    ['ghcr.io/org/app', ['gcr.io'], []],
    ['eu.gcr.io/p/app', ['gcr.io'], []],
  ];
  for (const [image, keys, want] of cases) {
    it(`${image} with [${keys.join(', ')}]`, () => {
      expect(matchingKeys(keys, ref(image)).map((m) => m.key)).toEqual(want);
    });
  }

  it('marks the Docker Hub fallback', () => {
    expect(matchingKeys(['index.docker.io'], ref('nginx'))).toEqual([{ key: 'index.docker.io', via: 'docker-hub-fallback' }]);
    expect(matchingKeys(['docker.io'], ref('nginx'))).toEqual([{ key: 'docker.io', via: 'match' }]);
  });

  it('skips keys that do not parse', () => {
    expect(matchingKeys(['http://[bad', 'reg.local'], ref('reg.local/app')).map((m) => m.key)).toEqual(['reg.local']);
  });
});

describe('parseKey memo', () => {
  it('normalises a key once: the same frozen parts for every pod that names the secret', () => {
    const a = parseKey('https://reg.example.com:5000/v2/team');
    expect(a).toEqual({ host: 'reg.example.com', port: '5000', path: '/team' });
    expect(parseKey('https://reg.example.com:5000/v2/team')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(parseKey('http://[bad')).toBeUndefined();
    expect(parseKey('http://[bad')).toBeUndefined();
  });
});
