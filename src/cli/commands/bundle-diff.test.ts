import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runBundleDiff } from './bundle-diff-run.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-bdiff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the example bundle, changed by `edit` (file name → text transform). */
function bundle(name: string, edit: Record<string, (t: string) => string> = {}): string {
  const to = join(dir, name);
  cpSync('examples/broken-cluster', to, { recursive: true });
  for (const [f, fn] of Object.entries(edit)) writeFileSync(join(to, f), fn(readFileSync(join(to, f), 'utf8')));
  return to;
}

async function run(a: string, b: string): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  try {
    return { code: await runBundleDiff(a, b, { output: 'json' }), out };
  } finally {
    spy.mockRestore();
  }
}

describe('bundle diff', () => {
  it('two gatherings of an unchanged cluster: nothing to say, exit 0', async () => {
    const { code, out } = await run(bundle('a1'), bundle('a2'));
    const d = JSON.parse(out);
    expect(d.changes).toEqual([]);
    expect(d.findings).toEqual({ appeared: [], resolved: [] });
    expect(code).toBe(0);
  });

  it('net-conf Network changed and node-c got its podCIDR: the changes, the causes they explain, what appeared and went away', async () => {
    const before = bundle('b1');
    const after = bundle('b2', {
      'configmaps.json': (t) => t.replace('\\"Network\\": \\"10.244.0.0/16\\"', '\\"Network\\": \\"10.245.0.0/16\\"'),
      'nodes.json': (t) => {
        const j = JSON.parse(t);
        const c = j.items.find((n: { metadata: { name: string } }) => n.metadata.name === 'node-c');
        c.spec.podCIDR = '10.244.2.0/24';
        c.spec.podCIDRs = ['10.244.2.0/24'];
        return JSON.stringify(j);
      },
    });
    const { code, out } = await run(before, after);
    expect(code).toBe(1);
    const d = JSON.parse(out);
    expect(d.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ facet: 'flannel-net-conf', key: 'kube-flannel/kube-flannel-cfg net-conf.json', before: expect.stringContaining('10.244.0.0/16'), after: expect.stringContaining('10.245.0.0/16') }),
        expect.objectContaining({ facet: 'node-pod-cidr', key: 'node-c', before: '(none)', after: '10.244.2.0/24' }),
      ]),
    );
    expect(d.findings.resolved).toEqual(expect.arrayContaining([expect.objectContaining({ cause: 'flannel.no-pod-cidr', nodes: ['node-c'], explainedBy: ['node-pod-cidr'] })]));
    // The new Network no longer holds the nodes' podCIDRs: a cause the net-conf change explains.
    expect(d.findings.appeared).toEqual(expect.arrayContaining([expect.objectContaining({ cause: 'flannel.network-mismatch', explainedBy: expect.arrayContaining(['flannel-net-conf']) })]));
  });
});
