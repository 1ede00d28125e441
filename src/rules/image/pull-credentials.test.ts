import { testRule } from '../rule-tester.js';
import { event, pod, pullFailedText, secret, serviceAccount } from './_fixtures.js';
import rule from './pull-credentials.js';

const denied = (img: string, canonical: string) =>
  pullFailedText(img, canonical, 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
const PRIV = 'reg.example.com:5000/team/api:1.4';
/** kubelet v1.36's waiting reason (and message) for a pull secret its keyring cannot parse, as the lab's real kubelet wrote it. */
const AUTH_FIELD = 'unable to parse auth field, must be formatted as base64(username:password)';
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
      expect: [
        {
          cause: 'image.pullsecret-missing',
          messageId: 'missing',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secret: 'regcred' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Create secret shop/regcred keyed reg.example.com:5000, the name the pod expects (the kubelet retries the pull with it on its own): kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
            'If the name is misspelt or the secret lives in another namespace, fix the name in the workload or service account, or copy the secret, instead.',
          ],
          steps: [
            { text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)', run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD', on: 'person', manual: 'a secret only the operator has', inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ] },
            {
              text: 'Create secret shop/regcred keyed reg.example.com:5000, the name the pod expects (the kubelet retries the pull with it on its own)',
              on: 'cluster',
              run: 'kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
              verify: `kubectl get secret regcred -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
            { text: 'If the name is misspelt or the secret lives in another namespace, fix the name in the workload or service account, or copy the secret, instead.', on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: 'malformed entry in a secret that also serves another registry: the rewrite is left to a person',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000', 'quay.io'], { problems: ['auth field for reg.example.com:5000 is not base64(username:password): kubelet says "unable to parse auth field"'] })],
        },
      },
      expect: [
        {
          cause: 'image.pullsecret-malformed',
          messageId: 'malformed',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secret: 'regcred', problem: 'auth field for reg.example.com:5000 is not base64(username:password): kubelet says "unable to parse auth field"' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Replace secret shop/regcred by a docker-registry secret keyed reg.example.com:5000, same name (the kubelet retries the pull with it on its own): kubectl delete secret regcred -n shop --ignore-not-found && kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD"',
          ],
          steps: [
            { text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)', run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD', on: 'person', manual: 'a secret only the operator has', inputs: [{ env: 'REGISTRY_USER', source: 'an account with pull access' }, { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' }] },
            {
              text: 'Replace secret shop/regcred by a docker-registry secret keyed reg.example.com:5000, same name (the kubelet retries the pull with it on its own)',
              on: 'cluster',
              run: 'kubectl delete secret regcred -n shop --ignore-not-found && kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD"',
              verify: `test "$(kubectl get secret regcred -n shop -o jsonpath='{.type}')" = kubernetes.io/dockerconfigjson && kubectl get secret regcred -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              manual: 'the secret also holds credentials for other registries, which a rewrite would drop: add the key for this registry by hand',
              inputs: [{ env: 'REGISTRY_USER', source: 'an account with pull access' }, { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' }],
            },
          ],
        },
      ],
    },
    {
      name: 'secret of the wrong type',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', [], { type: 'Opaque', problems: ['type Opaque is not a pull-secret type; kubelet ignores it'] })],
        },
      },
      expect: [
        {
          cause: 'image.pullsecret-malformed',
          messageId: 'malformed',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secret: 'regcred', problem: 'type Opaque is not a pull-secret type; kubelet ignores it' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Replace secret shop/regcred by a docker-registry secret keyed reg.example.com:5000, same name (the kubelet retries the pull with it on its own): kubectl delete secret regcred -n shop --ignore-not-found && kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD"',
          ],
          steps: [
            { text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)', run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD', on: 'person', manual: 'a secret only the operator has', inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ] },
            {
              text: 'Replace secret shop/regcred by a docker-registry secret keyed reg.example.com:5000, same name (the kubelet retries the pull with it on its own)',
              on: 'cluster',
              run: 'kubectl delete secret regcred -n shop --ignore-not-found && kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD"',
              verify: `test "$(kubectl get secret regcred -n shop -o jsonpath='{.type}')" = kubernetes.io/dockerconfigjson && kubectl get secret regcred -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'the keyring cannot parse the auth field: the kubelet hands its error through as the waiting reason',
      evidence: {
        cluster: {
          pods: [pod('shop/api-a1b2c', PRIV, { secrets: ['regcred'], waiting: AUTH_FIELD })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'], { problems: [`auth field for reg.example.com:5000 is not base64(username:password): kubelet says "unable to parse auth field"`] })],
          events: [event('shop/api-a1b2c', 'Failed', `Error: ${AUTH_FIELD}`)],
        },
      },
      expect: [
        {
          cause: 'image.pullsecret-malformed',
          messageId: 'malformed',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secret: 'regcred', problem: 'auth field for reg.example.com:5000 is not base64(username:password): kubelet says "unable to parse auth field"' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Replace secret shop/regcred by a docker-registry secret keyed reg.example.com:5000, same name (the kubelet retries the pull with it on its own): kubectl delete secret regcred -n shop --ignore-not-found && kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD"',
          ],
        },
      ],
    },
    {
      name: 'registry-1.docker.io key never matches Docker Hub images',
      evidence: { cluster: { pods: [failing('shop/web-a1b2c', 'acme/private:2', { secrets: ['hub'] })], pullSecrets: [secret('shop/hub', ['registry-1.docker.io'])] } },
      expect: [
        {
          cause: 'image.pullsecret-wrong-registry',
          messageId: 'wrongRegistry',
          data: { pod: 'shop/web-a1b2c', namespace: 'shop', registry: 'docker.io', image: 'acme/private:2', secrets: 'hub', keys: 'registry-1.docker.io' },
          nodes: ['n1'],
          pods: ['shop/web-a1b2c'],
          registry: 'docker.io',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Rewrite secret hub keyed https://index.docker.io/v1/ (the pod retries the pull on its own): kubectl create secret docker-registry hub -n shop --docker-server=https://index.docker.io/v1/ --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
          ],
        },
      ],
    },
    {
      name: 'key without the port',
      evidence: { cluster: { pods: [failing('shop/api-a1b2c', PRIV, { secrets: ['regcred'] })], pullSecrets: [secret('shop/regcred', ['reg.example.com'])] } },
      expect: [
        {
          cause: 'image.pullsecret-wrong-registry',
          messageId: 'wrongRegistry',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secrets: 'regcred', keys: 'reg.example.com' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Rewrite secret regcred keyed reg.example.com:5000 (the pod retries the pull on its own): kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
          ],
          steps: [
            {
              text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)',
              run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
              on: 'person',
              manual: 'a secret only the operator has',
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
            {
              text: 'Rewrite secret regcred keyed reg.example.com:5000 (the pod retries the pull on its own)',
              on: 'cluster',
              run: 'kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
              verify: `kubectl get secret regcred -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'wildcard one label too short, init container',
      evidence: {
        cluster: {
          pods: [failing('shop/api-a1b2c', 'a.b.example.com/team/api:1', { secrets: ['wild'], init: true })],
          pullSecrets: [secret('shop/wild', ['*.example.com'])],
        },
      },
      expect: [
        {
          cause: 'image.pullsecret-wrong-registry',
          messageId: 'wrongRegistry',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'a.b.example.com', image: 'a.b.example.com/team/api:1', secrets: 'wild', keys: '*.example.com' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'a.b.example.com',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Rewrite secret wild keyed a.b.example.com (the pod retries the pull on its own): kubectl create secret docker-registry wild -n shop --docker-server=a.b.example.com --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
          ],
        },
      ],
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
      expect: [
        {
          cause: 'image.pullsecret-wrong-registry',
          messageId: 'wrongRegistry',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', secrets: 'regcred', keys: 'reg.example.com' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          severity: 'info',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Rewrite secret regcred keyed reg.example.com:5000 (the pod retries the pull on its own): kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
          ],
        },
      ],
    },
    {
      name: 'secret added to the service account after the pod was created',
      evidence: {
        cluster: {
          pods: [{ ...failing('shop/api-a1b2c', PRIV, { created: '2026-11-20T08:00:00Z', sa: 'builder' }), ownerKind: 'ReplicaSet', ownerName: 'api-5d4f8' }],
          serviceAccounts: [serviceAccount('shop/builder', ['regcred'], '2026-10-01T00:00:00Z')],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'], { creationTimestamp: '2026-11-25T09:00:00Z' })],
        },
      },
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'saLater',
          data: { pod: 'shop/api-a1b2c', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', sa: 'builder', secrets: 'regcred' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com:5000',
          fix: [
            "Recreate the pod so the service account's imagePullSecrets are copied in (its ReplicaSet makes a new one; or roll the owning workload): kubectl -n shop delete pod api-a1b2c",
            "Or name the secret in the workload's pod template (spec.imagePullSecrets).",
          ],
          steps: [
            { text: "Recreate the pod so the service account's imagePullSecrets are copied in (its ReplicaSet makes a new one; or roll the owning workload)", on: 'cluster', run: 'kubectl -n shop delete pod api-a1b2c' },
            { text: "Or name the secret in the workload's pod template (spec.imagePullSecrets).", on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: 'secret added to the service account after a bare pod was created',
      evidence: {
        cluster: {
          pods: [failing('shop/debug', PRIV, { created: '2026-11-20T08:00:00Z', sa: 'builder' })],
          serviceAccounts: [serviceAccount('shop/builder', ['regcred'], '2026-10-01T00:00:00Z')],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'], { creationTimestamp: '2026-11-25T09:00:00Z' })],
        },
      },
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'saLater',
          data: { pod: 'shop/debug', namespace: 'shop', registry: 'reg.example.com:5000', image: 'reg.example.com:5000/team/api:1.4', sa: 'builder', secrets: 'regcred' },
          nodes: ['n1'],
          pods: ['shop/debug'],
          registry: 'reg.example.com:5000',
          fix: [
            "Make the bare pod shop/debug anew from its own spec so the service account's imagePullSecrets are copied in (it has no controller): kubectl -n shop get pod debug -o json | kubectl replace --force -f -",
            "Or name the secret in the workload's pod template (spec.imagePullSecrets).",
          ],
          steps: [
            {
              text: "Make the bare pod shop/debug anew from its own spec so the service account's imagePullSecrets are copied in (it has no controller)",
              on: 'cluster',
              run: 'kubectl -n shop get pod debug -o json | kubectl replace --force -f -',
              verify: 'kubectl -n shop wait --for=condition=Ready pod/debug --timeout=120s',
            },
            { text: "Or name the secret in the workload's pod template (spec.imagePullSecrets).", on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
  ],
});
