import { testRule } from '../rule-tester.js';
import { event, node, pod, pullFailedText, secret } from './_fixtures.js';
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
      expect: [{ cause: 'image.invalid-reference', pods: ['shop/web-a1b2c'], nodes: ['n1'], messageIncludes: 'must be lowercase' }],
    },
    {
      name: 'ErrImageNeverPull',
      evidence: {
        cluster: {
          pods: [pod('dev/tool-a1b2c', 'localhost/tool:dev', { node: 'n2', waiting: 'ErrImageNeverPull', pullPolicy: 'Never', message: 'Container image "localhost/tool:dev" is not present with pull policy of Never' })],
          events: [event('dev/tool-a1b2c', 'ErrImageNeverPull', 'Container image "localhost/tool:dev" is not present with pull policy of Never')],
        },
      },
      expect: [{ cause: 'image.never-pull-absent', pods: ['dev/tool-a1b2c'], nodes: ['n2'], registry: 'localhost', messageIncludes: 'node n2' }],
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
      expect: [{ cause: 'image.not-found', pods: ['shop/web-a1b2c'], registry: 'docker.io', messageIncludes: 'nginx:nope cannot be pulled: docker.io/library/nginx:nope: not found' }],
    },
    {
      name: 'authorization refused (K8s 1.32 back-off message carries the error)',
      evidence: {
        cluster: {
          pods: [pod('shop/api-d4e5f', 'reg.example.com/team/api:1.4', { node: 'n3', waiting: 'ImagePullBackOff', message: `Back-off pulling image "reg.example.com/team/api:1.4": ErrImagePull: ${denied.replace(/^Failed to pull image "[^"]+": /, '')}` })],
        },
      },
      expect: [{ cause: 'image.auth-missing', pods: ['shop/api-d4e5f'], nodes: ['n3'], registry: 'reg.example.com' }],
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
      expect: [{ cause: 'image.auth-rejected', pods: ['shop/api-d4e5f'], registry: 'reg.example.com:5000' }],
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
        { cause: 'image.rate-limited', pods: ['a/web-a1b2c'], registry: 'docker.io' },
        { cause: 'image.rate-limited', pods: ['b/web-f6g7h'], registry: 'docker.io' },
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
      expect: [{ cause: 'image.platform-mismatch', nodes: ['pi1'], messageIncludes: 'linux/arm64' }],
    },
    {
      name: 'disk full while unpacking',
      evidence: {
        cluster: { pods: [pod('ml/train-a1b2c', 'reg.example.com/ml/model:7', { node: 'gpu1', waiting: 'ErrImagePull' })], events: [event('ml/train-a1b2c', 'Failed', diskFull)] },
      },
      expect: [{ cause: 'image.disk-full', nodes: ['gpu1'] }],
    },
    {
      name: 'container runtime down',
      evidence: { cluster: { pods: [pod('shop/web-a1b2c', 'nginx:1.25', { waiting: 'ErrImagePull' })], events: [event('shop/web-a1b2c', 'Failed', runtimeDown)] } },
      expect: [{ cause: 'runtime.unavailable', nodes: ['n1'] }],
    },
  ],
});
