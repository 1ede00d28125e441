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
            `On n2: remove the failing mirror [host."http://reg-mirror.lab:5000"] from /etc/containerd/certs.d/reg.lab:5000/hosts.toml, the rest of the file kept (containerd reads it on the next pull): t=$(awk -v u=http://reg-mirror.lab:5000 '/^[ \\t]*\\[/ { h = $0; gsub(/[ \\t]/, "", h); d = "[host.\\"" u "\\""; q = "[host.\\047" u "\\047"; k = substr(h, length(d) + 1, 1); skip = (index(h, d) == 1 || index(h, q) == 1) && (k == "]" || k == ".") } !skip' /etc/containerd/certs.d/reg.lab:5000/hosts.toml) && printf '%s\\n' "$t" > /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
            `On n2: let the registry itself (https://reg.lab:5000) serve pulls, in a [host] table of /etc/containerd/certs.d/reg.lab:5000/hosts.toml (the root capabilities = ["push"] keep the registry from serving pulls): grep -qxF '[host."https://reg.lab:5000"]' /etc/containerd/certs.d/reg.lab:5000/hosts.toml || printf '%s\\n' '' '[host."https://reg.lab:5000"]' '  capabilities = ["pull", "resolve"]' '  ca = ["/etc/containerd/certs.d/reg.lab:5000/ca.crt"]' >> /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
            'Make the bare pod shop/web-7d9f anew from its own spec to retry the pull now (or wait for the back-off): kubectl -n shop get pod web-7d9f -o json | kubectl replace --force -f -',
            'Or, to keep pulling through the mirror, fix http://reg-mirror.lab:5000 (it must answer GET /v2/ from the node) and put its [host] table back.',
          ],
          steps: [
            {
              text: `On n2: remove the failing mirror [host."http://reg-mirror.lab:5000"] from /etc/containerd/certs.d/reg.lab:5000/hosts.toml, the rest of the file kept (containerd reads it on the next pull)`,
              on: 'node',
              run: `t=$(awk -v u=http://reg-mirror.lab:5000 '/^[ \\t]*\\[/ { h = $0; gsub(/[ \\t]/, "", h); d = "[host.\\"" u "\\""; q = "[host.\\047" u "\\047"; k = substr(h, length(d) + 1, 1); skip = (index(h, d) == 1 || index(h, q) == 1) && (k == "]" || k == ".") } !skip' /etc/containerd/certs.d/reg.lab:5000/hosts.toml) && printf '%s\\n' "$t" > /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
              verify: `! grep -qF -e '"http://reg-mirror.lab:5000"' -e "'http://reg-mirror.lab:5000'" /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
              changes: ['/etc/containerd/certs.d/reg.lab:5000/hosts.toml'],
            },
            {
              text: `On n2: let the registry itself (https://reg.lab:5000) serve pulls, in a [host] table of /etc/containerd/certs.d/reg.lab:5000/hosts.toml (the root capabilities = ["push"] keep the registry from serving pulls)`,
              on: 'node',
              run: `grep -qxF '[host."https://reg.lab:5000"]' /etc/containerd/certs.d/reg.lab:5000/hosts.toml || printf '%s\\n' '' '[host."https://reg.lab:5000"]' '  capabilities = ["pull", "resolve"]' '  ca = ["/etc/containerd/certs.d/reg.lab:5000/ca.crt"]' >> /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
              verify: `grep -qxF '[host."https://reg.lab:5000"]' /etc/containerd/certs.d/reg.lab:5000/hosts.toml`,
              changes: ['/etc/containerd/certs.d/reg.lab:5000/hosts.toml'],
            },
            { text: 'Make the bare pod shop/web-7d9f anew from its own spec to retry the pull now (or wait for the back-off)', on: 'cluster', run: 'kubectl -n shop get pod web-7d9f -o json | kubectl replace --force -f -', verify: 'kubectl -n shop wait --for=condition=Ready pod/web-7d9f --timeout=120s' },
            { text: 'Or, to keep pulling through the mirror, fix http://reg-mirror.lab:5000 (it must answer GET /v2/ from the node) and put its [host] table back.', on: 'person', manual: 'advice for a person: no exact command' },
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
      name: 'dead mirror in the _default hosts.toml: no registry to fall back to, so advice only',
      evidence: (() => {
        const e = breakNode('n2', (n) => {
          n.registryHosts[1].namespace = '_default';
          n.registryHosts[1].file = '/etc/containerd/certs.d/_default/hosts.toml';
          n.registryHosts[1].server = undefined;
          n.registryHosts[1].hosts = [{ url: 'http://reg-mirror.lab:5000', capabilities: ['pull', 'resolve'] }];
        }, { nodes: ['n2'] });
        e.cluster!.pods = [pullingPod('n2', PULL_ERR)];
        return e;
      })(),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'pullsFail',
          data: { node: 'n2', file: '/etc/containerd/certs.d/_default/hosts.toml', url: 'http://reg-mirror.lab:5000', cause: 'registry.connection-refused', count: 1, plural: '', noFallback: '' },
          nodes: ['n2'],
          pods: ['shop/web-7d9f'],
          fix: [
            'Fix the mirror URL in /etc/containerd/certs.d/_default/hosts.toml or remove [host."http://reg-mirror.lab:5000"] (hosts.toml edits need no containerd restart)',
            'Then retry (or wait for the back-off): kubectl -n shop delete pod web-7d9f',
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
            `On n1: remove the failing mirror [host."https://mirror.gcr.io"] from /etc/containerd/certs.d/docker.io/hosts.toml, the rest of the file kept (containerd reads it on the next pull): t=$(awk -v u=https://mirror.gcr.io '/^[ \\t]*\\[/ { h = $0; gsub(/[ \\t]/, "", h); d = "[host.\\"" u "\\""; q = "[host.\\047" u "\\047"; k = substr(h, length(d) + 1, 1); skip = (index(h, d) == 1 || index(h, q) == 1) && (k == "]" || k == ".") } !skip' /etc/containerd/certs.d/docker.io/hosts.toml) && printf '%s\\n' "$t" > /etc/containerd/certs.d/docker.io/hosts.toml`,
            `On n1: let the registry itself (https://registry-1.docker.io) serve pulls, in a [host] table of /etc/containerd/certs.d/docker.io/hosts.toml (no [host] table would be left, and containerd 1.6 rejects such a file): grep -qxF '[host."https://registry-1.docker.io"]' /etc/containerd/certs.d/docker.io/hosts.toml || printf '%s\\n' '' '[host."https://registry-1.docker.io"]' '  capabilities = ["pull", "resolve"]' >> /etc/containerd/certs.d/docker.io/hosts.toml`,
            'Or, to keep pulling through the mirror, fix https://mirror.gcr.io (it must answer GET /v2/ from the node) and put its [host] table back.',
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
