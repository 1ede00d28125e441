/**
 * The packet-loss fault's commands, against a fake lab that keeps iptables rules the way iptables does
 * (-I adds a copy, -D removes one copy or fails): what it adds on inject, that revert removes exactly
 * that, and nothing outside the node's namespace. On the real lab: lab/bandwidth.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { LabHandle, LabNode } from '../types.js';
import { FAULTS } from './index.js';
import fault, { LOSS_PROBABILITY, lossRules } from './node.packet-loss.js';

function fakeLab() {
  const rules = new Map<string, string[]>(); // netns → "table chain spec" lines
  const calls: { netns?: string; argv: string[] }[] = [];
  const node = (name: string): LabNode => ({ name, netns: `fl-${name}`, ip: `172.31.250.1${name.slice(1)}`, podCIDR: '10.244.0.0/24', root: '/nonexistent', arch: 'amd64' });
  const lab = {
    state: { nodes: [node('n1'), node('n2')], underlay: { netns: 'fl-u', bridge: 'br0', cidr: '172.31.250.0/24' } },
    node,
    async exec(netns: string | undefined, argv: string[], opts?: { allowFail?: boolean }) {
      calls.push({ netns, argv });
      if (argv[0] !== 'iptables' || argv[1] !== '-t') throw new Error(`unexpected command ${argv.join(' ')}`);
      const [, , table, op, chain, ...spec] = argv;
      const line = `${table} ${chain} ${spec.join(' ')}`;
      const list = rules.get(netns!) ?? [];
      rules.set(netns!, list);
      if (op === '-I') list.unshift(line);
      else if (op === '-D') {
        const i = list.indexOf(line);
        if (i < 0) {
          if (opts?.allowFail) return { stdout: '', stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).', code: 1 };
          throw new Error('iptables: Bad rule');
        }
        list.splice(i, 1);
      } else throw new Error(`unexpected iptables op ${op}`);
      return { stdout: '', stderr: '', code: 0 };
    },
  } as unknown as LabHandle;
  return { lab, rules, calls };
}

const id = { id: 'node.packet-loss', cause: 'node.packet-loss', nodeBound: true };

describe('lab fault node.packet-loss', () => {
  it("drops 5% from and 5% to the node's underlay address on the underlay switch; the node's own namespace is untouched", async () => {
    const { lab, rules, calls } = fakeLab();
    await fault.inject.call(id, lab, 'n2');
    const drop = `-m statistic --mode random --probability ${LOSS_PROBABILITY} -j DROP`;
    expect(rules.get('fl-u')?.sort()).toEqual([`raw PREROUTING -d 172.31.250.12/32 ${drop}`, `raw PREROUTING -s 172.31.250.12/32 ${drop}`]);
    expect(new Set(calls.map((c) => c.netns))).toEqual(new Set(['fl-u']));
    expect(Number(LOSS_PROBABILITY)).toBeGreaterThanOrEqual(0.05);
    expect(Number(LOSS_PROBABILITY)).toBeLessThanOrEqual(0.1);
  });

  it('revert removes exactly what inject added, every copy, and is harmless when nothing is there', async () => {
    const { lab, rules } = fakeLab();
    const other = 'filter INPUT -p udp --dport 8472 -j ACCEPT';
    rules.set('fl-u', [other]);
    await fault.inject.call(id, lab, 'n2');
    await fault.inject.call(id, lab, 'n2'); // injected twice by hand
    expect(rules.get('fl-u')).toHaveLength(5);
    await fault.revert.call(id, lab, {}, 'n2');
    expect(rules.get('fl-u')).toEqual([other]);
    await expect(fault.revert.call(id, lab, {}, 'n2')).resolves.toBeUndefined();
    expect(rules.get('fl-u')).toEqual([other]);
  });

  it('needs --node; is placed on the node; the judge runs the bandwidth probe for it', async () => {
    const { lab } = fakeLab();
    await expect(fault.inject.call(id, lab, undefined)).rejects.toThrow(/needs --node/);
    const f = FAULTS.find((x) => x.id === 'node.packet-loss');
    expect(f).toMatchObject({ cause: 'node.packet-loss', where: 'node', nodeBound: true, judgedWith: ['bandwidth'] });
    expect(lossRules('10.0.0.1', '0.1').map((r) => r.slice(0, 5).join(' '))).toEqual(['-t raw PREROUTING -s 10.0.0.1/32', '-t raw PREROUTING -d 10.0.0.1/32']);
  });
});
