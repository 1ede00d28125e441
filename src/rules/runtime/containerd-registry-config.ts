import type { FixStepRef } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { hostsDirs, hostsRoot } from './_containerd.js';

/** containerd restarted (the catalog's step) once the config.toml change above is made, by hand: never applied on its own. */
const restartAfterEdit = (text: string): FixStepRef => ({ step: 'containerd.restart', text, manual: 'completes the config.toml change above, made by hand' });

export default defineRule({
  id: 'runtime/containerd-registry-config',
  layer: 'runtime',
  description:
    "containerd's registry config must be one coherent scheme: config_path (hosts.toml) or legacy mirrors, never both, and hosts.toml files only count inside config_path.",
  causes: ['registry.mirror-misconfigured'],
  scope: 'node',
  needs: ['node.containerd'],
  severity: 'error',
  messages: {
    both: 'node {node}: {file} sets both registry mirrors ({hosts}) and config_path; containerd refuses the CRI config ("`mirrors` cannot be set when `config_path` is provided")',
    tlsBoth: 'node {node}: {file} sets registry.configs TLS for {hosts} together with config_path; containerd 1.7+ refuses it',
    ignored: 'node {node}: {files} {verb} ignored: containerd {reason}',
  },
  docs: 'In containerd 1.x/2.x `mirrors` with `config_path` is a config validation error, so the CRI plugin (and with it every pull and pod start) fails; 1.7 also rejects configs.tls with config_path (facts §5.1). hosts.toml directories are read only when config_path names them; without it the legacy mirrors path is used.',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'registry.mirror-misconfigured');
    const c = node.containerd;
    if (!c) return;
    const where = `node ${node.name}: ${c.file}`;
    const section = c.version === 3 ? 'plugins."io.containerd.cri.v1.images".registry' : 'plugins."io.containerd.grpc.v1.cri".registry';
    const mirrorHosts = Object.keys(c.mirrors);
    if (c.configPath && mirrorHosts.length) {
      report({
        messageId: 'both',
        data: { node: node.name, file: c.file, hosts: mirrorHosts.join(', ') },
        alternatives: ['runtime.unavailable'],
        evidence: [{ where, what: `[${section}] config_path = "${c.configPath}"` }, ...mirrorHosts.map((h) => ({ where, what: `[${section}.mirrors."${h}"] endpoint = ${JSON.stringify(c.mirrors[h])}` }))],
        fix: [
          `Move each mirror into ${c.configPath.split(':')[0]}/<host>/hosts.toml, e.g. for ${mirrorHosts[0]}:\n  server = "https://${mirrorHosts[0] === 'docker.io' ? 'registry-1.docker.io' : mirrorHosts[0]}"\n  [host."${c.mirrors[mirrorHosts[0]]?.[0] ?? 'https://mirror.example'}"]\n    capabilities = ["pull", "resolve"]`,
          `Delete the [${section}.mirrors] tables from ${c.file}`,
          restartAfterEdit('Restart containerd on {node} so it reads the edited config'),
        ],
      });
    }
    if (c.configPath && c.legacyTlsHosts.length) {
      report({
        messageId: 'tlsBoth',
        severity: 'warning',
        data: { node: node.name, file: c.file, hosts: c.legacyTlsHosts.join(', ') },
        evidence: [{ where, what: `config_path = "${c.configPath}" and [${section}.configs."${c.legacyTlsHosts[0]}".tls]` }],
        fix: [`Move the TLS settings to ${c.configPath.split(':')[0]}/<host>/hosts.toml (ca = "…", skip_verify = …) and delete the configs.<host>.tls tables`, restartAfterEdit('Restart containerd on {node} so it reads the edited config')],
      });
    }
    if (!node.registryHosts.length) return;
    const dirs = hostsDirs(c);
    const outside = node.registryHosts.filter((h) => h.inConfigPath !== true && !dirs.includes(hostsRoot(h.file)));
    if (!outside.length) return;
    const reason = dirs.length ? `reads hosts.toml only from ${dirs.join(':')}` : `has no config_path in ${c.file}, so it never reads hosts.toml`;
    const root = hostsRoot(outside[0].file);
    report({
      messageId: 'ignored',
      severity: 'warning',
      data: { node: node.name, files: outside.map((h) => h.file).join(', '), verb: outside.length > 1 ? 'are' : 'is', reason },
      evidence: [{ where, what: c.configPath === undefined ? 'no config_path' : `config_path = "${c.configPath}"` }, ...outside.map((h) => ({ where: `node ${node.name}: ${h.file}`, what: `registry ${h.namespace}` }))],
      fix: [
        `In ${c.file} set [${section}] config_path = "${root}"${mirrorHosts.length ? ' and remove the legacy mirrors tables' : ''}`,
        restartAfterEdit('Restart containerd on {node} so it reads config_path (hosts.toml edits later need no restart)'),
      ],
    });
  },
});
