import { describe, expect, it } from 'vitest';
import { credentialsForPod, dockerConfigSecret, normalizedRepo } from './pull-credentials.js';
import { imageReferenceError } from './image-reference.js';

function apiWith(objs: Record<string, any>[]) {
  return { get: (_k: string, ns: string | undefined, name: string) => objs.find((o) => o.metadata.name === name && o.metadata.namespace === ns) };
}
const pod = (secrets: string[]) => ({ metadata: { namespace: 'default', name: 'p' }, spec: { imagePullSecrets: secrets.map((name) => ({ name })) } });

describe('kubelet pull credentials (facts §6)', () => {
  it('normalises repositories like the docker reference parser', () => {
    expect(normalizedRepo('nginx')).toBe('docker.io/library/nginx');
    expect(normalizedRepo('bitnami/redis:7')).toBe('docker.io/bitnami/redis');
    expect(normalizedRepo('reg.example.lab:5000/lab/app:1.0')).toBe('reg.example.lab:5000/lab/app');
  });

  it('uses a matching secret; port and host labels must match', () => {
    const ok = dockerConfigSecret('default', 's', 'reg.example.lab:5000', 'u', 'pw');
    const noPort = dockerConfigSecret('default', 'n', 'reg.example.lab', 'u', 'pw');
    const api = apiWith([ok, noPort]);
    expect(credentialsForPod(api, pod(['s']), 'reg.example.lab:5000/lab/app:1.0').auths).toEqual([{ username: 'u', password: 'pw' }]);
    expect(credentialsForPod(api, pod(['n']), 'reg.example.lab:5000/lab/app:1.0').auths).toEqual([]);
    expect(credentialsForPod(api, pod(['n']), 'reg.example.lab/lab/app:1.0').auths).toHaveLength(1);
  });

  it('globs match one label; missing secrets are reported; malformed ones ignored', () => {
    const glob = dockerConfigSecret('default', 'g', '*.example.lab', 'u', 'pw');
    const bad = { kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', metadata: { namespace: 'default', name: 'b' }, data: { '.dockerconfigjson': Buffer.from('{"auths":').toString('base64') } };
    const api = apiWith([glob, bad]);
    expect(credentialsForPod(api, pod(['g']), 'reg.example.lab/a:1').auths).toHaveLength(1);
    expect(credentialsForPod(api, pod(['g']), 'a.reg.example.lab/a:1').auths).toHaveLength(0);
    const r = credentialsForPod(api, pod(['b', 'gone']), 'reg.example.lab/a:1');
    expect(r).toEqual({ auths: [], missing: ['gone'] });
  });
});

describe('image reference check (kubelet InvalidImageName)', () => {
  it.each([
    ['reg.example.lab:5000/lab/app:1.0', undefined],
    ['nginx', undefined],
    ['reg.example.lab:5000/lab/App:1.0', 'invalid reference format: repository name (lab/App) must be lowercase'],
    ['ACTOKEY', 'invalid reference format: repository name (library/ACTOKEY) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['http://reg/app', 'invalid reference format'],
    ['my app', 'invalid reference format'],
  ])('%s', (image, err) => {
    expect(imageReferenceError(image)).toBe(err);
  });
});
