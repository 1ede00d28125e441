/**
 * The shape check of our own bundle's evidence.json. The expected shape is derived from the model's
 * empty constructors (emptyCluster, emptyNode, emptyProbes): every key they define must have their
 * kind (list, mapping, text, number) when present, and is filled in when absent. The top level's
 * structure is required (a one-line InputError naming the field); below it a wrong part is replaced
 * by its empty form and recorded where it belongs (the node's problems, the cluster's unreadable), so
 * the rest of the diagnosis goes on.
 */
import { InputError } from '../../errors.js';
import { emptyCluster, type ClusterEvidence } from '../../evidence/cluster.js';
import { emptyNode, type NodeEvidence } from '../../evidence/node.js';
import { emptyProbes, type ProbeEvidence } from '../../evidence/probes.js';
import type { Evidence } from '../../evidence/types.js';

type Kind = 'list' | 'mapping' | 'text' | 'number' | 'true/false' | 'null';

function kindOf(v: unknown): Kind {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'number';
  return 'true/false';
}

const an = (k: Kind) => (k === 'list' || k === 'mapping' || k === 'number' ? `a ${k}` : k === 'text' ? 'text' : k);

/**
 * `value` checked against `template`: keys of the template get its kind (absent → the template's
 * value); list elements must be mappings or text; other keys are kept as they are.
 */
function conform<T extends object>(value: Record<string, unknown>, template: T, where: string, problem: (field: string, message: string) => void): T {
  const out: Record<string, unknown> = { ...value };
  for (const [k, empty] of Object.entries(template)) {
    const v = value[k];
    if (v === undefined) {
      out[k] = empty;
      continue;
    }
    const want = kindOf(empty);
    const got = kindOf(v);
    if (got !== want) {
      problem(`${where}.${k}`, `must be ${an(want)}, found ${an(got)}: ignored`);
      out[k] = empty;
    } else if (want === 'list') {
      const list = v as unknown[];
      const kept = list.filter((x) => kindOf(x) === 'mapping' || kindOf(x) === 'text');
      if (kept.length !== list.length) problem(`${where}.${k}`, `${list.length - kept.length} element(s) neither a mapping nor text: skipped`);
      out[k] = kept;
    }
  }
  return out as T;
}

/** Checks and completes a parsed evidence.json; `file` names it in errors. */
export function checkOwnEvidence(doc: unknown, file: string): Evidence {
  const fail = (field: string | undefined, message: string): never => {
    throw new InputError(file, message, field ? { field } : undefined);
  };
  if (kindOf(doc) !== 'mapping') fail(undefined, `must be a mapping (an evidence document), found ${an(kindOf(doc))}`);
  const ev = doc as Record<string, unknown>;
  for (const [k, want] of [['nodes', 'mapping'], ['messages', 'list'], ['sources', 'list'], ['cluster', 'mapping'], ['probes', 'mapping']] as const) {
    if (ev[k] !== undefined && kindOf(ev[k]) !== want) fail(k, `must be ${an(want)}, found ${an(kindOf(ev[k]))}`);
  }
  const unreadable: { what: string; reason: string }[] = [];
  let cluster: ClusterEvidence | undefined;
  if (ev.cluster) {
    cluster = conform(ev.cluster as Record<string, unknown>, emptyCluster(), 'cluster', (what, reason) => unreadable.push({ what: `evidence.json ${what}`, reason }));
  }
  const nodes: Record<string, NodeEvidence> = {};
  for (const [name, n] of Object.entries((ev.nodes ?? {}) as Record<string, unknown>)) {
    if (kindOf(n) !== 'mapping') {
      unreadable.push({ what: `evidence.json nodes.${name}`, reason: `must be a mapping, found ${an(kindOf(n))}: node skipped` });
      continue;
    }
    const problems: { file: string; message: string }[] = [];
    const node = conform(n as Record<string, unknown>, emptyNode(name), `nodes.${name}`, (field, message) => problems.push({ file: `evidence.json ${field}`, message }));
    if (typeof node.name !== 'string' || !node.name) node.name = name;
    node.problems.push(...problems);
    nodes[name] = node;
  }
  let probes: ProbeEvidence | undefined;
  if (ev.probes) {
    probes = conform(ev.probes as Record<string, unknown>, emptyProbes(), 'probes', (what, reason) => unreadable.push({ what: `evidence.json ${what}`, reason }));
  }
  if (unreadable.length) {
    cluster ??= emptyCluster();
    cluster.unreadable.push(...unreadable);
  }
  const messages = ((ev.messages ?? []) as unknown[]).filter((m) => kindOf(m) === 'mapping');
  const sources = ((ev.sources ?? []) as unknown[]).filter((s) => typeof s === 'string');
  return { ...(ev as object), nodes, messages, sources, ...(cluster ? { cluster } : {}), ...(probes ? { probes } : {}) } as Evidence;
}
