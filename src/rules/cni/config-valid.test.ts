import type { CniConfigFile } from '../../evidence/node.js';
import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './config-valid.js';

const broken = (file: string): CniConfigFile => ({
  file,
  pluginTypes: [],
  valid: false,
  problems: [{ file, line: 7, message: "invalid character '}' looking for beginning of object key string" }],
});

testRule(rule, {
  healthy: [
    { name: 'healthy cluster', evidence: healthy() },
    {
      name: 'a broken file that sorts after the one in use is never read',
      evidence: breakNode('n1', (n) => n.cniConfigs.push(broken('/etc/cni/net.d/99-old.conflist'))),
    },
  ],
  faulty: [
    {
      name: 'flannel conflist is not JSON',
      evidence: breakNode('n2', (n) => (n.cniConfigs = [broken('/etc/cni/net.d/10-flannel.conflist')])),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'unparsable',
          data: { node: 'n2', file: '/etc/cni/net.d/10-flannel.conflist', problem: "invalid character '}' looking for beginning of object key string (line 7)" },
          nodes: ['n2'],
          fix: [
            "Repair or remove /etc/cni/net.d/10-flannel.conflist; flannel's own file is written from the kube-flannel-cfg ConfigMap key cni-conf.json by the install-cni init container",
            'Restore it with: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'a broken file sorts first',
      evidence: breakNode('n1', (n) => n.cniConfigs.push(broken('/etc/cni/net.d/05-cilium.conf'))),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'unparsable',
          data: { node: 'n1', file: '/etc/cni/net.d/05-cilium.conf', problem: "invalid character '}' looking for beginning of object key string (line 7)" },
          nodes: ['n1'],
          fix: [
            "Repair or remove /etc/cni/net.d/05-cilium.conf; flannel's own file is written from the kube-flannel-cfg ConfigMap key cni-conf.json by the install-cni init container",
            'Restore it with: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
    {
      name: 'cniVersion missing',
      evidence: breakNode('n3', (n) => {
        const c = n.cniConfigs[0];
        const raw = { ...(c.raw as Record<string, unknown>) };
        delete raw.cniVersion;
        n.cniConfigs = [{ ...c, cniVersion: undefined, raw }];
      }),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'noVersion',
          data: { node: 'n3', file: '/etc/cni/net.d/10-flannel.conflist' },
          nodes: ['n3'],
          fix: [
            'Add "cniVersion": "0.3.1" at the top level of /etc/cni/net.d/10-flannel.conflist',
            'Restore it with: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'single-plugin config saved as .conflist',
      evidence: breakNode('n1', (n) => {
        n.cniConfigs = [{ file: '/etc/cni/net.d/10-flannel.conflist', name: 'cbr0', cniVersion: '0.3.1', pluginTypes: ['flannel'], raw: { name: 'cbr0', cniVersion: '0.3.1', type: 'flannel', delegate: { isDefaultGateway: true } }, valid: true, problems: [] }];
      }),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'noPlugins',
          data: { node: 'n1', file: '/etc/cni/net.d/10-flannel.conflist' },
          nodes: ['n1'],
          fix: [
            "Repair or remove /etc/cni/net.d/10-flannel.conflist; flannel's own file is written from the kube-flannel-cfg ConfigMap key cni-conf.json by the install-cni init container",
            'Restore it with: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
    {
      name: 'unknown cniVersion',
      evidence: breakNode('n2', (n) => {
        n.cniConfigs[0].cniVersion = '3.0';
        (n.cniConfigs[0].raw as Record<string, unknown>).cniVersion = '3.0';
      }),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'badVersion',
          data: { node: 'n2', file: '/etc/cni/net.d/10-flannel.conflist', version: '3.0' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            "Repair or remove /etc/cni/net.d/10-flannel.conflist; flannel's own file is written from the kube-flannel-cfg ConfigMap key cni-conf.json by the install-cni init container",
            'Restore it with: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
  ],
});
