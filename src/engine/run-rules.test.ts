import { describe, expect, it } from 'vitest';
import { defineRule, type Rule } from '../rules/define-rule.js';
import { makeEvidence } from '../rules/rule-tester.js';
import { runRules } from './run-rules.js';

const base = { layer: 'probe' as const, description: 'test', causes: ['registry.dns'], severity: 'error' as const, messages: { m: 'm' } };

describe('scope-typed rule context', () => {
  it('a rule reading cluster evidence it did not declare fails loudly, as a tool error', () => {
    const sneaky = defineRule({ ...base, id: 'probe/sneaky', scope: 'cluster', needs: ['probes.dns'], check: ({ cluster }) => void cluster.pods.length }) as Rule;
    const { findings } = runRules(makeEvidence({ cluster: {}, probes: { ran: ['dns'] } }), [sneaky]);
    expect(findings.map((f) => [f.cause, f.data.error])).toEqual([['tool.rule-error', 'rule probe/sneaky reads cluster evidence but declares no cluster.* need']]);
  });

  it('a node rule gets its node and the judged log lines; a cluster rule has no node to read', () => {
    const seen: string[] = [];
    const nodeRule = defineRule({ ...base, id: 'probe/per-node', scope: 'node', needs: ['node.logs'], check: ({ node, logs }) => void seen.push(`${node.name}:${logs.map((l) => l.cause).join(',')}`) }) as Rule;
    runRules(makeEvidence({ nodes: [{ name: 'n1', gathered: ['logs'], logs: [{ file: 'f', line: 1, text: 'failed to pull image "reg.example/a:1": dial tcp: lookup reg.example on 10.0.0.2:53: no such host', count: 1 }] }] }), [nodeRule]);
    expect(seen).toEqual(['n1:registry.dns']);
    // @ts-expect-error: a cluster rule's context has no node
    defineRule({ ...base, id: 'probe/no-node', scope: 'cluster', needs: [], check: ({ node }) => void node });
  });
});
