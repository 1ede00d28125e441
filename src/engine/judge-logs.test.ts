import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNATURES } from '../catalog/signatures.js';
import { emptyEvidence } from '../evidence/types.js';
import { RULES } from '../rules/index.js';
import { readBundle } from '../sources/bundle/read.js';
import { writeBundle } from '../sources/bundle/write.js';
import { gatherNode } from '../sources/host/index.js';
import { createClassifier } from './classifier/index.js';
import { diagnose } from './diagnose.js';
import { judgeLogs } from './judge-logs.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-rejudge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** flanneld on a node whose Node object has no podCIDR: it exits with this line, again and again. */
const LINE = 'E1127 12:00:01.123456       1 main.go:332] Error registering network: failed to acquire lease: node "n2" pod cidr not assigned';
const CAUSE = 'flannel.no-pod-cidr';
/** The catalog as it was before the signature of this text existed. */
const OLDER = SIGNATURES.filter((s) => s.cause !== CAUSE);

describe('raw evidence judged late', () => {
  it('a bundle written by a version without the signature is re-judged by a newer one, which finds the cause', async () => {
    expect(OLDER.length).toBeLessThan(SIGNATURES.length);
    const root = join(dir, 'host');
    mkdirSync(join(root, 'var/log'), { recursive: true });
    writeFileSync(join(root, 'var/log/flanneld.log'), `I1127 12:00:00.000000       1 main.go:211] CLI flags config\n${LINE}\n${LINE}\n`);
    // Gathered with the older catalog: the line is kept for its error word, not for a known text.
    const node = await gatherNode({ hostRoot: root, name: 'n2', run: async () => ({ stdout: '', code: 127 }), knownTexts: OLDER });
    expect(node.logs.map((l) => [l.text, l.count])).toEqual([[LINE, 2]]);

    const evidence = emptyEvidence(['host']);
    evidence.nodes.n2 = node;
    await writeBundle(evidence, join(dir, 'bundle'), 'test');
    const { evidence: read } = await readBundle(join(dir, 'bundle'));

    const older = diagnose(structuredClone(read), RULES, { classifier: createClassifier(OLDER) });
    expect(older.findings.map((f) => f.cause)).not.toContain(CAUSE);
    const newer = diagnose(structuredClone(read), RULES, { classifier: createClassifier(SIGNATURES) });
    const found = newer.findings.find((f) => f.cause === CAUSE);
    expect(found?.nodes).toEqual(['n2']);
    expect(found?.evidence.map((e) => e.what)).toContain(`${LINE} (×2)`);
  });

  it('a cause an older bundle stored with a line is replaced by the judgement of this run', () => {
    const stored = { file: '/var/log/flanneld.log', line: 3, text: LINE, count: 1, cause: 'flannel.rbac', confidence: 0.2, signature: 'gone' };
    const [j] = judgeLogs([stored], createClassifier(SIGNATURES).classify);
    expect([j.cause, j.signature === 'gone', j.confidence > 0.5]).toEqual([CAUSE, false, true]);
    expect(judgeLogs([stored], createClassifier(OLDER).classify)).toEqual([]);
  });
});
