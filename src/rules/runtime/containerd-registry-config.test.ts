import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './containerd-registry-config.js';

testRule(rule, {
  healthy: [
    { name: 'config_path with hosts.toml under it', evidence: healthy() },
    {
      name: 'legacy mirrors alone (deprecated, still works)',
      evidence: breakNode('n1', (n) => {
        n.containerd!.configPath = undefined;
        n.containerd!.mirrors = { 'docker.io': ['https://mirror.gcr.io'] };
        n.registryHosts = [];
      }),
    },
    {
      name: 'containerd 2.x default config_path',
      evidence: breakNode('n2', (n) => {
        n.containerd!.version = 3;
        n.containerd!.configPath = undefined;
      }),
    },
  ],
  faulty: [
    {
      name: 'mirrors together with config_path',
      evidence: breakNode('n1', (n) => (n.containerd!.mirrors = { 'docker.io': ['https://mirror.gcr.io'] })),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n1'], severity: 'error', messageIncludes: 'mirrors` cannot be set' }],
    },
    {
      name: 'hosts.toml written but config_path empty',
      evidence: breakNode('n2', (n) => (n.containerd!.configPath = '')),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n2'], severity: 'warning', messageIncludes: 'never reads hosts.toml' }],
    },
    {
      name: 'hosts.toml in /etc/docker/certs.d while config_path names certs.d of containerd',
      evidence: breakNode('n3', (n) => (n.registryHosts[1].file = '/etc/docker/certs.d/reg.lab:5000/hosts.toml')),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n3'], messageIncludes: '/etc/docker/certs.d/reg.lab:5000/hosts.toml is ignored' }],
    },
    {
      name: 'legacy TLS config with config_path',
      evidence: breakNode('n1', (n) => (n.containerd!.legacyTlsHosts = ['reg.lab:5000'])),
      expect: [{ cause: 'registry.mirror-misconfigured', nodes: ['n1'], severity: 'warning', messageIncludes: 'reg.lab:5000' }],
    },
  ],
});
