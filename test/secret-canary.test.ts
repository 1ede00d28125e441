/**
 * Secrets never reach output. Raw Secret objects carrying planted canary values (password, auth,
 * identity/registry tokens, credentials inside a key URL, broken JSON around a password) go through
 * the real evidence builder (summarisePullSecret), the real rules and every renderer; no canary, nor
 * any base64 form of it, may appear anywhere.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/engine/diagnose.js';
import { clusterFromObjects } from '../src/sources/objects/from-kube.js';
import { emptyEvidence } from '../src/evidence/types.js';
import { summarisePullSecret } from '../src/parsers/dockerconfig.js';
import { RENDERERS, render, type Format } from '../src/report/index.js';
import { RULES } from '../src/rules/index.js';

const CANARIES = {
  password: 'CANARY-pw-7f3a9c1e5b',
  auth: 'CANARY-auth-2d8e4f6a0c',
  token: 'CANARY-tok-9b1c3e5d7f',
  registryToken: 'CANARY-rtok-4a6c8e0b2d',
  urlPassword: 'CANARY-url-1e3f5a7c9b',
  brokenJson: 'CANARY-broken-8c0e2a4f6d',
  opaque: 'CANARY-opaque-3b5d7f9a1c',
  legacy: 'CANARY-legacy-6e8a0c2f4b',
};

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Every form a canary could leak in: itself, base64 of it and of user:canary, at the three alignments. */
function forbidden(): string[] {
  const out: string[] = [];
  for (const c of Object.values(CANARIES)) {
    out.push(c, c.toLowerCase());
    for (const s of [c, `robot:${c}`, `ci-bot:${c}`]) {
      const full = b64(s).replace(/=+$/, '');
      out.push(full, b64url(s));
      // Inside a longer base64 blob the canary's encoding depends on its offset mod 3: check all three.
      for (const pad of ['', 'x', 'xx']) out.push(b64(pad + c).slice(Math.ceil((pad.length * 4) / 3) + 1, -4));
    }
  }
  return [...new Set(out.filter((s) => s.length >= 8))];
}

const dockerconfig = (auths: Record<string, unknown>) => b64(JSON.stringify({ auths }));

function secrets(): Record<string, unknown>[] {
  const meta = (name: string) => ({ namespace: 'shop', name, creationTimestamp: '2026-11-01T00:00:00Z' });
  return [
    {
      kind: 'Secret',
      metadata: meta('good'),
      type: 'kubernetes.io/dockerconfigjson',
      data: {
        '.dockerconfigjson': dockerconfig({
          'reg.example.com:5000': { username: 'robot', password: CANARIES.password, auth: b64(`robot:${CANARIES.auth}`) },
          'tokens.example.com': { identitytoken: CANARIES.token, registrytoken: CANARIES.registryToken },
        }),
      },
    },
    {
      // wrong registry, and credentials written inside the key URL
      kind: 'Secret',
      metadata: meta('wrong'),
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': dockerconfig({ [`https://ci-bot:${CANARIES.urlPassword}@registry-1.docker.io/v2/`]: { auth: b64(`ci-bot:${CANARIES.urlPassword}`) } }) },
    },
    {
      // JSON broken right after the password: a parser error must not echo it
      kind: 'Secret',
      metadata: meta('broken'),
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64(`{"auths": {"reg.example.com:5000": {"password": "${CANARIES.brokenJson}" ,,}`) },
    },
    {
      kind: 'Secret',
      metadata: meta('opaque'),
      type: 'Opaque',
      data: { token: b64(CANARIES.opaque), '.dockerconfigjson': dockerconfig({ 'reg.example.com:5000': { password: CANARIES.opaque } }) },
    },
    {
      // legacy form with a bad auth field made of the canary itself
      kind: 'Secret',
      metadata: meta('legacy'),
      type: 'kubernetes.io/dockercfg',
      data: { '.dockercfg': b64(JSON.stringify({ 'reg.example.com:5000': { auth: CANARIES.legacy, email: 'x@example.com' } })) },
      stringData: { note: CANARIES.legacy },
    },
  ];
}

function objects(): Record<string, unknown>[] {
  const failingPod = (name: string, image: string, secret: string) => ({
    kind: 'Pod',
    metadata: { namespace: 'shop', name, creationTimestamp: '2026-11-20T00:00:00Z' },
    spec: { nodeName: 'n1', imagePullSecrets: [{ name: secret }], containers: [{ name: 'app', image }] },
    status: { phase: 'Pending', containerStatuses: [{ name: 'app', image, ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } } }] },
  });
  const denied = (pod: string, image: string) => ({
    kind: 'Event',
    metadata: { namespace: 'shop', name: `${pod}.1` },
    involvedObject: { kind: 'Pod', namespace: 'shop', name: pod, fieldPath: 'spec.containers{app}' },
    type: 'Warning',
    reason: 'Failed',
    count: 3,
    message: `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  });
  const IMG = 'reg.example.com:5000/team/api:1.4';
  return [
    { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.244.0.0/24' }, status: { nodeInfo: { containerRuntimeVersion: 'containerd://1.7.13', architecture: 'amd64' } } },
    failingPod('a-1', IMG, 'good'),
    failingPod('b-1', 'acme/private:2', 'wrong'),
    failingPod('c-1', IMG, 'broken'),
    failingPod('d-1', IMG, 'opaque'),
    failingPod('e-1', IMG, 'legacy'),
    denied('a-1', IMG),
    denied('b-1', 'docker.io/acme/private:2'),
    ...secrets(),
  ];
}

describe('secret canaries never reach any output', () => {
  const needles = forbidden();

  it('the planted secrets are really in the input (the test can fail)', () => {
    const input = JSON.stringify(secrets());
    expect(needles.some((n) => input.includes(n))).toBe(true);
  });

  it('summarisePullSecret keeps no value', () => {
    for (const s of secrets()) {
      const text = JSON.stringify(summarisePullSecret(s as Parameters<typeof summarisePullSecret>[0]));
      for (const n of needles) expect(text, `canary form ${n}`).not.toContain(n);
    }
  });

  const evidence = emptyEvidence(['bundle']);
  evidence.cluster = clusterFromObjects(objects());
  const report = diagnose(evidence, RULES, { now: new Date('2026-11-27T12:00:00Z') });

  it('the diagnosis judged the secrets (so the renderers had something to leak)', () => {
    const causes = report.findings.map((f) => f.cause);
    expect(causes).toEqual(expect.arrayContaining(['image.pullsecret-malformed', 'image.pullsecret-wrong-registry']));
  });

  it('the evidence itself holds no value', () => {
    const text = JSON.stringify(evidence);
    for (const n of needles) expect(text, `canary form ${n}`).not.toContain(n);
  });

  const formats: Format[] = ['text', 'json', 'markdown', 'junit', 'sarif', 'html'];
  for (const format of formats) {
    it(`-o ${format}`, () => {
      expect(RENDERERS[format], `renderer ${format} is registered`).toBeDefined();
      const out = render(report, format);
      expect(out.length).toBeGreaterThan(100);
      for (const n of needles) expect(out, `canary form ${n} in ${format}`).not.toContain(n);
    });
  }
});
