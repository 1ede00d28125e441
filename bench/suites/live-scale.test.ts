import { describe, expect, it } from 'vitest';
import { liveObjects } from './live-scale.js';

describe('live-scale objects', () => {
  it('makes the asked nodes and pods in Lists of at most the chunk, every object labelled, pods bound to made nodes', () => {
    const docs = liveObjects({ nodes: 7, pods: 23 }, 10).map((d) => JSON.parse(d) as { kind: string; items: { kind: string; metadata: { labels: Record<string, string> }; spec: { nodeName?: string } }[] });
    const items = docs.flatMap((d) => d.items);
    expect(docs.every((d) => d.kind === 'List' && d.items.length <= 10)).toBe(true);
    expect(items.filter((i) => i.kind === 'Node')).toHaveLength(7);
    expect(items.filter((i) => i.kind === 'Pod')).toHaveLength(23);
    expect(items.every((i) => i.metadata.labels['fd-bench'] === 'live-scale')).toBe(true);
    const nodes = new Set(items.filter((i) => i.kind === 'Node').map((i) => (i.metadata as unknown as { name: string }).name));
    expect(items.filter((i) => i.kind === 'Pod').every((p) => nodes.has(p.spec.nodeName!))).toBe(true);
  });
});
