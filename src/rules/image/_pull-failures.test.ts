import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../engine/classifier/index.js';
import { SIGNATURES } from '../../catalog/signatures.js';
import { emptyCluster, type PodInfo } from '../../evidence/cluster.js';
import { event, pod, pullFailedText } from './_fixtures.js';
import { collectPullFailures, innermostError } from './_pull-failures.js';
import { deepFreeze } from '../../engine/deep-freeze.js';

const { classify } = createClassifier(SIGNATURES);

const NF = (img: string, canon: string) => pullFailedText(img, canon, `${canon}: not found`);

function twoContainers(): PodInfo {
  const p = pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ErrImagePull' });
  return {
    ...p,
    containers: [...p.containers, { name: 'sidecar', image: 'reg.example.com/side:1', init: false }],
    statuses: [...p.statuses, { name: 'sidecar', init: false, image: 'reg.example.com/side:1', ready: true, restartCount: 0, state: 'running' }],
  };
}

describe('collectPullFailures', () => {
  it('ties events to the right container by field path, else by image name', () => {
    const c = {
      ...emptyCluster(),
      pods: [twoContainers()],
      events: [
        event('shop/web-a1b2c', 'Failed', NF('nginx:nope', 'docker.io/library/nginx:nope')),
        { ...event('shop/web-a1b2c', 'Failed', NF('reg.example.com/side:1', 'reg.example.com/side:1')), involved: { kind: 'Pod', namespace: 'shop', name: 'web-a1b2c' } },
      ],
    };
    const got = collectPullFailures(c, classify);
    expect(got.map((f) => [f.container, f.registry, f.texts.length])).toEqual([['app', 'docker.io', 1]]);
    expect(got[0].classification.cause).toBe('image.not-found');
  });

  it('skips follow-up and back-off lines as causes but keeps the real error', () => {
    const c = {
      ...emptyCluster(),
      pods: [pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nope"' })],
      events: [
        event('shop/web-a1b2c', 'Failed', 'Error: ImagePullBackOff', { last: '2026-11-27T10:09:00Z' }),
        event('shop/web-a1b2c', 'BackOff', 'Back-off pulling image "nginx:nope"', { last: '2026-11-27T10:08:00Z' }),
        event('shop/web-a1b2c', 'Failed', NF('nginx:nope', 'docker.io/library/nginx:nope'), { last: '2026-11-27T10:01:00Z' }),
      ],
    };
    const [f] = collectPullFailures(c, classify);
    expect(f.classification.cause).toBe('image.not-found');
    expect(f.classifiedText?.where).toMatch(/Failed/);
    expect(f.texts.some((t) => t.what === 'Error: ImagePullBackOff')).toBe(false);
  });

  it('reads the secrets named in FailedToRetrieveImagePullSecret', () => {
    const c = {
      ...emptyCluster(),
      pods: [pod('shop/web-a1b2c', 'reg.example.com/app:1', { waiting: 'ErrImagePull', secrets: ['a', 'b'] })],
      events: [{ ...event('shop/web-a1b2c', 'FailedToRetrieveImagePullSecret', 'Unable to retrieve some image pull secrets (a, b); attempting to pull the image may not succeed.'), involved: { kind: 'Pod', namespace: 'shop', name: 'web-a1b2c' } }],
    };
    expect(collectPullFailures(c, classify)[0].unretrievableSecrets).toEqual(['a', 'b']);
  });

  it('ignores events about other kinds and other pods', () => {
    const c = {
      ...emptyCluster(),
      pods: [pod('shop/web-a1b2c', 'nginx:1.25')],
      events: [{ ...event('shop/web-a1b2c', 'Failed', NF('nginx:1.25', 'docker.io/library/nginx:1.25')), involved: { kind: 'ReplicaSet', namespace: 'shop', name: 'web-a1b2c' } }],
    };
    expect(collectPullFailures(c, classify)).toEqual([]);
  });
});

describe('innermostError', () => {
  it.each([
    [pullFailedText('r/a:1', 'docker.io/r/a:1', 'failed to do request: Head "https://r/v2/a/manifests/1": dial tcp: lookup r on 10.0.0.2:53: no such host'), 'dial tcp: lookup r on 10.0.0.2:53: no such host'],
    ['Back-off pulling image "x:1": ErrImagePull: pull access denied', 'ErrImagePull: pull access denied'],
    ['no quotes at all', 'no quotes at all'],
  ])('%s', (text, want) => expect(innermostError(text)).toBe(want));
  it('clips long text', () => expect(innermostError('x'.repeat(500)).length).toBe(160));
});

describe('the current error wins', () => {
  it('a newer not-found beats an older DNS failure', () => {
    const dns = pullFailedText('reg.example.com/a:1', 'reg.example.com/a:1', 'failed to do request: Head "https://reg.example.com/v2/a/manifests/1": dial tcp: lookup reg.example.com on 10.0.0.2:53: no such host');
    const c = {
      ...emptyCluster(),
      pods: [pod('shop/web-a1b2c', 'reg.example.com/a:1', { waiting: 'ErrImagePull' })],
      events: [event('shop/web-a1b2c', 'Failed', dns, { last: '2026-11-27T09:00:00Z' }), event('shop/web-a1b2c', 'Failed', NF('reg.example.com/a:1', 'reg.example.com/a:1'), { last: '2026-11-27T10:00:00Z' })],
    };
    expect(collectPullFailures(c, classify)[0].classification.cause).toBe('image.not-found');
  });

  it('reads a frozen cluster once per classifier and hands the same frozen answer to every rule', () => {
    const c = deepFreeze({ ...emptyCluster(), pods: [pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ErrImagePull' })], events: [event('shop/web-a1b2c', 'Failed', NF('nginx:nope', 'docker.io/library/nginx:nope'))] });
    let calls = 0;
    const counting = (m: string) => (calls++, classify(m));
    const first = collectPullFailures(c, counting);
    const judged = calls;
    expect(first.map((f) => f.classification.cause)).toEqual(['image.not-found']);
    expect(collectPullFailures(c, counting)).toBe(first);
    expect(calls).toBe(judged);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0]) && Object.isFrozen(first[0].texts)).toBe(true);
    // Another classifier judges anew: its answers may differ.
    const other = collectPullFailures(c, (m) => classify(m));
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });

  it('reads unfrozen evidence anew each call, so a changed cluster is never answered from an old read', () => {
    const c = { ...emptyCluster(), pods: [pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ErrImagePull' })], events: [] as ReturnType<typeof event>[] };
    expect(collectPullFailures(c, classify)).toHaveLength(1);
    c.pods = [];
    expect(collectPullFailures(c, classify)).toHaveLength(0);
  });
});
