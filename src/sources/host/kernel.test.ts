import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherNode } from './index.js';
import type { CommandRunner } from './runner.js';

const LINK = (name: string, kind?: string) => ({ ifindex: name.length, ifname: name, flags: ['UP'], mtu: 1450, operstate: 'UNKNOWN', ...(kind ? { linkinfo: { info_kind: kind } } : {}), addr_info: [] });
const INTERRUPTED = 'Dump was interrupted and may be inconsistent.\n';

/** Answers `ip … addr show` from `dumps` in turn (the last one repeats); every other command is absent. */
function runner(dumps: { links: object[]; stderr: string }[]): { run: CommandRunner; asked: () => number } {
  let n = 0;
  const run: CommandRunner = async (argv) => {
    if (argv[0] === 'ip' && argv.includes('addr')) {
      const d = dumps[Math.min(n++, dumps.length - 1)]!;
      return { stdout: JSON.stringify(d.links), stderr: d.stderr, code: 0 };
    }
    if (argv[0] === 'ip' || argv[0] === 'bridge') return { stdout: '[]', code: 0 };
    return { stdout: '', stderr: `${argv[0]}: not found`, code: 127 };
  };
  return { run, asked: () => n };
}

describe('gatherNetwork: a dump the kernel interrupted', () => {
  const withRoot = async (f: (root: string) => Promise<void>) => {
    const root = mkdtempSync(join(tmpdir(), 'fd-kernel-'));
    try {
      await f(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('is asked again: links missing from an interrupted dump are not read as absent', () =>
    withRoot(async (root) => {
      const r = runner([{ links: [LINK('lo'), LINK('eth0')], stderr: INTERRUPTED }, { links: [LINK('lo'), LINK('eth0'), LINK('flannel.1', 'vxlan')], stderr: '' }]);
      const node = await gatherNode({ hostRoot: root, name: 'n1', run: r.run, kernelViaRunner: true });
      expect(node.links.map((l) => l.name)).toContain('flannel.1');
      expect(node.gathered).toContain('links');
      expect(r.asked()).toBe(2);
    }));

  it('interrupted every time: the links are a problem, not gathered (no rule judges an empty list)', () =>
    withRoot(async (root) => {
      const r = runner([{ links: [LINK('lo')], stderr: INTERRUPTED }]);
      const node = await gatherNode({ hostRoot: root, name: 'n1', run: r.run, kernelViaRunner: true });
      expect(node.gathered).not.toContain('links');
      expect(node.problems.map((p) => p.message).join('\n')).toMatch(/dump was interrupted 3 times/);
      expect(r.asked()).toBe(3);
    }));

  it('no VXLAN device in a clean dump is confirmed by a second read before it counts', () =>
    withRoot(async (root) => {
      const short = runner([{ links: [LINK('lo'), LINK('eth0')], stderr: '' }, { links: [LINK('lo'), LINK('eth0'), LINK('flannel.1', 'vxlan')], stderr: '' }]);
      expect((await gatherNode({ hostRoot: root, name: 'n1', run: short.run, kernelViaRunner: true })).links.map((l) => l.name)).toContain('flannel.1');
      const none = runner([{ links: [LINK('lo'), LINK('eth0')], stderr: '' }]);
      const node = await gatherNode({ hostRoot: root, name: 'n1', run: none.run, kernelViaRunner: true });
      expect(node.links.map((l) => l.name)).toEqual(['lo', 'eth0']);
      expect(node.gathered).toContain('links');
      expect(none.asked()).toBe(2);
    }));
});
