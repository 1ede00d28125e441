import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { baseName, loadOrder, pluginEntries } from './_conf.js';
import { restartFlannel } from '../_restart.js';

const KNOWN_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];

export default defineRule({
  id: 'cni/config-valid',
  layer: 'cni',
  description:
    'The CNI config the runtime loads must be valid JSON with a cniVersion and, for a .conflist, a non-empty plugins list; a file that fails to load before the first good one stops the runtime from loading any.',
  causes: ['cni.config-invalid'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    unparsable: 'node {node}: CNI config {file} cannot be loaded: {problem}',
    noVersion: 'node {node}: CNI config {file} has no cniVersion',
    badVersion: 'node {node}: CNI config {file} has cniVersion "{version}", which CNI plugins do not know',
    noPlugins: 'node {node}: CNI config list {file} has no plugins',
  },
  docs: 'The runtime reads configs in name order and stops at the first that loads (max_conf_num 1); a broken file sorting earlier breaks the load (facts §4.4). Files after the one in use are never read and are not judged here.',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.config-invalid');
    for (const c of loadOrder(node)) {
      const where = `node ${node.name}: ${c.file}`;
      const data = { node: node.name, file: c.file };
      const fix = [
        `Repair or remove ${c.file}; flannel's own file is written from the kube-flannel-cfg ConfigMap key cni-conf.json by the install-cni init container`,
        restartFlannel(node.name, `Restore it with`),
      ];
      if (!c.valid || c.raw === undefined) {
        const p = c.problems[0];
        const problem = p ? `${p.message}${p.line ? ` (line ${p.line})` : ''}${p.field ? ` (field ${p.field})` : ''}` : 'not valid JSON';
        report({ messageId: 'unparsable', data: { ...data, problem }, evidence: [{ where, what: problem }, ...c.problems.slice(1).map((q) => ({ where, what: q.message }))], fix });
        return;
      }
      const isList = c.file.endsWith('.conflist');
      const version = c.cniVersion ?? (c.raw && typeof c.raw === 'object' ? (c.raw as Record<string, unknown>).cniVersion : undefined);
      if (typeof version !== 'string' || version === '') {
        report({ messageId: 'noVersion', data, evidence: [{ where, what: 'cniVersion missing (flannel\'s default conflist uses "0.3.1")' }], fix: [`Add "cniVersion": "0.3.1" at the top level of ${c.file}`, ...fix.slice(1)] });
        return;
      }
      if (!KNOWN_VERSIONS.includes(version)) {
        report({ messageId: 'badVersion', severity: 'warning', data: { ...data, version }, evidence: [{ where, what: `cniVersion "${version}"; known: ${KNOWN_VERSIONS.join(', ')}` }], fix });
        return;
      }
      const list = (c.raw as Record<string, unknown>).plugins;
      if (isList && (!Array.isArray(list) || pluginEntries(c).length === 0)) {
        const single = c.raw && typeof c.raw === 'object' && typeof (c.raw as Record<string, unknown>).type === 'string';
        report({
          messageId: 'noPlugins',
          data,
          evidence: [{ where, what: single ? `a single-plugin config saved as ${baseName(c.file)} (a .conflist needs a "plugins" list)` : '"plugins" missing or empty' }],
          fix,
        });
        return;
      }
      // The first config that loads is the one in use; later files are never read.
      return;
    }
  },
});
