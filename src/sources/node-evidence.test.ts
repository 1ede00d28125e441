import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readNodeEvidence } from './node-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-node-ev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readNodeEvidence', () => {
  it('a FIFO given as node evidence is refused in one line, never waited on', async () => {
    const fifo = join(dir, 'n1.json');
    execFileSync('mkfifo', [fifo]);
    const e = await readNodeEvidence(dir).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(`${fifo}: cannot read: is a FIFO, not a regular file: not read`);
  }, 5000);
});
