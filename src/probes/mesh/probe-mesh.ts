/**
 * The reachability/MTU mesh: for each planned node pair, don't-fragment probes at the pod MTU
 * (pod → peer pod) and the flannel.1 MTU (node → peer flannel.1). A pair that passes both has a
 * working underlay, VXLAN transport and overlay, so those paths are recorded as implied; a pair
 * that fails is re-probed hop by hop (underlay, node→flannel.1, node→pod, pod→pod, small packets)
 * while both nodes' routes, neighbours, FDB and counters are read. It measures only: what a failing
 * pair means is the rules' (src/rules/probe/_mesh-pair.ts), from `results` and `nodes`.
 */
import type { MeshNodeObservation, MeshPathResult } from '../../evidence/probes.js';
import { counterDeltas, type NodeState } from './node-state.js';
import { pingBatch, type PingOutcome } from './ping-batch.js';
import { planMesh, type MeshPlanOptions } from './plan.js';
import { netnsRunner } from './runner.js';
import type { MeshRunner, MeshTarget } from './types.js';

export interface MeshProbeOptions {
  runner?: MeshRunner;
  /** Wait per probe packet. Default 1000 ms. */
  timeoutMs?: number;
  plan?: MeshPlanOptions;
  /** Probe every path of every pair even when the MTU probes pass. Default false. */
  exhaustive?: boolean;
  /** Default flannel.1 MTU when a target does not say. Default 1450. */
  flannelMtu?: number;
  /** Only pairs from this node: an agent probes its own share of the mesh. */
  onlyFrom?: string;
  /** auto: fping when the namespace has it (one process per packet size), else one ping per probe. */
  tool?: 'auto' | 'ping';
}

export interface MeshProbeReport {
  results: MeshPathResult[];
  /** The nodes of failing pairs: their state and counter deltas during the follow-up probes (evidence.probes.meshNodes). */
  nodes: MeshNodeObservation[];
  plan: { nodes: number; pairs: number; mode: 'full' | 'sampled' };
  ms: number;
}

interface Probe {
  id: number;
  from: MeshTarget;
  to: MeshTarget;
  netns: string | undefined;
  path: MeshPathResult['path'];
  kind: NonNullable<MeshPathResult['kind']>;
  fromIp?: string;
  toIp: string;
  size?: number;
  df?: boolean;
  /** packets in this probe (the last try sends a burst) */
  count?: number;
}

export async function probeMesh(targets: MeshTarget[], opts: MeshProbeOptions = {}): Promise<MeshProbeReport> {
  const t0 = performance.now();
  const runner = opts.runner ?? netnsRunner;
  const timeoutMs = opts.timeoutMs ?? 1000;
  const byName = new Map(targets.map((t) => [t.name, t]));
  const full = planMesh(targets.map((t) => t.name), opts.plan);
  const plan = opts.onlyFrom ? { ...full, pairs: full.pairs.filter(([a]) => a === opts.onlyFrom) } : full;
  const flMtu = (t: MeshTarget) => t.flannelMtu ?? opts.flannelMtu ?? 1450;
  let nextId = 0;

  const mk = (a: MeshTarget, b: MeshTarget, path: Probe['path'], kind: Probe['kind'], small: boolean): Probe | undefined => {
    if (kind === 'pod-pod' && (!a.pod || !b.pod)) return undefined;
    if (kind === 'node-pod' && !b.pod) return undefined;
    if (kind === 'node-flannel' && !b.flannelIp) return undefined;
    const toIp = kind === 'node-node' ? b.underlayIp : kind === 'node-flannel' ? b.flannelIp! : b.pod!.ip;
    const netns = kind === 'pod-pod' ? a.pod!.netns : a.netns;
    const mtu = path === 'mtu-pod' ? (a.pod?.mtu ?? flMtu(a)) : flMtu(a);
    return { id: nextId++, from: a, to: b, netns, path, kind, toIp, fromIp: kind === 'pod-pod' ? a.pod!.ip : kind === 'node-node' ? a.underlayIp : undefined, ...(small ? {} : { size: mtu - 28, df: true }) };
  };

  /** One runner call per source namespace; `stateOf` names node namespaces whose state to read around the pings. */
  const run = async (probes: Probe[], stateOf?: Set<string>) => {
    const groups = new Map<string, Probe[]>();
    for (const p of probes) groups.set(p.netns ?? '', [...(groups.get(p.netns ?? '') ?? []), p]);
    // Whose state a namespace holds. An agent (onlyFrom) runs in its own node's namespace and reaches
    // its peers over the network: their state is not readable from here, never taken for its own.
    const nsNode = new Map<string, string>();
    for (const t of targets) {
      const key = t.netns ?? '';
      if (opts.onlyFrom && t.name !== opts.onlyFrom && !t.netns) continue;
      if (!nsNode.has(key)) nsNode.set(key, t.name);
    }
    for (const name of stateOf ?? []) {
      const t = byName.get(name)!;
      if (nsNode.get(t.netns ?? '') === name && !groups.has(t.netns ?? '')) groups.set(t.netns ?? '', []);
    }
    const all = new Map<number, PingOutcome>();
    const before = new Map<string, NodeState>();
    const after = new Map<string, NodeState>();
    await Promise.all(
      [...groups].map(async ([ns, ps]) => {
        const node = nsNode.get(ns);
        const withState = node && stateOf?.has(node) ? { node, full: true } : undefined;
        const r = await pingBatch(runner, ns || undefined, ps.map((p) => ({ id: p.id, to: p.toIp, size: p.size, df: p.df, ...(p.count ? { count: p.count } : {}) })), timeoutMs, withState, opts.tool);
        for (const [k, v] of r.outcomes) all.set(k, v);
        if (node && r.before) before.set(node, r.before);
        if (node && r.after) after.set(node, r.after);
      }),
    );
    return { outcomes: all, before, after };
  };

  // phase 1: the MTU probes (or everything when exhaustive)
  const first: Probe[] = [];
  const pairProbes = new Map<string, Probe[]>();
  for (const [an, bn] of plan.pairs) {
    const a = byName.get(an)!;
    const b = byName.get(bn)!;
    const ps = [mk(a, b, 'mtu-pod', 'pod-pod', false), mk(a, b, 'mtu-flannel', 'node-flannel', false)];
    if (opts.exhaustive || !ps.some(Boolean)) ps.push(mk(a, b, 'underlay', 'node-node', true), mk(a, b, 'overlay', 'node-flannel', true), mk(a, b, 'overlay', 'node-pod', true), mk(a, b, 'overlay', 'pod-pod', true));
    const real = ps.filter((p): p is Probe => !!p);
    pairProbes.set(`${an}>${bn}`, real);
    first.push(...real);
  }
  const { outcomes } = await run(first);

  // phase 2: hop-by-hop for pairs that failed
  const second: Probe[] = [];
  const retries = new Map<number, number>();
  for (const [key, ps] of pairProbes) {
    if (ps.every((p) => outcomes.get(p.id)?.ok)) continue;
    const [an, bn] = key.split('>') as [string, string];
    const a = byName.get(an)!;
    const b = byName.get(bn)!;
    const have = new Set(ps.map((p) => `${p.path}/${p.kind}`));
    const more = [mk(a, b, 'underlay', 'node-node', true), mk(a, b, 'overlay', 'node-flannel', true), mk(a, b, 'overlay', 'node-pod', true), mk(a, b, 'overlay', 'pod-pod', true)].filter((p): p is Probe => !!p && !have.has(`${p.path}/${p.kind}`));
    ps.push(...more);
    second.push(...more);
    // A probe lost once is asked again: one lost packet on a busy node is not an MTU or a path fault.
    for (const p of ps) if (!outcomes.get(p.id)?.ok && !more.includes(p)) {
      const again = { ...p, id: nextId++ };
      retries.set(again.id, p.id);
      second.push(again);
    }
  }
  // the nodes of failing pairs: their routes, neighbours, FDB and counters around the follow-up probes
  const involved = new Set(second.flatMap((p) => [p.from.name, p.to.name]));
  for (const [key, ps] of pairProbes) if (!ps.every((p) => outcomes.get(p.id)?.ok)) key.split('>').forEach((n) => involved.add(n));
  const nodes: MeshNodeObservation[] = [];
  if (involved.size) {
    const r2 = await run(second, involved);
    for (const [k, v] of r2.outcomes) {
      const original = retries.get(k);
      if (original === undefined) outcomes.set(k, v);
      else if (v.ok) outcomes.set(original, v);
    }
    // Whatever still fails is asked a last time with a burst of three packets, 200 ms apart: on a lossy
    // link (5% each way loses about one ping in ten) two lost replies in a row happen every hundred
    // probes, and must not read as a blocked path; a filter or a missing route loses all five.
    const last = [...pairProbes.values()].flat().filter((p) => !outcomes.get(p.id)?.ok).map((p) => ({ again: { ...p, id: nextId++, count: 3 }, original: p.id }));
    if (last.length) {
      const r3 = await run(last.map((x) => x.again));
      for (const { again, original } of last) {
        const v = r3.outcomes.get(again.id);
        if (v?.ok) outcomes.set(original, v);
      }
    }
    for (const n of involved) {
      const t = byName.get(n)!;
      const target: MeshNodeObservation['target'] = { underlayIp: t.underlayIp };
      if (t.flannelIp !== undefined) target.flannelIp = t.flannelIp;
      if (t.flannelMtu !== undefined) target.flannelMtu = t.flannelMtu;
      if (t.vtepMac !== undefined) target.vtepMac = t.vtepMac;
      if (t.pod) target.pod = { ip: t.pod.ip };
      const state = r2.before.get(n);
      nodes.push({ node: n, ...(opts.onlyFrom ? { by: opts.onlyFrom } : {}), target, ...(state ? { state } : {}), counterDeltas: counterDeltas(state?.counters ?? {}, r2.after.get(n)?.counters ?? {}) });
    }
  }

  const results: MeshPathResult[] = [];
  for (const [key, ps] of pairProbes) {
    const [an, bn] = key.split('>') as [string, string];
    const b = byName.get(bn)!;
    const rs: MeshPathResult[] = ps.map((p) => {
      const o = outcomes.get(p.id) ?? { ok: false, error: 'not run' };
      const r: MeshPathResult = { from: an, to: bn, path: p.path, kind: p.kind, ok: o.ok, toIp: p.toIp };
      if (p.fromIp) r.fromIp = p.fromIp;
      if (p.size !== undefined) r.size = p.size;
      if (o.ms !== undefined) r.ms = o.ms;
      if (o.lossPct !== undefined) r.lossPct = o.lossPct;
      if (o.error) r.error = o.error;
      return r;
    });
    const allOk = rs.every((r) => r.ok);
    if (allOk && !opts.exhaustive) {
      const how = 'implied: the don\'t-fragment probes at MTU passed over it';
      rs.push({ from: an, to: bn, path: 'underlay', kind: 'node-node', ok: true, toIp: b.underlayIp, detail: how }, { from: an, to: bn, path: 'vxlan-udp', ok: true, toIp: `${b.underlayIp}:8472`, detail: how });
    } else {
      const overlay = rs.filter((r) => r.path === 'overlay');
      const underOk = rs.find((r) => r.path === 'underlay')?.ok;
      rs.push({ from: an, to: bn, path: 'vxlan-udp', ok: overlay.some((r) => r.ok) || (!!underOk && overlay.length === 0), toIp: `${b.underlayIp}:8472`, detail: overlay.some((r) => r.ok) ? 'VXLAN carries overlay packets' : underOk ? 'underlay works but no overlay packet made it' : 'underlay down' });
    }
    results.push(...rs);
  }
  return { results, nodes, plan: { nodes: targets.length, pairs: plan.pairs.length, mode: plan.mode }, ms: Math.round(performance.now() - t0) };
}
