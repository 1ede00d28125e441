import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './docker-daemon-ignored.js';

const daemon = { file: '/etc/docker/daemon.json', registryMirrors: ['https://mirror.gcr.io'], insecureRegistries: ['reg.lab:5000'], problems: [] };

testRule(rule, {
  healthy: [
    { name: 'no daemon.json', evidence: healthy() },
    {
      name: 'dockershim-era node really using Docker',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[0].containerRuntimeVersion = 'docker://20.10.7'), { nodes: ['n1'] });
        e.nodes![0].dockerDaemon = { ...daemon };
        return e;
      })(),
    },
    { name: 'daemon.json without registry settings', evidence: breakNode('n2', (n) => (n.dockerDaemon = { file: '/etc/docker/daemon.json', registryMirrors: [], insecureRegistries: [], problems: [] })) },
  ],
  faulty: [
    {
      name: 'mirror and insecure registry in daemon.json on a containerd node',
      evidence: breakNode('n1', (n) => (n.dockerDaemon = { ...daemon })),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'ignored',
          data: { node: 'n1', file: '/etc/docker/daemon.json', what: 'registry-mirrors ["https://mirror.gcr.io"] and insecure-registries ["reg.lab:5000"]' },
          nodes: ['n1'],
          fix: [
            "Create /etc/containerd/certs.d/docker.io/hosts.toml:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]",
            "Create /etc/containerd/certs.d/reg.lab:5000/hosts.toml:\n  server = \"http://reg.lab:5000\"\n  [host.\"http://reg.lab:5000\"]\n    capabilities = [\"pull\", \"resolve\"]\n    skip_verify = true",
          ],
        },
      ],
    },
    {
      name: 'node evidence only: containerd CRI config present',
      evidence: breakNode('n3', (n) => (n.dockerDaemon = { ...daemon, insecureRegistries: [] }), { cluster: false }),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'ignored',
          data: { node: 'n3', file: '/etc/docker/daemon.json', what: 'registry-mirrors ["https://mirror.gcr.io"]' },
          nodes: ['n3'],
          fix: [
            "Create /etc/containerd/certs.d/docker.io/hosts.toml:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]",
          ],
        },
      ],
    },
    {
      name: 'containerd without config_path: the hosts.toml files need it, and a restart',
      evidence: breakNode('n2', (n) => {
        n.dockerDaemon = { ...daemon, insecureRegistries: [] };
        n.containerd!.configPath = undefined;
      }),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'ignored',
          data: { node: 'n2', file: '/etc/docker/daemon.json', what: 'registry-mirrors ["https://mirror.gcr.io"]' },
          nodes: ['n2'],
          fix: [
            "Create /etc/containerd/certs.d/docker.io/hosts.toml:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]",
            'Set config_path = "/etc/containerd/certs.d" in the CRI registry section of /etc/containerd/config.toml',
            'Restart containerd on n2 so it reads config_path: systemctl restart containerd',
          ],
          steps: [
            { text: "Create /etc/containerd/certs.d/docker.io/hosts.toml:\n  server = \"https://registry-1.docker.io\"\n  [host.\"https://mirror.gcr.io\"]\n    capabilities = [\"pull\", \"resolve\"]", on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Set config_path = "/etc/containerd/certs.d" in the CRI registry section of /etc/containerd/config.toml', on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Restart containerd on n2 so it reads config_path', on: 'node', run: 'systemctl restart containerd', verify: 'systemctl is-active --quiet containerd && crictl info >/dev/null', manual: 'completes the config.toml change above, made by hand' },
          ],
        },
      ],
    },
  ],
});
