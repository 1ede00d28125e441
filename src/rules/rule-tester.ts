import { expect, it, describe } from 'vitest';
import { FIX_VARIABLES } from '../catalog/fix-variables.js';
import { emptyCluster, type ClusterEvidence } from '../evidence/cluster.js';
import { emptyNode, type NodeEvidence } from '../evidence/node.js';
import { emptyProbes, type ProbeEvidence } from '../evidence/probes.js';
import { emptyEvidence, type Evidence, type MessageEvidence } from '../evidence/types.js';
import { deepFreeze } from '../engine/deep-freeze.js';
import type { Finding } from '../findings/finding.js';
import type { FixStep } from '../findings/fix-step.js';
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

/**
 * One finding a faulty case must produce, exactly: its message id and data (the text is rendered from
 * them), its fix lines, and its scope. Omitted scope fields mean their defaults (no nodes, no pods, no
 * registry, the rule's severity), so an unexpected node or pod fails the case too.
 */
export interface ExpectedFinding {
  cause: string;
  messageId: string;
  data: Record<string, string | number>;
  /** The filled fix, one line per step (`Finding.fix`), in order. */
  fix: string[];
  /**
   * The filled fix steps themselves (`Finding.steps`: where each runs, its command, its verify, what it
   * changes), exactly and in order; checked when given.
   */
  steps?: FixStep[];
  nodes?: string[];
  pods?: string[];
  registry?: string;
  /** Nodes the failing traffic crossed (`Finding.via`); omitted means none. */
  via?: string[];
  severity?: Finding['severity'];
  /**
   * Fix placeholders the evidence honestly cannot fill (a registry probe runs for an image, not a pod:
   * no namespace is known). Any other unfilled scope or data placeholder fails the case.
   */
  unfilled?: string[];
}

export interface RuleCases {
  healthy: { name: string; evidence: EvidenceInput }[];
  faulty: { name: string; evidence: EvidenceInput; expect: ExpectedFinding[] }[];
  /**
   * Declared causes no faulty case produces, each with the written reason why no evidence table can
   * reach it. Without an entry here, a declared cause that no case exercises fails the test.
   */
  unexercised?: Record<string, string>;
}

/**
 * Table test of one rule, as exact as ESLint's RuleTester: healthy cases must produce no finding;
 * faulty cases must produce exactly the expected findings, in order (message id, data, fix, scope).
 * The evidence is frozen, so a rule that mutates it throws (and shows as a tool error). It also fails
 * when a faulty case finds nothing, when two cases share a name or their evidence, and when a cause the
 * rule declares is exercised by no case and has no written reason.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(`rule ${rule.id}`, () => {
    it('has cases', () => {
      expect(cases.healthy.length, 'at least one healthy case').toBeGreaterThan(0);
      expect(cases.faulty.length, 'at least one faulty case').toBeGreaterThan(0);
    });
    it('no two cases are the same; every declared cause is exercised by a faulty case, or says why it cannot be', () => {
      expect(tableProblems(rule, cases)).toEqual([]);
    });
    for (const c of cases.healthy) {
      it(`healthy: ${c.name}`, () => {
        const { findings, rulesRun } = runRules(deepFreeze(makeEvidence(c.evidence)), [rule]);
        expect(rulesRun, 'the rule ran (its evidence was present)').toBeGreaterThan(0);
        expect(findings.map((f) => actual(rule, f))).toEqual([]);
      });
    }
    for (const c of cases.faulty) {
      it(`faulty: ${c.name}`, () => {
        const { findings, rulesRun } = runRules(deepFreeze(makeEvidence(c.evidence)), [rule]);
        expect(rulesRun, 'the rule ran (its evidence was present)').toBeGreaterThan(0);
        expect(findings.length, 'a faulty case must find something').toBeGreaterThan(0);
        expect(findings.filter((f) => f.cause === 'tool.rule-error').map((f) => f.message)).toEqual([]);
        findings.forEach((f, i) => {
          expect(f.message, 'no unfilled placeholder').not.toMatch(/\{\w+\}/);
          const allowed = c.expect[i]?.unfilled ?? [];
          expect(unfilledFix(f).filter((u) => !allowed.some((a) => u.startsWith(`{${a}} `))), `${f.cause}: no fix placeholder left where the evidence holds the value`).toEqual([]);
          expect(allowed.filter((a) => !unfilledFix(f).some((u) => u.startsWith(`{${a}} `))), `${f.cause}: placeholders declared unfilled that are filled`).toEqual([]);
          expect(f.evidence.length, 'every finding carries evidence').toBeGreaterThan(0);
          expect(f.fix.filter((l) => l.includes('[object Object]')), 'a fix step written into a string').toEqual([]);
        });
        expect(findings.map((f) => actual(rule, f))).toEqual(c.expect.map((e) => normalised(rule, e)));
        c.expect.forEach((e, i) => {
          if (e.steps) expect(findings[i]?.steps, `${e.cause}: the fix steps`).toEqual(e.steps);
        });
      });
    }
  });
}

/**
 * What is wrong with a case table as a whole: two cases with one name or one evidence, a declared
 * cause no faulty case produces (without a written reason), a reason for a cause a case does produce.
 */
export function tableProblems(rule: Rule, cases: RuleCases): string[] {
  const out: string[] = [];
  const all = [...cases.healthy, ...cases.faulty];
  for (const n of duplicates(all.map((c) => c.name))) out.push(`two cases are named "${n}"`);
  // collectedAt is the clock at makeEvidence's call: two equal cases built a millisecond apart must still compare equal.
  const keys = all.map((c) => {
    const { collectedAt: _, ...rest } = makeEvidence(c.evidence);
    return JSON.stringify(rest);
  });
  for (const k of duplicates(keys)) out.push(`cases ${all.filter((_, i) => keys[i] === k).map((c) => `"${c.name}"`).join(' and ')} have the same evidence`);
  const exercised = new Set(cases.faulty.flatMap((c) => c.expect.map((e) => e.cause)));
  const reasons = cases.unexercised ?? {};
  for (const [cause, why] of Object.entries(reasons)) {
    if (!rule.causes.includes(cause)) out.push(`unexercised ${cause}: not a cause the rule declares`);
    else if (exercised.has(cause)) out.push(`unexercised ${cause}: a faulty case does exercise it`);
    else if (why.trim().length < 20) out.push(`unexercised ${cause}: the reason is not written out`);
  }
  for (const c of rule.causes) if (!exercised.has(c) && !(c in reasons)) out.push(`declared cause ${c} is exercised by no faulty case`);
  return out;
}

function duplicates(keys: string[]): string[] {
  return [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
}

/** A finding in the shape of an expectation, defaults spelled out. */
function actual(rule: Rule, f: Finding): Required<Omit<ExpectedFinding, 'registry' | 'unfilled' | 'steps'>> & { registry?: string } {
  return { cause: f.cause, messageId: f.messageId, data: f.data, fix: f.fix, nodes: f.nodes, via: f.via ?? [], pods: f.pods, severity: f.severity, ...(f.registry !== undefined ? { registry: f.registry } : {}) };
}

function normalised(rule: Rule, e: ExpectedFinding): ReturnType<typeof actual> {
  // `unfilled` and `steps` are checked on their own, above.
  return { cause: e.cause, messageId: e.messageId, data: e.data, fix: e.fix, nodes: e.nodes ?? [], via: e.via ?? [], pods: e.pods ?? [], severity: e.severity ?? rule.severity, ...(e.registry !== undefined ? { registry: e.registry } : {}) };
}

/**
 * The fix placeholders a finding left unfilled: scope and data values its rule should have given.
 * Not listed: context values (filled whenever the evidence shows them) and secrets ("$ENV").
 */
export function unfilledFix(f: Finding): string[] {
  return f.steps.flatMap((s) => (s.missing ?? []).filter((m) => FIX_VARIABLES[m]?.kind !== 'context').map((m) => `{${m}} in "${s.text}"`));
}
