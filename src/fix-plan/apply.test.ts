import { testTempDir } from '../test-temp-dir.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyExitCode, applySteps, type Shell } from './apply.js';
import { backupCommand, backupPath } from './backup.js';
import { planSteps, type PlanStep } from './plan.js';
import type { FixStep } from '../findings/fix-step.js';

/** A real sh, as `fix --yes` uses on a node. */
const sh: Shell = async (command, env) => {
  const r = spawnSync('sh', ['-c', command], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status ?? 1, output: (r.stderr || '') + (r.stdout || '') };
};

/** A recording shell: what ran, where, and a scripted exit code per command. */
function recorder(codes: Record<string, number> = {}) {
  const ran: string[] = [];
  const shell = (where: string): Shell => async (command) => {
    ran.push(`${where}: ${command}`);
    return { code: codes[command] ?? 0, output: codes[command] ? `${command} broke` : '' };
  };
  return { ran, shell };
}

const steps = (fix: FixStep[], nodes: string[]): PlanStep[] => planSteps(fix, nodes, 1);

describe('applying fix steps', () => {
  it('runs cluster steps here and node steps only on a reachable node, each followed by its verify', async () => {
    const { ran, shell } = recorder();
    const out = await applySteps(
      steps(
        [
          { text: 'patch', on: 'cluster', run: 'kubectl patch x', verify: 'kubectl get x' },
          { text: 'sysctl', on: 'node', run: 'sysctl -w a=1', verify: 'test 1' },
          { text: 'advice', on: 'person', manual: 'a choice' },
        ],
        ['n1', 'n2'],
      ),
      { cluster: shell('host'), node: (n) => (n === 'n1' ? shell(n) : undefined), env: {}, stamp: 's' },
    );
    expect(ran).toEqual(['host: kubectl patch x', 'host: kubectl get x', 'n1: sysctl -w a=1', 'n1: test 1']);
    expect(out.map((r) => `${r.id} ${r.outcome}`)).toEqual(['1.1 verified', '1.2a verified', '1.2b skipped', '1.3 skipped']);
    expect(out[2].detail).toMatch(/node n2/);
    expect(applyExitCode(out)).toBe(1);
  });

  it('stops at the first step whose verify fails: later steps assume it', async () => {
    const { ran, shell } = recorder({ 'check a': 1 });
    const out = await applySteps(
      steps([{ text: 'a', on: 'cluster', run: 'do a', verify: 'check a' }, { text: 'b', on: 'cluster', run: 'do b' }], []),
      { cluster: shell('host'), node: () => undefined, env: {}, stamp: 's' },
    );
    expect(ran).toEqual(['host: do a', 'host: check a']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ outcome: 'failed', detail: 'verify failed: check a broke' });
    expect(applyExitCode(out)).toBe(1);
  });

  it('skips a step whose secret is not in the environment, and passes it when it is', async () => {
    const step: FixStep = { text: 'secret', on: 'cluster', run: 'kubectl create secret', inputs: [{ env: 'REGISTRY_PASSWORD', source: 'the registry' }] };
    const a = recorder();
    const skipped = await applySteps(steps([step], []), { cluster: a.shell('host'), node: () => undefined, env: {}, stamp: 's' });
    expect(skipped[0]).toMatchObject({ outcome: 'skipped' });
    expect(skipped[0].detail).toMatch(/REGISTRY_PASSWORD/);
    expect(a.ran).toEqual([]);
    const b = recorder();
    const applied = await applySteps(steps([step], []), { cluster: b.shell('host'), node: () => undefined, env: { REGISTRY_PASSWORD: 'x' }, stamp: 's' });
    expect(applied[0].outcome).toBe('applied');
    expect(applyExitCode(applied)).toBe(0);
  });

  it('backs up every file a step changes before it runs, on the node, with the original content', async () => {
    const dir = testTempDir('fd-apply-');
    const file = join(dir, 'resolv.conf');
    writeFileSync(file, 'search example.lab\n');
    const step: FixStep = { text: 'resolver', on: 'node', run: `printf 'nameserver 10.0.0.2\\n' >> ${file}`, verify: `grep -qx 'nameserver 10.0.0.2' ${file}`, changes: [file, join(dir, 'absent')] };
    const out = await applySteps(steps([step], ['n1']), { cluster: sh, node: () => sh, env: {}, stamp: '20261202T000000Z' });
    expect(out[0]).toMatchObject({ outcome: 'verified', backups: [backupPath(file, '20261202T000000Z'), backupPath(join(dir, 'absent'), '20261202T000000Z')] });
    expect(readFileSync(backupPath(file, '20261202T000000Z'), 'utf8')).toBe('search example.lab\n');
    expect(readFileSync(file, 'utf8')).toBe('search example.lab\nnameserver 10.0.0.2\n');
    expect(existsSync(backupPath(join(dir, 'absent'), '20261202T000000Z'))).toBe(false);
  });

  it('refuses to back up (and so to run) a path that is not a plain absolute path', async () => {
    expect(backupCommand(['/etc/x; rm -rf /'], 's').refused).toBeTruthy();
    expect(backupCommand(['relative/x'], 's').refused).toBeTruthy();
    const { ran, shell } = recorder();
    const out = await applySteps(steps([{ text: 'x', on: 'node', run: 'touch x', changes: ['/etc/$(id)'] }], ['n1']), { cluster: shell('host'), node: () => shell('n1'), env: {}, stamp: 's' });
    expect(out[0].outcome).toBe('failed');
    expect(ran).toEqual([]);
  });
});
