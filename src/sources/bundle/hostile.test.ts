/**
 * Hostile bundles: archive bombs, truncated and crafted archives, FIFOs and links in place of our own
 * files, malformed evidence.json, oversized List items and envelopes. Each must end in one clear line
 * naming the file (or an "unreadable" entry, the rest read), in bounded memory, with no temp dir left.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { diagnose } from '../../engine/diagnose.js';
import { RULES } from '../../rules/index.js';
import { openBundle } from './files.js';
import { JsonListScanner, type ListEvent } from './json-list-stream.js';
import { readBundle } from './read.js';
import { writeBundle } from './write.js';
import { emptyEvidence } from '../../evidence/types.js';

// A private temp dir: "nothing left behind" is checked by listing it.
const work = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'fd-hostile-'));
const tmp = join(work, 'tmp');
const saved = process.env.TMPDIR;
beforeAll(() => {
  mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  rmSync(work, { recursive: true, force: true });
});
const leftovers = () => readdirSync(tmp).filter((n) => n.startsWith('fd-bundle'));

/** A .tar.gz made by the system tar from a directory of files. */
function targz(name: string, files: Record<string, string | number>): string {
  const src = join(work, `${name}-src`);
  mkdirSync(src, { recursive: true });
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(src, p, '..'), { recursive: true });
    if (typeof content === 'number') {
      writeFileSync(join(src, p), '');
      truncateSync(join(src, p), content); // sparse zeros
    } else writeFileSync(join(src, p), content);
  }
  const out = join(work, `${name}.tar.gz`);
  execFileSync('tar', ['czf', out, '-C', src, '.']);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err) => err,
  );
  expect(e, 'expected a refusal').toBeInstanceOf(InputError);
  expect((e as Error).message.split('\n')).toHaveLength(1);
  return (e as Error).message;
}

describe('bounded extraction', () => {
  it('an archive that inflates past the total is stopped while inflating, and leaves nothing', async () => {
    const bomb = targz('bomb', { 'zeros.json': 64 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const msg = await refusal(openBundle(bomb, { maxTotalBytes: 8 * 1024 * 1024, maxEntries: 100, maxRatio: 1e9, ratioFloorBytes: 1 }));
    expect(msg).toMatch(/bomb\.tar\.gz: it (holds|declares) more than 8 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    expect(leftovers()).toEqual([]);
  });

  it('an archive that inflates more than the ratio is refused as a bomb', async () => {
    const bomb = targz('ratio', { 'zeros.json': 32 * 1024 * 1024 });
    const msg = await refusal(openBundle(bomb, { maxTotalBytes: 1e12, maxEntries: 100, maxRatio: 100, ratioFloorBytes: 1024 * 1024 }));
    expect(msg).toMatch(/inflates more than 100×.*archive bomb/);
    expect(leftovers()).toEqual([]);
  });

  it('too many entries are refused', async () => {
    const many = targz('many', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.json`, '{}'])));
    expect(await refusal(openBundle(many, { maxTotalBytes: 1e9, maxEntries: 10, maxRatio: 1e9, ratioFloorBytes: 1 }))).toMatch(/more than 10 entries/);
    expect(leftovers()).toEqual([]);
  });

  it('a truncated archive is one clear line, not an internal error, and leaves no temp dir', async () => {
    const good = targz('trunc', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`d/f${i}.json`, JSON.stringify({ kind: 'Pod', metadata: { name: `p${i}`, uid: 'x'.repeat(2000 + i) } })])));
    const bytes = readFileSync(good);
    const cut = join(work, 'cut.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const msg = await refusal(readBundle(cut));
    expect(msg).toMatch(/cut\.tar\.gz: cannot extract the archive: /);
    expect(msg).not.toMatch(/ENOTEMPTY|internal/);
    expect(leftovers()).toEqual([]);
  });

  it('links and absolute or .. names in an archive are never written', async () => {
    const src = join(work, 'links-src');
    mkdirSync(src, { recursive: true });
    symlinkSync('/etc/passwd', join(src, 'evidence.json'));
    writeFileSync(join(src, 'flannel-doctor-bundle.json'), JSON.stringify({ format: 'flannel-doctor-bundle', formatVersion: 1, evidenceSchemaVersion: 1 }));
    const out = join(work, 'links.tar.gz');
    execFileSync('tar', ['czf', out, '-C', src, '.']);
    const msg = await refusal(readBundle(out));
    expect(msg).toMatch(/evidence\.json: cannot read: does not exist/);
    expect(leftovers()).toEqual([]);
  });

  it('fuzz: a damaged archive either reads or is refused with one line, and never leaves a temp dir', async () => {
    const good = readFileSync(targz('fz', { 'pods.json': JSON.stringify({ kind: 'PodList', items: [{ metadata: { name: 'a', namespace: 'x' } }] }), 'nodes.json': '{"kind":"NodeList","items":[]}' }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.option(fc.nat(good.length), { nil: undefined }), async (flips, cut) => {
        const b = Buffer.from(good.subarray(0, cut ?? good.length));
        for (const [i, v] of flips) if (i < b.length) b[i] = v;
        const f = join(work, 'fz-case.tar.gz');
        writeFileSync(f, b);
        await readBundle(f).catch((e) => {
          expect(e).toBeInstanceOf(InputError);
          expect(String(e.message).split('\n')).toHaveLength(1);
        });
        expect(leftovers()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('our own bundle format', () => {
  const own = async (name: string, evidence: string | ((dir: string) => void)) => {
    const dir = join(work, name);
    await writeBundle(emptyEvidence(['kube']), dir, 'test');
    rmSync(join(dir, 'evidence.json'));
    if (typeof evidence === 'string') writeFileSync(join(dir, 'evidence.json'), evidence);
    else evidence(join(dir, 'evidence.json'));
    return dir;
  };

  it('a FIFO at evidence.json is refused at once, never waited on', async () => {
    const dir = await own('fifo', (p) => execFileSync('mkfifo', [p]));
    expect(await refusal(readBundle(dir))).toMatch(/fifo: evidence\.json: cannot read: is a FIFO, not a regular file/);
  }, 10_000);

  it('a symlinked evidence.json is not followed', async () => {
    const secret = join(work, 'secret.json');
    writeFileSync(secret, JSON.stringify({ nodes: { 'CANARY-secret-node': {} } }));
    const dir = await own('link', (p) => symlinkSync(secret, p));
    expect(await refusal(readBundle(dir))).toMatch(/evidence\.json: cannot read: is a symbolic link/);
  });

  it('a malformed evidence.json is a located problem or one line, never a TypeError', async () => {
    for (const [i, text] of ['{"nodes":{"n1":{"name":"n1","links":5}}}', '{"cluster":{"pods":3}}', '{"cluster":{"pods":[null]}}', '{"nodes":{"n1":null}}', '{"probes":{"registry":{}}}', '{"cluster":{}}', '{"nodes":{"n1":{"gathered":"links"}}}'].entries()) {
      const r = await readBundle(await own(`bad${i}`, text));
      const report = diagnose(r.evidence, RULES, { version: 'test' });
      expect(report.findings.filter((f) => f.cause === 'tool.rule-error'), text).toEqual([]);
      const said = JSON.stringify([r.evidence.cluster?.unreadable ?? [], Object.values(r.evidence.nodes).map((n) => n.problems)]);
      if (!/"cluster":\{\}/.test(text)) expect(said, text).toMatch(/evidence\.json (nodes|cluster|probes)\./);
    }
    expect(await refusal(readBundle(await own('top', '[]')))).toMatch(/evidence\.json: must be a mapping/);
    expect(await refusal(readBundle(await own('nodes', '{"nodes":5}')))).toMatch(/evidence\.json \(nodes\): must be a mapping, found a number/);
    expect(await refusal(readBundle(await own('json', '{"nodes":')))).toMatch(/evidence\.json: not valid JSON/);
  });
});

describe('bounded JSON', () => {
  const feed = (s: JsonListScanner, parts: (string | Buffer)[]): ListEvent[] => [...parts.flatMap((p) => s.push(Buffer.from(p))), ...s.end()];

  it('an item larger than the cap is skipped with its size, its bytes never kept', () => {
    const s = new JsonListScanner(1024 * 1024);
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const evs: ListEvent[] = [...s.push(Buffer.from('{"kind":"PodList","items":[{"a":"'))];
    for (let i = 0; i < 96; i++) {
      evs.push(...s.push(chunk));
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
    }
    evs.push(...s.push(Buffer.from('"},{"metadata":{"name":"after"}}]}')), ...s.end());
    expect(peak).toBeLessThan(32 * 1024 * 1024);
    expect(evs.find((e) => e.type === 'bad-item')).toMatchObject({ index: 0, message: expect.stringMatching(/item 0 is 96(\.\d)? MB, larger than the 1 MB read \(at byte/) });
    expect(evs.filter((e) => e.type === 'item').map((e) => (e as { value: unknown }).value)).toEqual([{ metadata: { name: 'after' } }]);
  });

  it('the envelope cap is reported, not silently dropped', () => {
    const s = new JsonListScanner(1024 * 1024, 1000);
    const evs = feed(s, [`{"kind":"Pod","metadata":{"name":"x","annotations":{"big":"${'b'.repeat(5000)}"}}}`]);
    expect(evs.at(-1)).toMatchObject({ type: 'end', problem: { message: expect.stringMatching(/larger than 1 KB outside "items" is not read/) } });
  });

  it('"items" that is not an array is a problem, not a silent drop', async () => {
    const dir = join(work, 'items');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pods.json'), '{"kind":"PodList","items":{"0":{"metadata":{"name":"a"}}}}');
    writeFileSync(join(dir, 'nodes.json'), '{"kind":"NodeList","items":[{"metadata":{"name":"n1"}}]}');
    const r = await readBundle(dir);
    expect(r.evidence.cluster?.unreadable).toContainEqual({ what: 'pods.json', reason: expect.stringMatching(/"items" is not an array/) });
    expect(r.evidence.cluster?.nodes.map((n) => n.name)).toEqual(['n1']);
  });
});
