import { describe, expect, it } from 'vitest';
import { fillSteps, stepLine } from '../fix/steps.js';
import { correlate } from './correlate.js';
import type { Finding } from '../findings/finding.js';

function finding(node: string, fix: Finding['fixFrom'], steps: string[], severity: Finding['severity'] = 'error'): Finding {
  const filled = fillSteps(steps, {});
  return {
    ruleId: fix === 'rule' ? 'flannel/cluster-pod-cidr' : 'node/log-signals',
    cause: 'flannel.no-pod-cidr',
    tier: 'network',
    severity,
    messageId: 'm',
    data: { node },
    message: `node ${node} has no podCIDR`,
    nodes: [node],
    pods: [],
    evidence: [{ where: `node ${node}`, what: 'spec.podCIDR is empty' }],
    fix: filled.map(stepLine),
    steps: filled,
    fixFrom: fix,
    confidence: 0.9,
  };
}

describe('correlate keeps a rule\'s own fix', () => {
  it('over the catalog text of another finding of the same cause and severity, whichever comes first', () => {
    const catalog = finding('n2', 'catalog', ['Set the node\'s CIDR by hand']);
    const own = finding('n2', 'rule', ['kubectl patch node n2 … 10.42.3.0/24']);
    for (const order of [[catalog, own], [own, catalog]]) {
      const [root] = correlate(order);
      expect(root.fix).toEqual(['kubectl patch node n2 … 10.42.3.0/24']);
      expect(root.fixFrom).toBe('rule');
      expect(root.steps).toHaveLength(1);
    }
  });

  it('even when the catalog finding is more severe', () => {
    const [root] = correlate([finding('n2', 'rule', ['patch n2']), finding('n2', 'catalog', ['by hand'], 'error')].map((f, i) => (i === 0 ? { ...f, severity: 'warning' as const } : f)));
    expect(root.severity).toBe('error');
    expect(root.fix).toEqual(['patch n2']);
  });

  it('and keeps every node\'s own step once', () => {
    const [root] = correlate([finding('n2', 'rule', ['patch n2', 'restart flannel']), finding('n3', 'rule', ['patch n3', 'restart flannel'])]);
    expect(root.nodes).toEqual(['n2', 'n3']);
    expect(root.fix).toEqual(['patch n2', 'restart flannel', 'patch n3']);
    expect(root.steps.map((s) => s.text)).toEqual(root.fix);
  });
});

describe('correlate places a cause where it was located, not on every end of a failing probe', () => {
  const probe = (pairs: string[][]): Finding => ({ ...finding('x', 'catalog', ['open 8472']), nodes: [...new Set(pairs.flat())], suspects: pairs });

  it('narrows to the located node when it is in every suspect pair', () => {
    const [root] = correlate([probe([['n1', 'n2'], ['n2', 'n1']]), finding('n2', 'rule', ['drop the DROP on n2'])]);
    expect(root.nodes).toEqual(['n2']);
    expect(root.suspects).toBeUndefined();
  });

  it('keeps every suspect when a pair does not touch the located node', () => {
    const [root] = correlate([finding('n2', 'rule', ['fix n2']), probe([['n1', 'n2'], ['n1', 'n3']])]);
    expect(root.nodes.sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('keeps the suspects when nothing located the fault', () => {
    const [root] = correlate([probe([['n1', 'n2']])]);
    expect(root.nodes).toEqual(['n1', 'n2']);
  });
});

describe('correlate: a network cause explains what crossed its node', () => {
  const at = (cause: string, node: string, via?: string[]): Finding => ({ ...finding(node, 'catalog', ['x']), cause, tier: cause.startsWith('dns') ? 'application' : 'infrastructure', ...(via ? { via } : {}) });
  it('a DNS failure seen from n1 through a CoreDNS pod on n2 falls under the FORWARD drop on n2', () => {
    const roots = correlate([at('node.forward-drop', 'n2'), at('dns.service-unreachable', 'n1', ['n2'])]);
    expect(roots.map((r) => [r.cause, r.nodes, r.symptoms.map((s) => s.cause)])).toEqual([['node.forward-drop', ['n2'], ['dns.service-unreachable']]]);
  });
  it('but not one whose traffic never crossed n2', () => {
    const roots = correlate([at('node.forward-drop', 'n2'), at('dns.service-unreachable', 'n1', ['n3'])]);
    expect(roots.map((r) => r.cause).sort()).toEqual(['dns.service-unreachable', 'node.forward-drop']);
  });
});

describe('a NotReady node explains the pods it takes down', () => {
  const on = (cause: string, node: string, tier: Finding['tier']): Finding => ({ ...finding(node, 'catalog', ['look']), cause, tier, ruleId: cause, message: `${cause} on ${node}`, data: { node } });
  it('folds a CoreDNS pod down on that node under it, and keeps one down on another node', () => {
    const folded = correlate([on('node.not-ready', 'n1', 'infrastructure'), on('dns.coredns-down', 'n1', 'network')]);
    expect(folded.map((r) => r.cause)).toEqual(['node.not-ready']);
    expect(folded[0].symptoms.map((s) => s.cause)).toEqual(['dns.coredns-down']);
    const apart = correlate([on('node.not-ready', 'n1', 'infrastructure'), on('dns.coredns-down', 'n3', 'network')]);
    expect(apart.map((r) => r.cause).sort()).toEqual(['dns.coredns-down', 'node.not-ready']);
  });
});
