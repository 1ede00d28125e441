import { testRule } from '../rule-tester.js';
import type { PodInfo } from '../../evidence/cluster.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './hosts-toml.js';

const PULL_ERR =
  'Back-off pulling image "reg.lab:5000/lab/app:1.0": ErrImagePull: rpc error: code = Unknown desc = failed to pull and unpack image "reg.lab:5000/lab/app:1.0": failed to resolve reference "reg.lab:5000/lab/app:1.0": failed to do request: Head "http://reg-mirror.lab:5000/v2/lab/app/manifests/1.0?ns=reg.lab%3A5000": dial tcp 172.31.250.242:5000: connect: connection refused';
const pullingPod = (node: string, message: string): PodInfo => ({
  namespace: 'shop', name: 'web-7d9f', labels: {}, nodeName: node, imagePullSecrets: [], hostNetwork: false, phase: 'Pending', conditions: [],
  containers: [{ name: 'web', image: 'reg.lab:5000/lab/app:1.0', init: false }],
  statuses: [{ name: 'web', init: false, image: 'reg.lab:5000/lab/app:1.0', ready: false, restartCount: 0, state: 'waiting', reason: 'ImagePullBackOff', message }],
});
const deadMirror = (n: { registryHosts: { capabilities?: string[]; hosts: { url: string; capabilities?: string[] }[] }[] }) => {
  n.registryHosts[1].capabilities = ['push'];
  n.registryHosts[1].hosts = [{ url: 'http://reg-mirror.lab:5000', capabilities: ['pull', 'resolve'] }];
};

testRule(rule, {
  healthy: [
    { name: 'docker.io mirror and a private registry', evidence: healthy() },
    { name: 'mirror with override_path', evidence: breakNode('n1', (n) => (n.registryHosts[0].hosts = [{ url: 'https://harbor.lab/v2/dockerhub', capabilities: ['pull'], overridePath: true }])) },
    { name: 'host_port_ directory form', evidence: breakNode('n2', (n) => (n.registryHosts[1].namespace = 'reg.lab_5000_')) },
    {
      name: 'a pull failing at the registry itself is not a mirror problem',
      evidence: (() => {
        const e = healthy({ nodes: ['n2'] });
        e.cluster!.pods = [pullingPod('n2', PULL_ERR.replace('http://reg-mirror.lab:5000', 'https://reg.lab:5000'))];
        return e;
      })(),
    },
  ],
  faulty: [
    {
      name: 'pulls fail at a dead mirror and the server is push-only',
      evidence: (() => {
        const e = breakNode('n2', deadMirror, { nodes: ['n2'] });
        e.cluster!.pods = [pullingPod('n2', PULL_ERR)];
        return e;
      })(),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'pullsFail',
          data: { node: 'n2', file: '/etc/containerd/certs.d/reg.lab:5000/hosts.toml', url: 'http://reg-mirror.lab:5000', cause: 'registry.connection-refused', count: 1, plural: '', noFallback: '; the registry itself is not allowed to serve pulls, so there is no fallback' },
          nodes: ['n2'],
          pods: ['shop/web-7d9f'],
          registry: 'reg.lab:5000',
          fix: [
            'Fix the mirror URL in /etc/containerd/certs.d/reg.lab:5000/hosts.toml or remove [host."http://reg-mirror.lab:5000"] (hosts.toml edits need no containerd restart)',
            'Or let the registry serve pulls again: capabilities = ["pull", "resolve", "push"] at the top of /etc/containerd/certs.d/reg.lab:5000/hosts.toml',
            'Then retry (or wait for the back-off): kubectl -n shop delete pod web-7d9f',
          ],
          steps: [
            { text: 'Fix the mirror URL in /etc/containerd/certs.d/reg.lab:5000/hosts.toml or remove [host."http://reg-mirror.lab:5000"] (hosts.toml edits need no containerd restart)', on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Or let the registry serve pulls again: capabilities = ["pull", "resolve", "push"] at the top of /etc/containerd/certs.d/reg.lab:5000/hosts.toml', on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Then retry (or wait for the back-off)', on: 'cluster', run: 'kubectl -n shop delete pod web-7d9f', manual: 'follows the hosts.toml change above, made by hand' },
          ],
        },
      ],
    },
    {
      name: 'TOML syntax error',
      evidence: breakNode('n1', (n) => (n.registryHosts[1].problems = [{ file: n.registryHosts[1].file, line: 3, message: 'expected "=" after key' }])),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'unparsable',
          data: { node: 'n1', file: '/etc/containerd/certs.d/reg.lab:5000/hosts.toml', problem: 'expected "=" after key (line 3)' },
          nodes: ['n1'],
          registry: 'reg.lab:5000',
          fix: [
            "Fix /etc/containerd/certs.d/reg.lab:5000/hosts.toml; a minimal mirror config:\n  server = \"https://reg.lab:5000\"\n  [host.\"https://<mirror>\"]\n    capabilities = [\"pull\", \"resolve\"]",
          ],
        },
      ],
    },
    {
      name: 'directory named with a scheme',
      evidence: breakNode('n2', (n) => (n.registryHosts[1].namespace = 'https://reg.lab:5000')),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'namespace',
          data: { node: 'n2', file: '/etc/containerd/certs.d/reg.lab:5000/hosts.toml', problem: '"https://reg.lab:5000" contains a URL scheme; the directory must be named after the host only (e.g. reg.lab:5000)' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            'Rename the directory: mv /etc/containerd/certs.d/reg.lab:5000 <certs.d>/<registry host[:port]>',
          ],
        },
      ],
    },
    {
      name: 'Docker Hub under registry-1.docker.io',
      evidence: breakNode('n3', (n) => (n.registryHosts[0].namespace = 'registry-1.docker.io')),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'namespace',
          data: { node: 'n3', file: '/etc/containerd/certs.d/docker.io/hosts.toml', problem: '"registry-1.docker.io" is never looked up: images from Docker Hub use the namespace "docker.io"' },
          nodes: ['n3'],
          severity: 'warning',
          fix: [
            'Rename the directory: mv /etc/containerd/certs.d/docker.io <certs.d>/<registry host[:port]>',
          ],
        },
      ],
    },
    {
      name: 'mirror URL ends in /v2',
      evidence: breakNode('n1', (n) => (n.registryHosts[0].hosts = [{ url: 'https://mirror.gcr.io/v2', capabilities: ['pull', 'resolve'] }])),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'v2path',
          data: { node: 'n1', file: '/etc/containerd/certs.d/docker.io/hosts.toml', url: 'https://mirror.gcr.io/v2' },
          nodes: ['n1'],
          registry: 'docker.io',
          fix: [
            'In /etc/containerd/certs.d/docker.io/hosts.toml: use [host."https://mirror.gcr.io"], or keep the URL and add override_path = true under it',
          ],
        },
      ],
    },
    {
      name: 'push-only mirror',
      evidence: breakNode('n2', (n) => (n.registryHosts[0].hosts[0].capabilities = ['push'])),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'noPull',
          data: { node: 'n2', file: '/etc/containerd/certs.d/docker.io/hosts.toml', url: 'https://mirror.gcr.io' },
          nodes: ['n2'],
          registry: 'docker.io',
          severity: 'warning',
          fix: [
            'In /etc/containerd/certs.d/docker.io/hosts.toml: capabilities = ["pull", "resolve"] under [host."https://mirror.gcr.io"] (["pull"] only for an untrusted public mirror)',
          ],
        },
      ],
    },
    {
      name: 'mirror fails its probe from this node',
      evidence: {
        ...healthy({ nodes: ['n1'] }),
        probes: {
          ran: ['registry'],
          registry: [{ image: 'docker.io/library/nginx:1.25', registry: 'docker.io', node: 'n1', endpoint: 'https://mirror.gcr.io', ok: false, failedPhase: 'tcp', phases: [{ name: 'dns', ok: true, ms: 3 }, { name: 'tcp', ok: false, ms: 30000, error: 'dial tcp 142.250.1.82:443: i/o timeout' }] }],
        },
      },
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'probeFailed',
          data: { node: 'n1', file: '/etc/containerd/certs.d/docker.io/hosts.toml', url: 'https://mirror.gcr.io', phase: 'tcp', error: 'dial tcp 142.250.1.82:443: i/o timeout', outcome: 'no other host served the pull' },
          nodes: ['n1'],
          registry: 'docker.io',
          fix: [
            'Fix or remove [host."https://mirror.gcr.io"] in /etc/containerd/certs.d/docker.io/hosts.toml (hosts.toml edits need no containerd restart)',
          ],
        },
      ],
    },
    {
      name: 'dead mirror, pull saved by the upstream after a timeout',
      evidence: {
        ...healthy({ nodes: ['n2'] }),
        probes: {
          ran: ['registry'],
          registry: [
            {
              image: 'docker.io/library/nginx:1.25', registry: 'docker.io', node: 'n2', endpoint: 'https://registry-1.docker.io', ok: true, phases: [{ name: 'manifest', ok: true, ms: 80 }],
              attempts: [
                { endpoint: 'https://mirror.gcr.io', mirror: true, ok: false, failedPhase: 'tcp', error: 'dial tcp 142.250.1.82:443: connect: connection refused' },
                { endpoint: 'https://registry-1.docker.io', mirror: false, ok: true },
              ],
            },
          ],
        },
      },
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'probeFailed',
          data: { node: 'n2', file: '/etc/containerd/certs.d/docker.io/hosts.toml', url: 'https://mirror.gcr.io', phase: 'tcp', error: 'dial tcp 142.250.1.82:443: connect: connection refused', outcome: 'the pull fell back to the next host after it' },
          nodes: ['n2'],
          registry: 'docker.io',
          severity: 'warning',
          fix: [
            'Fix or remove [host."https://mirror.gcr.io"] in /etc/containerd/certs.d/docker.io/hosts.toml (hosts.toml edits need no containerd restart)',
          ],
        },
      ],
    },
  ],
});
