/**
 * Context decides: a pull error whose text alone fits several causes is judged with the node and
 * probe evidence of a bundle. Each case writes a real bundle (writeBundle), reads it back
 * (readBundle) and runs every rule through diagnose, next to a control whose context points the
 * other way, so each assertion can fail in either direction.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PodInfo } from '../../evidence/cluster.js';
import type { Evidence } from '../../evidence/types.js';
import { diagnose } from '../../engine/diagnose.js';
import { readBundle } from '../../sources/bundle/read.js';
import { writeBundle } from '../../sources/bundle/write.js';
import { healthy } from '../_healthy-nodes.js';
import { RULES } from '../index.js';
import { makeEvidence } from '../rule-tester.js';

const IMAGE = 'reg.lab:5000/lab/app:1.0';
const PREFIX = `Back-off pulling image "${IMAGE}": ErrImagePull: rpc error: code = Unknown desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": `;
/** x509 from the TLS handshake with whichever host containerd asked (a mirror's requests carry ?ns=). */
const x509At = (url: string) => `${PREFIX}failed to do request: Head "${url}/v2/lab/app/manifests/1.0${url.includes('mirror') ? '?ns=reg.lab%3A5000' : ''}": tls: failed to verify certificate: x509: certificate signed by unknown authority`;
const UNAUTHORIZED = `${PREFIX}pulling from host reg.lab:5000 failed with status code [manifests 1.0]: 401 Unauthorized`;

const pullingPod = (message: string): PodInfo => ({
  namespace: 'shop', name: 'web-7d9f', labels: {}, nodeName: 'n2', imagePullSecrets: [], hostNetwork: false, phase: 'Pending', conditions: [],
  containers: [{ name: 'web', image: IMAGE, init: false }],
  statuses: [{ name: 'web', init: false, image: IMAGE, ready: false, restartCount: 0, state: 'waiting', reason: 'ImagePullBackOff', message }],
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Evidence → a written bundle → read back → every rule. The errors, most important first. */
async function diagnoseBundle(e: Evidence): Promise<{ cause: string; message: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'fd-context-'));
  dirs.push(dir);
  await writeBundle(e, join(dir, 'bundle.tgz'), 'context-test');
  const { evidence, layout } = await readBundle(join(dir, 'bundle.tgz'));
  expect(layout).toBe('flannel-doctor');
  return diagnose(evidence, RULES).findings.filter((f) => f.severity === 'error').map((f) => ({ cause: f.cause, message: f.message }));
}

function withPod(message: string): Evidence {
  const e = makeEvidence(healthy({ nodes: ['n2'] }));
  e.cluster!.pods.push(pullingPod(message));
  return e;
}

describe('context decides what an ambiguous pull error means', () => {
  it('x509 from a host that n2 uses as a mirror for the registry: the mirror entry, not the registry CA', async () => {
    const e = withPod(x509At('https://reg-mirror.lab:5443'));
    e.nodes.n2.registryHosts[1].hosts = [{ url: 'https://reg-mirror.lab:5443', capabilities: ['pull', 'resolve'] }];
    const errors = await diagnoseBundle(e);
    expect(errors[0]?.cause).toBe('registry.mirror-misconfigured');
    expect(errors[0]?.message).toContain('https://reg-mirror.lab:5443');
    expect(errors.map((f) => f.cause)).not.toContain('registry.tls-untrusted');
  });

  it('control: the same x509 from the registry itself is the registry CA the node does not trust', async () => {
    const errors = await diagnoseBundle(withPod(x509At('https://reg.lab:5000')));
    expect(errors.map((f) => f.cause)).toEqual(['registry.tls-untrusted']);
  });

  it('401 while a probe finds the registry answering 503: the registry is down, not the credentials', async () => {
    const e = withPod(UNAUTHORIZED);
    const failing = { endpoint: 'https://reg.lab:5000', mirror: false, ok: false, cause: 'registry.server-error', failedPhase: 'http', error: 'GET /v2/: 503 Service Unavailable' };
    e.probes = {
      ran: ['registry'], dns: [], mesh: [],
      registry: [{ image: IMAGE, registry: 'reg.lab:5000', node: 'n2', endpoint: failing.endpoint, ok: false, cause: failing.cause, failedPhase: 'http', attempts: [failing], phases: [{ name: 'dns', ok: true, ms: 1 }, { name: 'tcp', ok: true, ms: 1 }, { name: 'tls', ok: true, ms: 4 }, { name: 'http', ok: false, ms: 9, error: failing.error }] }],
    };
    const errors = await diagnoseBundle(e);
    expect(errors.map((f) => f.cause)).toEqual(['registry.server-error']);
    expect(errors[0].message).toContain('503');
  });

  it('control: the same 401 with no probe (or a healthy one) is missing credentials', async () => {
    expect((await diagnoseBundle(withPod(UNAUTHORIZED))).map((f) => f.cause)).toEqual(['image.auth-missing']);
    const e = withPod(UNAUTHORIZED);
    e.probes = { ran: ['registry'], dns: [], mesh: [], registry: [{ image: IMAGE, registry: 'reg.lab:5000', node: 'n2', endpoint: 'https://reg.lab:5000', ok: true, phases: [{ name: 'http', ok: true, ms: 5 }] }] };
    expect((await diagnoseBundle(e)).map((f) => f.cause)).toEqual(['image.auth-missing']);
  });
});
