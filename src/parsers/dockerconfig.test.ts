import { describe, expect, it } from 'vitest';
import { normaliseRegistryKey, summarisePullSecret, type SecretObject } from './dockerconfig.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (type: string | undefined, data: Record<string, string>): SecretObject => ({ metadata: { namespace: 'shop', name: 'regcred' }, type, data });
const cfgjson = (auths: unknown) => secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': b64(JSON.stringify({ auths })) });

describe('summarisePullSecret', () => {
  it('a good dockerconfigjson secret: normalised hosts, no problems', () => {
    const s = summarisePullSecret(cfgjson({ 'https://index.docker.io/v1/': { auth: b64('u:p') }, 'reg.local:5000/team': { username: 'u', password: 'p' } }));
    expect(s).toMatchObject({ namespace: 'shop', name: 'regcred', registries: ['index.docker.io', 'reg.local:5000/team'], rawKeys: ['https://index.docker.io/v1/', 'reg.local:5000/team'], problems: [] });
  });

  it('a good legacy dockercfg secret', () => {
    const s = summarisePullSecret(secret('kubernetes.io/dockercfg', { '.dockercfg': b64(JSON.stringify({ 'quay.io': { auth: b64('a:b') } })) }));
    expect(s.problems).toEqual([]);
    expect(s.registries).toEqual(['quay.io']);
  });

  it('auth without padding is accepted', () => {
    expect(summarisePullSecret(cfgjson({ r: { auth: b64('user:pw').replace(/=+$/, '') } })).problems).toEqual([]);
  });

  const faulty: [string, SecretObject, RegExp][] = [
    ['Opaque type with a .dockerconfigjson key', secret('Opaque', { '.dockerconfigjson': b64('{"auths":{}}') }), /type Opaque is not a pull-secret type.*set type kubernetes\.io\/dockerconfigjson/],
    ['type without its key', secret('kubernetes.io/dockerconfigjson', { '.dockercfg': b64('{}') }), /needs data key \.dockerconfigjson, which is missing.*keys present: \.dockercfg/],
    ['value not base64', secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': '{"auths":{}}' }), /not valid base64/],
    ['empty value', secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': '' }), /is empty/],
    ['not JSON', secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': b64('{"auths": {"r": {"password": "s3cr3t"') }), /not valid JSON/],
    ['legacy content under the new type', secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': b64(JSON.stringify({ 'reg.local': { auth: b64('a:b') } })) }), /legacy \.dockercfg form/],
    ['{auths} under the legacy type', secret('kubernetes.io/dockercfg', { '.dockercfg': b64(JSON.stringify({ auths: { r: {} } })) }), /expects the inner map/],
    ['auth not base64(user:pass)', cfgjson({ 'reg.local': { auth: b64('nocolon') } }), /auth field for reg\.local is not base64\(username:password\)/],
    ['auth garbage', cfgjson({ 'reg.local': { auth: '!!!' } }), /unable to parse auth field/],
    ['no credentials', cfgjson({ 'reg.local': { email: 'a@b' } }), /has no credentials/],
    ['no entries', cfgjson({}), /no registry entries/],
  ];
  for (const [name, s, re] of faulty) {
    it(`names the problem: ${name}`, () => {
      const info = summarisePullSecret(s);
      expect(info.problems.join('\n')).toMatch(re);
    });
  }

  it('never shows a value, even from broken JSON or a URL with credentials', () => {
    const infos = [
      summarisePullSecret(secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': b64('{"auths": {"r": {"password": "s3cr3t"') })),
      summarisePullSecret(cfgjson({ 'https://bob:s3cr3t@reg.local': { auth: b64('bob:s3cr3t') } })),
    ];
    const text = JSON.stringify(infos);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain(b64('bob:s3cr3t'));
    expect(infos[1].registries).toEqual(['reg.local']);
  });

  it('accepts stringData (objects that never went through an API server)', () => {
    const s = summarisePullSecret({ metadata: { name: 'x', namespace: 'y' }, type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': JSON.stringify({ auths: { 'ghcr.io': { auth: b64('a:b') } } }) } });
    expect(s.registries).toEqual(['ghcr.io']);
    expect(s.problems).toEqual([]);
  });
});

describe('normaliseRegistryKey', () => {
  it('follows the kubelet keyring rules', () => {
    expect(normaliseRegistryKey('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(normaliseRegistryKey('registry.example.com/team')).toBe('registry.example.com/team');
    expect(normaliseRegistryKey('reg.local:5000')).toBe('reg.local:5000');
  });
});
