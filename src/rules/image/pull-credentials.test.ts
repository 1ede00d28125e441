import { testRule } from '../rule-tester.js';
import { event, pod, pullFailedText, secret, serviceAccount } from './_fixtures.js';
import rule from './pull-credentials.js';

const denied = (img: string, canonical: string) =>
  pullFailedText(img, canonical, 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
const PRIV = 'reg.example.com:5000/team/api:1.4';
const failing = (ref: string, image: string, opts: Parameters<typeof pod>[2] = {}) => pod(ref, image, { waiting: 'ImagePullBackOff', ...opts });

testRule(rule, {
  healthy: [
    {
      name: 'running pod naming a missing secret is not judged',
      evidence: { cluster: { pods: [pod('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })], missingSecrets: ['shop/regcred'] } },
    },
    {
      name: 'failing pod whose secret has a matching key (the cause is elsewhere)',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'])],
          events: [event('shop/api-a1b2c', 'Failed', denied(PRIV, PRIV))],
        },
      },
    },
    {
      name: 'Docker Hub image with an https://index.docker.io/v1/ key',
      evidence: { cluster: { pods: [failing('shop/web-a1b2c', 'acme/private:2', { secrets: ['hub'] })], pullSecrets: [secret('shop/hub', ['https://index.docker.io/v1/'])] } },
    },
    {
      name: 'Docker Hub image with a docker.io key',
      evidence: { cluster: { pods: [failing('shop/web-a1b2c', 'acme/private:2', { secrets: ['hub'] })], pullSecrets: [secret('shop/hub', ['docker.io'])] } },
    },
    {
      name: 'secrets could not be read: no claim about them',
      evidence: { cluster: { read: ['pods', 'events', 'serviceaccounts'], pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })] } },
    },
    {
      name: 'a problem in another registry\'s entry does not condemn the secret',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000', 'old.example.com'], { problems: ['entry for old.example.com has no credentials (neither auth nor username/password)'] })],
        },
      },
    },
    {
      name: 'pod without secrets and a service account without secrets',
      evidence: { cluster: { pods: [failing('shop/web-a1b2c', 'nginx:1.25')], serviceAccounts: [serviceAccount('shop/default', [])] } },
    },
  ],
  faulty: [
    {
      name: 'named secret does not exist',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          missingSecrets: ['shop/regcred'],
          events: [event('shop/api-a1b2c', 'FailedToRetrieveImagePullSecret', 'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.', { container: 'x' })],
        },
      },
      expect: [{ cause: 'image.pullsecret-missing', pods: ['shop/api-a1b2c'], nodes: ['n1'], registry: 'reg.example.com:5000', severity: 'error' }],
    },
    {
      name: 'secret of the wrong type',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', [], { type: 'Opaque', problems: ['type Opaque is not a pull-secret type; kubelet ignores it'] })],
        },
      },
      expect: [{ cause: 'image.pullsecret-malformed', pods: ['shop/api-a1b2c'], messageIncludes: 'Opaque' }],
    },
    {
      name: 'registry-1.docker.io key never matches Docker Hub images',
      evidence: { cluster: { pods: [failing('shop/web-a1b2c', 'acme/private:2', { secrets: ['hub'] })], pullSecrets: [secret('shop/hub', ['registry-1.docker.io'])] } },
      expect: [{ cause: 'image.pullsecret-wrong-registry', pods: ['shop/web-a1b2c'], registry: 'docker.io', messageIncludes: 'registry-1.docker.io' }],
    },
    {
      name: 'key without the port',
      evidence: { cluster: { pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })], pullSecrets: [secret('shop/regcred', ['reg.example.com'])] } },
      expect: [{ cause: 'image.pullsecret-wrong-registry', registry: 'reg.example.com:5000' }],
    },
    {
      name: 'wildcard one label too short, init container',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', 'a.b.example.com/team/api:1', { secrets: ['wild'], init: true })],
          pullSecrets: [secret('shop/wild', ['*.example.com'])],
        },
      },
      expect: [{ cause: 'image.pullsecret-wrong-registry', registry: 'a.b.example.com' }],
    },
    {
      name: 'wrong key, but the pull fails on DNS: only a note',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com'])],
          events: [event('shop/api-a1b2c', 'Failed', pullFailedText(PRIV, PRIV, 'failed to do request: Head "https://reg.example.com:5000/v2/team/api/manifests/1.4": dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host'))],
        },
      },
      expect: [{ cause: 'image.pullsecret-wrong-registry', severity: 'info' }],
    },
    {
      name: 'secret added to the service account after the pod was created',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { created: '2026-11-20T08:00:00Z', sa: 'builder' })],
          serviceAccounts: [serviceAccount('shop/builder', ['regcred'], '2026-10-01T00:00:00Z')],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'], { creationTimestamp: '2026-11-25T09:00:00Z' })],
        },
      },
      expect: [{ cause: 'image.auth-missing', pods: ['shop/api-a1b2c'], messageIncludes: 'service account shop/builder' }],
    },
  ],
});
