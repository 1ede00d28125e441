import { describe, expect, it, vi } from 'vitest';
import { defineRule, type Rule } from './define-rule.js';
import { tableProblems, type RuleCases } from './rule-tester.js';

const rule = defineRule({
  id: 'node/example',
  layer: 'node',
  description: 'a rule for the tester\'s own test',
  causes: ['node.ip-forward', 'node.forward-drop'],
  scope: 'node',
  needs: ['node.sysctls'],
  severity: 'error',
  messages: { off: 'off' },
  check() {},
}) as Rule;

const found = (cause: string) => ({ cause, messageId: 'off', data: {}, fix: [] });
const on = { nodes: [{ name: 'n1', sysctls: { 'net.ipv4.ip_forward': '1' } }] };
const off = { nodes: [{ name: 'n1', sysctls: { 'net.ipv4.ip_forward': '0' } }] };
const drop = { nodes: [{ name: 'n1', sysctls: { 'net.ipv4.ip_forward': '1', x: '1' } }] };

describe('rule tester: the table as a whole', () => {
  const good: RuleCases = {
    healthy: [{ name: 'on', evidence: on }],
    faulty: [
      { name: 'off', evidence: off, expect: [found('node.ip-forward')] },
      { name: 'drop', evidence: drop, expect: [found('node.forward-drop')] },
    ],
  };

  it('a table with distinct cases that exercise every cause has no problem', () => {
    expect(tableProblems(rule, good)).toEqual([]);
  });

  it('fails a declared cause no case exercises, unless a reason is written', () => {
    const one = { ...good, faulty: [good.faulty[0]] };
    expect(tableProblems(rule, one)).toEqual(['declared cause node.forward-drop is exercised by no faulty case']);
    expect(tableProblems(rule, { ...one, unexercised: { 'node.forward-drop': 'no evidence table can show a DROP policy here' } })).toEqual([]);
    expect(tableProblems(rule, { ...one, unexercised: { 'node.forward-drop': 'because' } })).toEqual(['unexercised node.forward-drop: the reason is not written out']);
    expect(tableProblems(rule, { ...good, unexercised: { 'node.forward-drop': 'no evidence table can show a DROP policy here' } })).toEqual(['unexercised node.forward-drop: a faulty case does exercise it']);
  });

  it('fails two cases with one name or with the same evidence', () => {
    const dupName = { ...good, healthy: [...good.healthy, { name: 'off', evidence: { nodes: [{ name: 'n2' }] } }] };
    expect(tableProblems(rule, dupName)).toEqual(['two cases are named "off"']);
    const dupEvidence = { ...good, healthy: [...good.healthy, { name: 'on again', evidence: on }] };
    expect(tableProblems(rule, dupEvidence)).toEqual(['cases "on" and "on again" have the same evidence']);
  });

  it('finds the same evidence when the clock moves between the cases (collectedAt is not evidence)', () => {
    let tick = 0;
    const spy = vi.spyOn(Date.prototype, 'toISOString').mockImplementation(() => `2026-01-01T00:00:00.${String(tick++ % 1000).padStart(3, '0')}Z`);
    try {
      const dupEvidence = { ...good, healthy: [...good.healthy, { name: 'on again', evidence: on }] };
      expect(tableProblems(rule, dupEvidence)).toEqual(['cases "on" and "on again" have the same evidence']);
    } finally {
      spy.mockRestore();
    }
  });
});
