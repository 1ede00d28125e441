import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RULES } from '../../rules/index.js';
import { parseNodeEvidence } from '../../sources/node-evidence.js';
import { runNode } from './node-run.js';

/** The node command on a fake host root (commands run read-only in the test's own namespace). */
const root = mkdtempSync(join(tmpdir(), 'fdn-nodecmd-'));
mkdirSync(join(root, 'etc'), { recursive: true });
writeFileSync(join(root, 'etc/hostname'), 'cmd-n1\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function capture(fn: () => Promise<number>): Promise<{ out: string; code: number }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await fn(), out };
  } finally {
    spy.mockRestore();
  }
}

describe('flannel-doctor node', () => {
  it('-o json prints {evidence, report} for diagnose --node-evidence', async () => {
    const { out, code } = await capture(() => runNode({ hostRoot: root, output: 'json', failOn: 'none', skipLogs: true }));
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.evidence.name).toBe('cmd-n1');
    expect(j.evidence.gathered).toContain('subnetEnv');
    expect(j.evidence.subnetEnv).toBeUndefined();
    expect(j.report.schemaVersion).toBeGreaterThan(0);
    // The contract with diagnose --node-evidence: what we print is what it reads.
    expect(parseNodeEvidence(out, 'cmd-n1.json')).toEqual(j.evidence);
    // Whatever node rules exist judge this node: a rule for a missing CNI config or subnet.env must speak.
    const speaking = RULES.filter((r) => r.scope === 'node' && r.causes.some((c) => c === 'cni.config-missing' || c === 'cni.subnet-env-missing'));
    if (speaking.length) expect(j.report.findings.map((f: { cause: string }) => f.cause)).toEqual(expect.arrayContaining([speaking[0].causes.find((c) => c === 'cni.config-missing' || c === 'cni.subnet-env-missing')]));
  });

  it('text output says what was read before the verdict, and exits 1 on errors', async () => {
    const { out, code } = await capture(() => runNode({ hostRoot: root, output: 'text', failOn: 'error', skipLogs: true }));
    expect(out.split('\n')[0]).toMatch(/^node cmd-n1: 0 CNI configs; no subnet\.env;/);
    const parsed = JSON.parse((await capture(() => runNode({ hostRoot: root, output: 'json', failOn: 'none', skipLogs: true }))).out);
    expect(code).toBe(parsed.report.findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0);
  });

  it('rejects a host root that is not a directory', async () => {
    await expect(runNode({ hostRoot: join(root, 'nope'), output: 'text', failOn: 'error' })).rejects.toThrow(/--host-root .* is not a directory/);
  });
});
