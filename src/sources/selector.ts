/**
 * `-l/--selector` as kubectl reads it: equality-based (`app=web`, `app==web`, `tier!=db`), existence
 * (`app`, `!app`) and set-based (`env in (a,b)`, `env notin (a)`) requirements, comma-separated, all
 * of which must hold. Applied to the gathered pods (and their events): the flannel and CoreDNS pods
 * in kube-system and kube-flannel are always kept, as with -n, because they are what a diagnosis of
 * the selected pods rests on.
 */
import { UsageError } from '../errors.js';
import type { ClusterEvidence } from '../evidence/cluster.js';
import { SYSTEM_NAMESPACES } from './objects/from-kube.js';

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

const KEY = /^[A-Za-z0-9]([\w./-]*[A-Za-z0-9])?$/;

/** Splits at commas outside parentheses. */
function terms(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((t) => t !== '');
}

export function parseSelector(selector: string): Requirement[] {
  const bad = (t: string, why: string) => new UsageError(`-l/--selector: "${t}" ${why} (e.g. app=web,tier!=db or "env in (prod,staging)")`);
  return terms(selector).map((t): Requirement => {
    let m = /^(\S+?)\s+(in|notin)\s+\(([^)]*)\)$/.exec(t);
    if (m) {
      const [, key, op, list] = m;
      if (!KEY.test(key)) throw bad(t, 'has an invalid label key');
      const values = new Set(list.split(',').map((v) => v.trim()).filter(Boolean));
      return op === 'in' ? (l) => key in l && values.has(l[key]) : (l) => !(key in l) || !values.has(l[key]);
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(t);
    if (m) {
      const [, key, op, value] = m;
      if (!KEY.test(key)) throw bad(t, 'has an invalid label key');
      return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
    }
    m = /^(!?)([^=!\s()]+)$/.exec(t);
    if (m) {
      const [, not, key] = m;
      if (!KEY.test(key)) throw bad(t, 'has an invalid label key');
      return not ? (l) => !(key in l) : (l) => key in l;
    }
    throw bad(t, 'is not a label requirement');
  });
}

export function matches(requirements: readonly Requirement[], labels: Readonly<Record<string, string>> = {}): boolean {
  return requirements.every((r) => r(labels));
}

/** The cluster evidence with only the selected pods (plus system ones) and the events about kept objects. */
export function selectPods(cluster: ClusterEvidence, selector: string): ClusterEvidence {
  const reqs = parseSelector(selector);
  const pods = cluster.pods.filter((p) => SYSTEM_NAMESPACES.includes(p.namespace) || matches(reqs, p.labels));
  const kept = new Set(pods.map((p) => `${p.namespace}/${p.name}`));
  const dropped = new Set(cluster.pods.filter((p) => !kept.has(`${p.namespace}/${p.name}`)).map((p) => `${p.namespace}/${p.name}`));
  const events = cluster.events.filter((e) => !(e.involved.kind === 'Pod' || !e.involved.kind) || !dropped.has(`${e.involved.namespace ?? e.namespace}/${e.involved.name ?? ''}`));
  return { ...cluster, pods, events };
}
