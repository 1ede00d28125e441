import { expect, it, describe } from 'vitest';
import { FIX_VARIABLES } from '../catalog/fix-variables.js';
import { emptyCluster, type ClusterEvidence } from '../evidence/cluster.js';
import { emptyNode, type NodeEvidence } from '../evidence/node.js';
import { emptyProbes, type ProbeEvidence } from '../evidence/probes.js';
import { emptyEvidence, type Evidence, type MessageEvidence } from '../evidence/types.js';
import { deepFreeze } from '../engine/deep-freeze.js';
import type { Finding } from '../engine/finding.js';
import { runRules } from '../engine/run-rules.js';
import type { Rule } from './define-rule.js';

/** Builds evidence for a table case: only the parts given are present. */
export interface EvidenceInput {
  cluster?: Partial<ClusterEvidence>;
  nodes?: Partial<NodeEvidence>[];
  probes?: Partial<ProbeEvidence>;
  messages?: MessageEvidence[];
}

export function makeEvidence(input: EvidenceInput): Evidence {
  const e = emptyEvidence(['bundle']);
  if (input.cluster) {
    const c = { ...emptyCluster(), ...input.cluster };
    if (!input.cluster.read) c.read = ['nodes', 'pods', 'events', 'serviceaccounts', 'secrets', 'configmaps', 'workloads', 'services', 'endpoints'];
    e.cluster = c;
  }
  for (const n of input.nodes ?? []) {
    const name = n.name ?? 'n1';
    e.nodes[name] = { ...emptyNode(name), ...n, name };
  }
  if (input.probes) e.probes = { ...emptyProbes(), ...input.probes };
  if (input.messages) e.messages = input.messages;
  return e;
}

export interface ExpectedFinding {
  cause: string;
  nodes?: string[];
  pods?: string[];
  registry?: string;
  severity?: Finding['severity'];
  messageIncludes?: string;
}

export interface RuleCases {
  healthy: { name: string; evidence: EvidenceInput }[];
  faulty: { name: string; evidence: EvidenceInput; expect: ExpectedFinding[] }[];
}

/**
 * Table test of one rule, ESLint style: healthy cases must produce no finding, faulty cases must
 * produce exactly the expected causes at the expected places. The evidence is frozen, so a rule that
 * mutates it throws (and shows as a tool error). A faulty case that finds nothing fails.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(`rule ${rule.id}`, () => {
    it('has cases', () => {
      expect(cases.healthy.length, 'at least one healthy case').toBeGreaterThan(0);
      expect(cases.faulty.length, 'at least one faulty case').toBeGreaterThan(0);
    });
    for (const c of cases.healthy) {
      it(`healthy: ${c.name}`, () => {
        const { findings, rulesRun } = runRules(deepFreeze(makeEvidence(c.evidence)), [rule]);
        expect(rulesRun, 'the rule ran (its evidence was present)').toBeGreaterThan(0);
        expect(findings.map(brief)).toEqual([]);
      });
    }
    for (const c of cases.faulty) {
      it(`faulty: ${c.name}`, () => {
        const { findings, rulesRun } = runRules(deepFreeze(makeEvidence(c.evidence)), [rule]);
        expect(rulesRun, 'the rule ran (its evidence was present)').toBeGreaterThan(0);
        expect(findings.length, 'a faulty case must find something').toBeGreaterThan(0);
        expect(findings.filter((f) => f.cause === 'tool.rule-error').map((f) => f.message)).toEqual([]);
        for (const f of findings) {
          expect(f.message, 'no unfilled placeholder').not.toMatch(/\{\w+\}/);
          expect(unfilledFix(f), `${f.cause}: no fix placeholder left where the evidence holds the value`).toEqual([]);
          expect(f.evidence.length, 'every finding carries evidence').toBeGreaterThan(0);
        }
        const got = findings.map(brief);
        expect(got.length).toBe(c.expect.length);
        for (const want of c.expect) {
          const match = findings.find((f) => matches(f, want));
          expect(match, `expected ${JSON.stringify(want)} in ${JSON.stringify(got)}`).toBeDefined();
        }
      });
    }
  });
}

/**
 * The fix placeholders a finding left unfilled: scope and data values its rule should have given.
 * Not listed: context values (filled whenever the evidence shows them) and secrets ("$ENV").
 */
export function unfilledFix(f: Finding): string[] {
  return f.steps.flatMap((s) => (s.missing ?? []).filter((m) => FIX_VARIABLES[m]?.kind !== 'context').map((m) => `{${m}} in "${s.text}"`));
}

function brief(f: Finding) {
  return { cause: f.cause, nodes: f.nodes, pods: f.pods, registry: f.registry, severity: f.severity, message: f.message };
}

function matches(f: Finding, want: ExpectedFinding): boolean {
  if (f.cause !== want.cause) return false;
  if (want.nodes && JSON.stringify([...f.nodes].sort()) !== JSON.stringify([...want.nodes].sort())) return false;
  if (want.pods && JSON.stringify([...f.pods].sort()) !== JSON.stringify([...want.pods].sort())) return false;
  if (want.registry !== undefined && f.registry !== want.registry) return false;
  if (want.severity && f.severity !== want.severity) return false;
  if (want.messageIncludes && !f.message.includes(want.messageIncludes)) return false;
  return true;
}
