import type { FixStepSource } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { usesContainerdCri } from './_containerd.js';

export default defineRule({
  id: 'runtime/docker-daemon-ignored',
  layer: 'runtime',
  description:
    "On a node whose kubelet pulls through containerd, /etc/docker/daemon.json registry-mirrors and insecure-registries do nothing for pods; they belong in containerd's hosts.toml.",
  causes: ['registry.mirror-misconfigured'],
  scope: 'node',
  needs: ['node.dockerDaemon'],
  severity: 'warning',
  messages: {
    ignored: 'node {node}: {file} sets {what}, but kubelet pulls through containerd, which ignores daemon.json',
  },
  docs: 'Since Kubernetes 1.24 the kubelet talks CRI to containerd; daemon.json only configures the Docker daemon (facts §5.3). Docker\'s registry-mirrors only ever applied to Docker Hub anyway.',
  check({ evidence, node, report }) {
    const d = node.dockerDaemon;
    if (!d || (!d.registryMirrors.length && !d.insecureRegistries.length)) return;
    const runtime = usesContainerdCri(evidence, node);
    if (!runtime?.yes) return;
    const what = [d.registryMirrors.length ? `registry-mirrors ${JSON.stringify(d.registryMirrors)}` : '', d.insecureRegistries.length ? `insecure-registries ${JSON.stringify(d.insecureRegistries)}` : ''].filter(Boolean).join(' and ');
    const certs = node.containerd?.configPath?.split(':')[0] || '/etc/containerd/certs.d';
    const fix: FixStepSource[] = [];
    if (d.registryMirrors.length) {
      fix.push(`Create ${certs}/docker.io/hosts.toml:\n  server = "https://registry-1.docker.io"\n${d.registryMirrors.map((m) => `  [host."${m.replace(/\/+$/, '')}"]\n    capabilities = ["pull", "resolve"]`).join('\n')}`);
    }
    for (const r of d.insecureRegistries.filter((x) => !/\/\d+$/.test(x))) {
      fix.push(`Create ${certs}/${r}/hosts.toml:\n  server = "http://${r}"\n  [host."http://${r}"]\n    capabilities = ["pull", "resolve"]\n    skip_verify = true`);
    }
    if (!node.containerd?.configPath) {
      fix.push(`Set config_path = "${certs}" in the CRI registry section of ${node.containerd?.file ?? '/etc/containerd/config.toml'}`);
      fix.push({ step: 'containerd.restart', text: 'Restart containerd on {node} so it reads config_path', manual: 'completes the config.toml change above, made by hand' });
    }
    report({
      messageId: 'ignored',
      data: { node: node.name, file: d.file, what },
      evidence: [{ where: `node ${node.name}: ${d.file}`, what }, { where: runtime.why.startsWith('node ') ? runtime.why : `node ${node.name}`, what: 'kubelet uses containerd (CRI)' }],
      fix,
    });
  },
});
