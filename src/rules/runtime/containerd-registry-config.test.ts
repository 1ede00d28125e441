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
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'both',
          data: { node: 'n1', file: '/etc/containerd/config.toml', hosts: 'docker.io' },
          nodes: ['n1'],
          fix: [
            "Move each mirror into /etc/containerd/certs.d/<host>/hosts.toml, e.g. for docker.io:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]",
            'Delete the [plugins."io.containerd.grpc.v1.cri".registry.mirrors] tables from /etc/containerd/config.toml',
            'Restart containerd on n1 so it reads the edited config: systemctl restart containerd',
          ],
          steps: [
            { text: "Move each mirror into /etc/containerd/certs.d/<host>/hosts.toml, e.g. for docker.io:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]", on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Delete the [plugins."io.containerd.grpc.v1.cri".registry.mirrors] tables from /etc/containerd/config.toml', on: 'person', manual: 'advice for a person: no exact command' },
            {
              text: 'Restart containerd on n1 so it reads the edited config',
              on: 'node',
              run: 'systemctl restart containerd',
              verify: 'systemctl is-active --quiet containerd && crictl info >/dev/null',
              manual: 'completes the config.toml change above, made by hand',
            },
          ],
        },
      ],
    },
    {
      name: 'hosts.toml written but config_path empty',
      evidence: breakNode('n2', (n) => (n.containerd!.configPath = '')),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'ignored',
          data: { node: 'n2', files: '/etc/containerd/certs.d/docker.io/hosts.toml, /etc/containerd/certs.d/reg.lab:5000/hosts.toml', verb: 'are', reason: 'has no config_path in /etc/containerd/config.toml, so it never reads hosts.toml' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            'In /etc/containerd/config.toml set [plugins."io.containerd.grpc.v1.cri".registry] config_path = "/etc/containerd/certs.d"',
            'Restart containerd on n2 so it reads config_path (hosts.toml edits later need no restart): systemctl restart containerd',
          ],
        },
      ],
    },
    {
      name: 'hosts.toml in /etc/docker/certs.d while config_path names certs.d of containerd',
      evidence: breakNode('n3', (n) => (n.registryHosts[1].file = '/etc/docker/certs.d/reg.lab:5000/hosts.toml')),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'ignored',
          data: { node: 'n3', files: '/etc/docker/certs.d/reg.lab:5000/hosts.toml', verb: 'is', reason: 'reads hosts.toml only from /etc/containerd/certs.d' },
          nodes: ['n3'],
          severity: 'warning',
          fix: [
            'In /etc/containerd/config.toml set [plugins."io.containerd.grpc.v1.cri".registry] config_path = "/etc/docker/certs.d"',
            'Restart containerd on n3 so it reads config_path (hosts.toml edits later need no restart): systemctl restart containerd',
          ],
        },
      ],
    },
    {
      name: 'legacy TLS config with config_path',
      evidence: breakNode('n1', (n) => (n.containerd!.legacyTlsHosts = ['reg.lab:5000'])),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'tlsBoth',
          data: { node: 'n1', file: '/etc/containerd/config.toml', hosts: 'reg.lab:5000' },
          nodes: ['n1'],
          severity: 'warning',
          fix: [
            'Move the TLS settings to /etc/containerd/certs.d/<host>/hosts.toml (ca = "…", skip_verify = …) and delete the configs.<host>.tls tables',
            'Restart containerd on n1 so it reads the edited config: systemctl restart containerd',
          ],
        },
      ],
    },
  ],
});
