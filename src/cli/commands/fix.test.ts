/** `fix` end to end: the CLI as a process (tsx), on the bundled example and on a healthy k3s bundle. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../test/shared-dir.js';

const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e: any) {
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('flannel-doctor fix', () => {
  it('prints the plan of a broken bundle as data, and exits 1', async () => {
    const r = await cli(['fix', '--bundle', 'examples/broken-cluster', '-o', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const plan = JSON.parse(r.stdout);
    expect(plan.schemaVersion).toBe(1);
    expect(plan.causes.map((c: { cause: string }) => c.cause)).toContain('flannel.no-pod-cidr');
    const step = plan.causes.find((c: { cause: string }) => c.cause === 'flannel.no-pod-cidr').steps[0];
    expect(step).toMatchObject({ where: 'cluster', applicable: true });
    expect(step.run).toContain('"podCIDR":"10.244.2.0/24"');
    expect(plan.finally).toMatch(/^flannel-doctor diagnose/);
  }, 60_000);

  it('says there is nothing to fix on a cluster without root causes, and exits 0', async () => {
    const r = await cli(['fix', '--bundle', `${SHARED}/data/bundles/troubleshoot-k3s-arm64.tar.gz`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Nothing to fix: the diagnosis is healthy.\n');
  }, 60_000);

  it('with --yes applies from here: node steps of other machines are left, a cluster step against no cluster fails and stops the run, exit 1', async () => {
    const r = await cli(['fix', '--bundle', 'examples/broken-cluster', '--yes', '--this-node', 'not-a-node', '-o', 'json'], { KUBECONFIG: '/nonexistent/kubeconfig' });
    expect(r.code, r.stderr).toBe(1);
    const { results } = JSON.parse(r.stdout) as { results: { id: string; where: string; outcome: string; detail?: string }[] };
    expect(results.length).toBeGreaterThan(0);
    for (const x of results.filter((y) => y.where.startsWith('node '))) expect(x.outcome, x.id).toBe('skipped');
    const ran = results.filter((x) => x.outcome !== 'skipped');
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ where: 'cluster', outcome: 'failed' });
    expect(results.at(-1)).toBe(ran[0]);
  }, 60_000);
});
