import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './hosts-toml.js';

testRule(rule, {
  healthy: [
    { name: 'docker.io mirror and a private registry', evidence: healthy() },
    { name: 'mirror with override_path', evidence: breakNode('n1', (n) => (n.registryHosts[0].hosts = [{ url: 'https://harbor.lab/v2/dockerhub', capabilities: ['pull'], overridePath: true }])) },
    { name: 'host_port_ directory form', evidence: breakNode('n2', (n) => (n.registryHosts[1].namespace = 'reg.lab_5000_')) },
  ],
  faulty: [
    {
      name: 'TOML syntax error',
      evidence: breakNode('n1', (n) => (n.registryHosts[1].problems = [{ file: n.registryHosts[1].file, line: 3, message: 'expected "=" after key' }])),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n1'], messageIncludes: 'line 3' }],
    },
    {
      name: 'directory named with a scheme',
      evidence: breakNode('n2', (n) => (n.registryHosts[1].namespace = 'https://reg.lab:5000')),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n2'], severity: 'warning', messageIncludes: 'never used' }],
    },
    {
      name: 'Docker Hub under registry-1.docker.io',
      evidence: breakNode('n3', (n) => (n.registryHosts[0].namespace = 'registry-1.docker.io')),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n3'], messageIncludes: '"docker.io"' }],
    },
    {
      name: 'mirror URL ends in /v2',
      evidence: breakNode('n1', (n) => (n.registryHosts[0].hosts = [{ url: 'https://mirror.gcr.io/v2', capabilities: ['pull', 'resolve'] }])),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n1'], severity: 'error', messageIncludes: '/v2' }],
    },
    {
      name: 'push-only mirror',
      evidence: breakNode('n2', (n) => (n.registryHosts[0].hosts[0].capabilities = ['push'])),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n2'], severity: 'warning', messageIncludes: 'pull' }],
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
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n1'], severity: 'error', registry: 'docker.io', messageIncludes: 'i/o timeout' }],
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
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n2'], severity: 'warning', messageIncludes: 'fell back' }],
    },
  ],
});
