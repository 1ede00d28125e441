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
  const node = (name: string): LabNode => ({ name, netns: `fl-${name}`, ip: '172.31.250.12', podCIDR: '10.244.0.0/24', root: '/nonexistent', arch: 'amd64' });
  const lab = {
    state: { nodes: [node('n1'), node('n2')] },
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
  it('drops 5% both ways on the node eth0: raw PREROUTING -i eth0 and raw OUTPUT -o eth0, in that node only', async () => {
    const { lab, rules, calls } = fakeLab();
    await fault.inject.call(id, lab, 'n2');
    const drop = `-m statistic --mode random --probability ${LOSS_PROBABILITY} -j DROP`;
    expect(rules.get('fl-n2')?.sort()).toEqual([`raw OUTPUT -o eth0 ${drop}`, `raw PREROUTING -i eth0 ${drop}`]);
    expect(new Set(calls.map((c) => c.netns))).toEqual(new Set(['fl-n2']));
    expect(Number(LOSS_PROBABILITY)).toBeGreaterThanOrEqual(0.05);
    expect(Number(LOSS_PROBABILITY)).toBeLessThanOrEqual(0.1);
  });

  it('revert removes exactly what inject added, every copy, and is harmless when nothing is there', async () => {
    const { lab, rules } = fakeLab();
    const other = 'filter INPUT -p udp --dport 8472 -j ACCEPT';
    rules.set('fl-n2', [other]);
    await fault.inject.call(id, lab, 'n2');
    await fault.inject.call(id, lab, 'n2'); // injected twice by hand
    expect(rules.get('fl-n2')).toHaveLength(5);
    await fault.revert.call(id, lab, {}, 'n2');
    expect(rules.get('fl-n2')).toEqual([other]);
    await expect(fault.revert.call(id, lab, {}, 'n2')).resolves.toBeUndefined();
    expect(rules.get('fl-n2')).toEqual([other]);
  });

  it('needs --node; is placed on the node; the judge runs the bandwidth probe for it', async () => {
    const { lab } = fakeLab();
    await expect(fault.inject.call(id, lab, undefined)).rejects.toThrow(/needs --node/);
    const f = FAULTS.find((x) => x.id === 'node.packet-loss');
    expect(f).toMatchObject({ cause: 'node.packet-loss', where: 'node', nodeBound: true, judgedWith: ['bandwidth'] });
    expect(lossRules('0.1').map((r) => r.slice(0, 3).join(' '))).toEqual(['-t raw PREROUTING', '-t raw OUTPUT']);
  });
});
