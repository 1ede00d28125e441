import type { NodeInfo, NodeSelectorTerm, WorkloadInfo } from '../../evidence/cluster.js';

type Requirement = NodeSelectorTerm['matchExpressions'][number];

/** Why a workload's pods may not run on a node, and the JSON patch that lets them, when one is exact. */
export interface Exclusion {
  /** The requirements the node fails, as Kubernetes writes them (`kubernetes.io/hostname NotIn [n2]`). */
  requirements: string[];
  /** RFC 6902 operations on the workload (a `test` before each change), when every failing requirement names the node itself. */
  patch?: object[];
}

/**
 * The scheduler's node selection for a DaemonSet pod (nodeSelector, then required node affinity:
 * terms ORed, expressions in a term ANDed, an empty term matching nothing), judged for one node.
 * Undefined when the node qualifies.
 */
export function exclusionOf(w: Readonly<WorkloadInfo>, node: Readonly<NodeInfo>): Exclusion | undefined {
  const selector = Object.entries(w.nodeSelector ?? {}).filter(([k, v]) => node.labels[k] !== v);
  if (selector.length) return { requirements: selector.map(([k, v]) => `nodeSelector ${k}=${v} (node has ${k in node.labels ? `${k}=${node.labels[k]}` : `no label ${k}`})`) };
  const terms = w.nodeAffinity;
  if (!terms?.length) return undefined;
  const failing = terms.map((t) => ({
    expressions: t.matchExpressions.map((r, i) => ({ r, i })).filter(({ r }) => !satisfies(r, node.labels[r.key])),
    fields: t.matchFields.map((r, i) => ({ r, i })).filter(({ r }) => !satisfies(r, r.key === 'metadata.name' ? node.name : undefined)),
    empty: !t.matchExpressions.length && !t.matchFields.length,
  }));
  if (failing.some((f) => !f.empty && !f.expressions.length && !f.fields.length)) return undefined;
  const requirements = failing.flatMap((f) => (f.empty ? ['an empty node selector term (matches no node)'] : [...f.expressions, ...f.fields].map(({ r }) => show(r))));
  // Exact only with one term, where every failing requirement is about this very node's name.
  if (failing.length !== 1 || failing[0].empty) return { requirements };
  const ops: object[] = [];
  const base = '/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0';
  const edits = [
    ...failing[0].expressions.map((x) => ({ ...x, path: `${base}/matchExpressions/${x.i}`, named: x.r.key === 'kubernetes.io/hostname' && node.labels[x.r.key] === node.name })),
    ...failing[0].fields.map((x) => ({ ...x, path: `${base}/matchFields/${x.i}`, named: true })),
  ].sort((a, b) => b.i - a.i); // removals from the end keep earlier indexes valid (the two arrays are independent)
  for (const e of edits) {
    const op = nameEdit(e.r, node.name, e.path);
    if (!e.named || !op) return { requirements };
    ops.push({ op: 'test', path: e.path, value: e.r }, op);
  }
  return { requirements, patch: ops };
}

function satisfies(r: Requirement, value: string | undefined): boolean {
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const [v, bound] = [Number.parseInt(value ?? '', 10), Number.parseInt(r.values[0] ?? '', 10)];
      if (!Number.isInteger(v) || !Number.isInteger(bound)) return false;
      return r.operator === 'Gt' ? v > bound : v < bound;
    }
    default:
      return false; // the API server rejects other operators; an unknown one is not trusted to match
  }
}

/** The edit that stops a requirement on the node's name from excluding it, or undefined when none is exact. */
function nameEdit(r: Requirement, name: string, path: string): object | undefined {
  if (r.operator === 'NotIn') {
    const rest = r.values.filter((v) => v !== name);
    return rest.length ? { op: 'replace', path: `${path}/values`, value: rest } : { op: 'remove', path };
  }
  if (r.operator === 'In') return { op: 'add', path: `${path}/values/-`, value: name };
  return undefined;
}

function show(r: Requirement): string {
  return `${r.key} ${r.operator}${r.values.length ? ` [${r.values.join(', ')}]` : ''}`;
}
