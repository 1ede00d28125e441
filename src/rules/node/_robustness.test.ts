/**
 * The node rules on thin, odd and half-broken evidence: none may throw (a throw becomes a
 * tool.rule-error finding and hides its causes).
 */
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import type { NodeEvidence } from '../../evidence/node.js';
import type { Rule } from '../define-rule.js';
import { RULES } from '../index.js';
import { makeEvidence } from '../rule-tester.js';
import { GATHERED_KEYS, healthy, healthyNode } from '../_healthy-nodes.js';

const MINE = /^(cni|node|runtime)\/|^flannel\/(vxlan|fdb|route|mtu|subnet|ipmasq|checksum|iface)-|^dns\/node-/;
const rules = RULES.filter((r: Rule) => MINE.test(r.id));

const odd: [string, (n: NodeEvidence) => void][] = [
  ['nothing but the keys', (n) => Object.assign(n, { cniConfigs: [], cniBinaries: [], ipam: [], registryHosts: [], links: [], routes: [], neighbours: [], fdb: [], sysctls: {}, modules: [], logs: [], subnetEnv: undefined, netConf: undefined, containerd: undefined, iptables: undefined, resolvConf: undefined, offloads: undefined, snmp: undefined })],
  ['garbage values', (n) => {
    n.subnetEnv = { file: '/run/flannel/subnet.env', network: 'not-a-cidr', subnet: '999.1.1.1/40', mtu: -1, problems: [] };
    n.netConf = { file: 'x', raw: ['not', 'an', 'object'], problems: [] };
    n.cniConfigs = [{ file: '/etc/cni/net.d/10-flannel.conflist', pluginTypes: ['flannel'], raw: { plugins: [null, 7, { type: 'flannel', delegate: 'x', ipam: 3 }] }, valid: true, problems: [] }];
    n.links = [{ name: 'flannel.1', up: true, addresses: [{ family: 'inet', local: 'zz', prefixlen: 99 }], vxlan: {} }];
    n.routes = [{ dst: 'garbage', onlink: true }, { dst: 'default', onlink: false }];
    n.neighbours = [{ dst: '', state: [] }];
    n.fdb = [{ mac: '', flags: [] }];
    n.ipam = [{ network: 'cbr0', allocated: 5 }];
    n.iptables = { policies: {}, rules: [{ table: 'filter', chain: 'FORWARD', rule: '! ! -s -j', target: undefined }, { table: 'filter', chain: 'FORWARD', rule: '-j FORWARD' }, { table: 'nat', chain: 'POSTROUTING', rule: '-m "unterminated -j MASQUERADE' }], problems: [] };
    n.resolvConf = { file: '/etc/resolv.conf', nameservers: ['::1', ''], search: [], options: [], problems: [] };
    n.offloads = { 'flannel.1': {} };
    n.logs = [{ file: 'f', line: 1, text: '', count: 0 }, { file: 'f', line: 2, text: 'nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes"', count: -1 }];
  }],
];

describe('node rules never throw', () => {
  for (const [name, mutate] of odd) {
    for (const withCluster of [true, false]) {
      it(`${name}${withCluster ? ' with cluster evidence' : ''}`, () => {
        const e = healthy({ cluster: withCluster });
        const n = healthyNode('n2');
        mutate(n);
        n.gathered = [...GATHERED_KEYS];
        e.nodes = [...e.nodes!.filter((x) => x.name !== 'n2'), n];
        const { findings } = runRules(deepFreeze(makeEvidence(e)), rules);
        expect(findings.filter((f) => f.cause === 'tool.rule-error').map((f) => f.message)).toEqual([]);
      });
    }
  }
  it('covers the node rules', () => expect(rules.length).toBeGreaterThanOrEqual(25));
});
