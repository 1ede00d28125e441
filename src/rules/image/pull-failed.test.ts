import { testRule } from '../rule-tester.js';
import { event, node, pod, pullFailedText, secret, serviceAccount } from './_fixtures.js';
import rule from './pull-failed.js';

const H = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const notFound = pullFailedText('nginx:nope', 'docker.io/library/nginx:nope', 'docker.io/library/nginx:nope: not found').replace('code = Unknown', 'code = NotFound');
const denied = pullFailedText(
  'reg.example.com/team/api:1.4',
  'reg.example.com/team/api:1.4',
  'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
);
const rateLimited =
  'Failed to pull image "nginx:1.25": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginx:1.25": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:' +
  H +
  ': 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits';
const platform = 'Failed to pull image "reg.example.com/tools/x86only:2": rpc error: code = NotFound desc = failed to pull and unpack image "reg.example.com/tools/x86only:2": no match for platform in manifest: not found';
const diskFull = `Failed to pull image "reg.example.com/ml/model:7": rpc error: code = Unknown desc = failed to pull and unpack image "reg.example.com/ml/model:7": failed to extract layer sha256:${H}: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/412/fs/model.bin: no space left on device: unknown`;
const runtimeDown =
  'Failed to pull image "nginx:1.25": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused"';

testRule(rule, {
  healthy: [
    { name: 'running pods', evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/web-a1b2c', 'nginx:1.25'), pod('shop/api-d4e5f', 'reg.example.com/team/api:1.4')] } } },
    {
      name: 'old pull failure events of a container that now runs',
      evidence: { cluster: { pods: [pod('shop/web-a1b2c', 'nginx:1.25')], events: [event('shop/web-a1b2c', 'Failed', notFound)] } },
    },
    {
      name: 'completed job pods are not judged',
      evidence: { cluster: { pods: [{ ...pod('ci/job-x1y2z', 'nginx:nope', { waiting: 'ErrImagePull', message: notFound }), phase: 'Succeeded' }] } },
    },
    {
      name: 'an unrecognised pull error is not guessed at',
      evidence: {
        cluster: {
          pods: [pod('shop/web-a1b2c', 'nginx:1.25', { waiting: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.25"' })],
          events: [event('shop/web-a1b2c', 'Failed', 'Failed to pull image "nginx:1.25": rpc error: code = Unknown desc = something nobody has seen before')],
        },
      },
    },
    {
      name: 'a network cause is left to registry/pull-failed',
      evidence: {
        cluster: {
          pods: [pod('shop/web-a1b2c', 'reg.example.com/team/api:1.4', { waiting: 'ErrImagePull' })],
          events: [event('shop/web-a1b2c', 'Failed', pullFailedText('reg.example.com/team/api:1.4', 'reg.example.com/team/api:1.4', 'failed to do request: Head "https://reg.example.com/v2/team/api/manifests/1.4": dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host'))],
        },
      },
    },
  ],
  faulty: [
    {
      name: 'InvalidImageName with kubelet text',
      evidence: {
        cluster: {
          pods: [pod('shop/web-a1b2c', 'ACTOKEY', { waiting: 'InvalidImageName', message: 'couldn\'t parse image name "ACTOKEY": invalid reference format: repository name (library/ACTOKEY) must be lowercase' })],
          events: [event('shop/web-a1b2c', 'InspectFailed', 'Failed to apply default image tag "ACTOKEY": couldn\'t parse image name "ACTOKEY": invalid reference format: repository name (library/ACTOKEY) must be lowercase')],
        },
      },
      expect: [
        {
          cause: 'image.invalid-reference',
          messageId: 'invalid',
          data: { pod: 'shop/web-a1b2c', image: 'ACTOKEY', registry: '', container: 'app', reason: 'InvalidImageName', node: 'n1', error: 'invalid reference format: repository name (library/ACTOKEY) must be lowercase' },
          nodes: ['n1'],
          pods: ['shop/web-a1b2c'],
          fix: [
            'Read the reference from the event (Failed to apply default image tag "…") and fix it in the workload: lower-case path, [registry[:port]/]path[:tag][@sha256:digest], no scheme.',
            'If the image comes from Helm or Kustomize values, check that image.repository and image.tag are set (an empty tag leaves a trailing ":").',
          ],
        },
      ],
    },
    {
      name: 'ErrImageNeverPull',
      evidence: {
        cluster: {
          pods: [pod('dev/tool-a1b2c', 'localhost/tool:dev', { node: 'n2', waiting: 'ErrImageNeverPull', pullPolicy: 'Never', message: 'Container image "localhost/tool:dev" is not present with pull policy of Never' })],
          events: [event('dev/tool-a1b2c', 'ErrImageNeverPull', 'Container image "localhost/tool:dev" is not present with pull policy of Never')],
        },
      },
      expect: [
        {
          cause: 'image.never-pull-absent',
          messageId: 'neverPull',
          data: { pod: 'dev/tool-a1b2c', image: 'localhost/tool:dev', registry: 'localhost', container: 'app', reason: 'ErrImageNeverPull', node: 'n2' },
          nodes: ['n2'],
          pods: ['dev/tool-a1b2c'],
          registry: 'localhost',
          fix: [
            'Import the image into the runtime the kubelet uses on every node that may run the pod: ctr -n k8s.io images import image.tar (containerd), or kind load / minikube image load.',
            'Or push it to a registry and use imagePullPolicy IfNotPresent.',
          ],
        },
      ],
    },
    {
      name: 'manifest not found, image in an init container, events only (no status yet)',
      evidence: {
        cluster: {
          pods: [{ ...pod('shop/web-a1b2c', 'nginx:nope', { init: true, container: 'migrate' }), statuses: [], phase: 'Pending' }],
          events: [
            event('shop/web-a1b2c', 'Failed', notFound, { init: true, container: 'migrate', count: 4 }),
            event('shop/web-a1b2c', 'Failed', 'Error: ErrImagePull', { init: true, container: 'migrate', count: 4 }),
            event('shop/web-a1b2c', 'BackOff', 'Back-off pulling image "nginx:nope"', { init: true, container: 'migrate', count: 9 }),
          ],
        },
      },
      expect: [
        {
          cause: 'image.not-found',
          messageId: 'pullFailed',
          data: { pod: 'shop/web-a1b2c', image: 'nginx:nope', registry: 'docker.io', container: 'migrate (init)', reason: 'Failed', node: 'n1', detail: 'docker.io/library/nginx:nope: not found' },
          nodes: ['n1'],
          pods: ['shop/web-a1b2c'],
          registry: 'docker.io',
          fix: [
            'Check the exact reference the pod uses: kubectl get pod web-a1b2c -n shop -o jsonpath="{.spec.containers[*].image}"',
            'List the tags that exist, e.g. skopeo list-tags docker://docker.io/library/nginx (or the registry UI), and correct the tag or digest in the manifest.',
            'Write the registry host explicitly (registry.example.com/team/app:1.2): a name without a host means Docker Hub.',
            'If the repository is private and answers 404 to anonymous clients, add an imagePullSecret for it.',
          ],
        },
      ],
    },
    {
      name: 'authorization refused (K8s 1.32 back-off message carries the error)',
      evidence: {
        cluster: {
          pods: [pod('shop/api-d4e5f', 'reg.example.com/team/api:1.4', { node: 'n3', waiting: 'ImagePullBackOff', message: `Back-off pulling image "reg.example.com/team/api:1.4": ErrImagePull: ${denied.replace(/^Failed to pull image "[^"]+": /, '')}` })],
        },
      },
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'pullFailed',
          data: { pod: 'shop/api-d4e5f', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', container: 'app', reason: 'ImagePullBackOff', node: 'n3', detail: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' },
          nodes: ['n3'],
          pods: ['shop/api-d4e5f'],
          registry: 'reg.example.com',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            "Create a pull secret in the pod's namespace: kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com --docker-username=\"$REGISTRY_USER\" --docker-password=\"$REGISTRY_PASSWORD\"",
            "Reference it from the pod (spec.imagePullSecrets: [{name: regcred}]) or from its service account: kubectl patch serviceaccount default -n shop -p '{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}'",
            "Make sure the secret's server key matches the image host exactly, including the port (docker.io or index.docker.io for Docker Hub).",
            'Recreate the pods: service-account pull secrets are copied into a pod only when it is created.',
          ],
        },
      ],
    },
    {
      name: '401 with a matching pull secret: the credentials were refused',
      evidence: {
        cluster: {
          pods: [pod('shop/api-d4e5f', 'reg.example.com:5000/team/api:1.4', { waiting: 'ErrImagePull', secrets: ['regcred'] })],
          pullSecrets: [secret('shop/regcred', ['reg.example.com:5000'])],
          events: [
            event(
              'shop/api-d4e5f',
              'Failed',
              'Failed to pull image "reg.example.com:5000/team/api:1.4": rpc error: code = Unknown desc = failed to pull and unpack image "reg.example.com:5000/team/api:1.4": failed to resolve reference "reg.example.com:5000/team/api:1.4": pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized',
            ),
          ],
        },
      },
      expect: [
        {
          cause: 'image.auth-rejected',
          messageId: 'pullFailed',
          data: { pod: 'shop/api-d4e5f', image: 'reg.example.com:5000/team/api:1.4', registry: 'reg.example.com:5000', container: 'app', reason: 'ErrImagePull', node: 'n1', detail: 'pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized' },
          nodes: ['n1'],
          pods: ['shop/api-d4e5f'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Rewrite secret shop/regcred keyed reg.example.com:5000 with credentials the registry accepts, same name (the kubelet retries the pull with it on its own): kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
            'If the registry still refuses them, grant the account pull (read) access to the repository in the registry.',
          ],
          steps: [
            { text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)', run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD', on: 'person', manual: 'a secret only the operator has', inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ] },
            {
              text: 'Rewrite secret shop/regcred keyed reg.example.com:5000 with credentials the registry accepts, same name (the kubelet retries the pull with it on its own)',
              on: 'cluster',
              run: 'kubectl create secret docker-registry regcred -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
              verify: `kubectl get secret regcred -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
            { text: 'If the registry still refuses them, grant the account pull (read) access to the repository in the registry.', on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: '401 without any pull secret, bare pod: a secret through its ServiceAccount (kept ones stay), then the pod anew',
      evidence: {
        cluster: {
          pods: [pod('shop/debug', 'reg.example.com:5000/team/api:1.4', { waiting: 'ErrImagePull', sa: 'builder' })],
          serviceAccounts: [serviceAccount('shop/builder', ['other'])],
          pullSecrets: [secret('shop/other', ['quay.io'])],
          events: [event('shop/debug', 'Failed', pullFailedText('reg.example.com:5000/team/api:1.4', 'reg.example.com:5000/team/api:1.4', 'pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized'))],
        },
      },
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'pullFailed',
          data: { pod: 'shop/debug', image: 'reg.example.com:5000/team/api:1.4', registry: 'reg.example.com:5000', container: 'app', reason: 'ErrImagePull', node: 'n1', detail: 'pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized' },
          nodes: ['n1'],
          pods: ['shop/debug'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Write secret shop/regcred-reg.example.com-5000 keyed reg.example.com:5000 with the registry account: kubectl create secret docker-registry regcred-reg.example.com-5000 -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
            `Add regcred-reg.example.com-5000 to the imagePullSecrets of ServiceAccount shop/builder (kept: other): kubectl -n shop patch serviceaccount builder --type merge -p '{"imagePullSecrets":[{"name":"other"},{"name":"regcred-reg.example.com-5000"}]}'`,
            "Make the bare pod shop/debug anew from its own spec with the ServiceAccount's pull secrets: kubectl -n shop get pod debug -o json | kubectl replace --force -f -",
            "Or name the secret in the workload's pod template (spec.imagePullSecrets) instead of the ServiceAccount.",
          ],
          steps: [
            { text: 'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)', run: 'read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD', on: 'person', manual: 'a secret only the operator has', inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ] },
            {
              text: 'Write secret shop/regcred-reg.example.com-5000 keyed reg.example.com:5000 with the registry account',
              on: 'cluster',
              run: 'kubectl create secret docker-registry regcred-reg.example.com-5000 -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
              verify: `kubectl get secret regcred-reg.example.com-5000 -n shop -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '"reg.example.com:5000"'`,
              inputs: [
                { env: 'REGISTRY_USER', source: 'an account with pull access' },
                { env: 'REGISTRY_PASSWORD', source: 'its token, both from the registry' },
              ],
            },
            {
              text: 'Add regcred-reg.example.com-5000 to the imagePullSecrets of ServiceAccount shop/builder (kept: other)',
              on: 'cluster',
              run: `kubectl -n shop patch serviceaccount builder --type merge -p '{"imagePullSecrets":[{"name":"other"},{"name":"regcred-reg.example.com-5000"}]}'`,
              verify: "kubectl -n shop get serviceaccount builder -o jsonpath='{.imagePullSecrets[*].name}' | tr ' ' '\\n' | grep -qxF regcred-reg.example.com-5000",
            },
            {
              text: "Make the bare pod shop/debug anew from its own spec with the ServiceAccount's pull secrets",
              on: 'cluster',
              run: 'kubectl -n shop get pod debug -o json | kubectl replace --force -f -',
              verify: 'kubectl -n shop wait --for=condition=Ready pod/debug --timeout=120s',
            },
            { text: "Or name the secret in the workload's pod template (spec.imagePullSecrets) instead of the ServiceAccount.", on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: '401 without any pull secret, pod of a ReplicaSet, default ServiceAccount without secrets',
      evidence: {
        cluster: {
          pods: [{ ...pod('shop/api-d4e5f', 'reg.example.com:5000/team/api:1.4', { waiting: 'ErrImagePull' }), ownerKind: 'ReplicaSet', ownerName: 'api-5d4f8' }],
          serviceAccounts: [serviceAccount('shop/default', [])],
          events: [event('shop/api-d4e5f', 'Failed', pullFailedText('reg.example.com:5000/team/api:1.4', 'reg.example.com:5000/team/api:1.4', 'pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized'))],
        },
      },
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'pullFailed',
          data: { pod: 'shop/api-d4e5f', image: 'reg.example.com:5000/team/api:1.4', registry: 'reg.example.com:5000', container: 'app', reason: 'ErrImagePull', node: 'n1', detail: 'pulling from host reg.example.com:5000 failed with status code [manifests 1.4]: 401 Unauthorized' },
          nodes: ['n1'],
          pods: ['shop/api-d4e5f'],
          registry: 'reg.example.com:5000',
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Write secret shop/regcred-reg.example.com-5000 keyed reg.example.com:5000 with the registry account: kubectl create secret docker-registry regcred-reg.example.com-5000 -n shop --docker-server=reg.example.com:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
            `Add regcred-reg.example.com-5000 to the imagePullSecrets of ServiceAccount shop/default: kubectl -n shop patch serviceaccount default --type merge -p '{"imagePullSecrets":[{"name":"regcred-reg.example.com-5000"}]}'`,
            "Delete pod shop/api-d4e5f: its ReplicaSet makes it anew with the ServiceAccount's pull secrets: kubectl -n shop delete pod api-d4e5f",
            "Or name the secret in the workload's pod template (spec.imagePullSecrets) instead of the ServiceAccount.",
          ],
        },
      ],
    },
    {
      name: 'Docker Hub rate limit on two pods',
      evidence: {
        cluster: {
          pods: [pod('a/web-a1b2c', 'nginx:1.25', { waiting: 'ErrImagePull' }), pod('b/web-f6g7h', 'nginx:1.25', { node: 'n2', waiting: 'ErrImagePull' })],
          events: [event('a/web-a1b2c', 'Failed', rateLimited), event('b/web-f6g7h', 'Failed', rateLimited)],
        },
      },
      expect: [
        {
          cause: 'image.rate-limited',
          messageId: 'pullFailed',
          data: { pod: 'a/web-a1b2c', image: 'nginx:1.25', registry: 'docker.io', container: 'app', reason: 'ErrImagePull', node: 'n1', detail: 'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:e3b0c44298fc1c149afbf4c8996f…' },
          nodes: ['n1'],
          pods: ['a/web-a1b2c'],
          registry: 'docker.io',
          fix: [
            'Authenticate pulls from Docker Hub with a pull secret for docker.io (authenticated accounts get a higher limit).',
            'Use a pull-through cache or mirror (containerd certs.d/docker.io/hosts.toml) or copy the images to your own registry.',
            'Reduce pulls: imagePullPolicy IfNotPresent and pinned tags instead of :latest with Always.',
          ],
        },
        {
          cause: 'image.rate-limited',
          messageId: 'pullFailed',
          data: { pod: 'b/web-f6g7h', image: 'nginx:1.25', registry: 'docker.io', container: 'app', reason: 'ErrImagePull', node: 'n2', detail: 'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:e3b0c44298fc1c149afbf4c8996f…' },
          nodes: ['n2'],
          pods: ['b/web-f6g7h'],
          registry: 'docker.io',
          fix: [
            'Authenticate pulls from Docker Hub with a pull secret for docker.io (authenticated accounts get a higher limit).',
            'Use a pull-through cache or mirror (containerd certs.d/docker.io/hosts.toml) or copy the images to your own registry.',
            'Reduce pulls: imagePullPolicy IfNotPresent and pinned tags instead of :latest with Always.',
          ],
        },
      ],
    },
    {
      name: 'no variant for the arm64 node',
      evidence: {
        cluster: {
          nodes: [node('pi1', { architecture: 'arm64' })],
          pods: [pod('tools/x-a1b2c', 'reg.example.com/tools/x86only:2', { node: 'pi1', waiting: 'ErrImagePull' })],
          events: [event('tools/x-a1b2c', 'Failed', platform)],
        },
      },
      expect: [
        {
          cause: 'image.platform-mismatch',
          messageId: 'platform',
          data: { pod: 'tools/x-a1b2c', image: 'reg.example.com/tools/x86only:2', registry: 'reg.example.com', container: 'app', reason: 'ErrImagePull', node: 'pi1', platform: 'linux/arm64' },
          nodes: ['pi1'],
          pods: ['tools/x-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Check the platforms the image offers: skopeo inspect --raw docker://reg.example.com/tools/x86only:2 | jq ".manifests[].platform"',
            'Use a multi-arch tag, or build for the node architecture (docker buildx build --platform linux/amd64,linux/arm64).',
            'Or pin the workload to nodes of an architecture the image offers (nodeSelector kubernetes.io/arch in the pod template).',
          ],
        },
      ],
    },
    {
      name: 'disk full while unpacking',
      evidence: {
        cluster: { pods: [pod('ml/train-a1b2c', 'reg.example.com/ml/model:7', { node: 'gpu1', waiting: 'ErrImagePull' })], events: [event('ml/train-a1b2c', 'Failed', diskFull)] },
      },
      expect: [
        {
          cause: 'image.disk-full',
          messageId: 'pullFailed',
          data: { pod: 'ml/train-a1b2c', image: 'reg.example.com/ml/model:7', registry: 'reg.example.com', container: 'app', reason: 'ErrImagePull', node: 'gpu1', detail: 'failed to extract layer sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855: write /var/lib/containerd/io.containerd.snapshotter.v1.overlay…' },
          nodes: ['gpu1'],
          pods: ['ml/train-a1b2c'],
          fix: [
            'See what is full: df -h /var/lib/containerd /var/lib/kubelet; du -xsh /var/lib/containerd/* | sort -h',
            'Free space: crictl rmi --prune (unused images), remove old logs, or grow the disk.',
            'Tune kubelet image GC (imageGCHighThresholdPercent / imageGCLowThresholdPercent) and eviction thresholds so that it cleans up before the disk fills.',
          ],
        },
      ],
    },
    {
      name: 'container runtime down',
      evidence: { cluster: { pods: [pod('shop/web-a1b2c', 'nginx:1.25', { waiting: 'ErrImagePull' })], events: [event('shop/web-a1b2c', 'Failed', runtimeDown)] } },
      expect: [
        {
          cause: 'runtime.unavailable',
          messageId: 'pullFailed',
          data: { pod: 'shop/web-a1b2c', image: 'nginx:1.25', registry: 'docker.io', container: 'app', reason: 'ErrImagePull', node: 'n1', detail: 'connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused"' },
          nodes: ['n1'],
          pods: ['shop/web-a1b2c'],
          fix: [
            'Check why it stopped: systemctl status containerd; journalctl -u containerd --since -10m',
            'Start containerd again on the node; the kubelet reconnects to its socket by itself: systemctl restart containerd',
            'If the CRI plugin is disabled, remove "cri" from disabled_plugins in /etc/containerd/config.toml (or regenerate it: containerd config default > /etc/containerd/config.toml) and restart containerd.',
            "Check that the kubelet's --container-runtime-endpoint matches the socket (unix:///run/containerd/containerd.sock).",
          ],
        },
      ],
    },
  ],
});
