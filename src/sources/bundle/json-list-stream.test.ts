import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonListScanner, parseWhole, streamJsonList, type ListEvent } from './json-list-stream.js';

/** Feeds text in chunks of the given sizes (cycled) and collects the events. */
function scan(text: string, sizes: number[] = [1 << 20]): ListEvent[] {
  const buf = Buffer.from(text);
  const s = new JsonListScanner();
  const out: ListEvent[] = [];
  let i = 0;
  let k = 0;
  while (i < buf.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]);
    out.push(...s.push(buf.subarray(i, i + n)));
    i += n;
  }
  out.push(...s.end());
  return out;
}

const items = (evs: ListEvent[]) => evs.filter((e) => e.type === 'item').map((e) => (e as any).value);
const end = (evs: ListEvent[]) => evs.find((e) => e.type === 'end') as Extract<ListEvent, { type: 'end' }>;

describe('streaming List reader', () => {
  const list = {
    kind: 'PodList',
    apiVersion: 'v1',
    metadata: { resourceVersion: '7' },
    items: [
      { metadata: { name: 'a', annotations: { x: 'has "quotes" and ] } [ { brackets \\ and \\"' } } },
      { metadata: { name: 'b' }, spec: { containers: [{ name: 'c', args: ['[', ']', '{', '}'] }] } },
      { metadata: { name: 'é😀' } },
    ],
  };
  const text = JSON.stringify(list, null, 2);

  it('yields every item, whatever the chunk boundaries', () => {
    for (const sizes of [[1], [2], [3], [7], [1, 5, 2], [64], [1 << 20]]) {
      const evs = scan(text, sizes);
      expect(items(evs)).toEqual(list.items);
      expect(end(evs)).toMatchObject({ itemsSeen: true, problem: undefined, envelope: { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '7' }, items: [] } });
    }
  });

  it('knows the list kind while items stream (kind before items)', () => {
    const evs = scan(text, [5]);
    expect(evs.filter((e) => e.type === 'item').every((e) => (e as any).listKind === 'PodList')).toBe(true);
  });

  it('reads a bare array and a single object', () => {
    expect(items(scan('[{"a":1}, {"b":[2]} ]', [3]))).toEqual([{ a: 1 }, { b: [2] }]);
    const one = scan('{"kind":"Pod","metadata":{"name":"p","labels":{"items":"no"}}}', [4]);
    expect(items(one)).toEqual([]);
    expect(end(one)).toMatchObject({ itemsSeen: false, envelope: { kind: 'Pod', metadata: { name: 'p' } } });
  });

  it('only the top-level "items" is the list: a nested items key is not', () => {
    const evs = scan('{"metadata":{"items":[1,2]},"items":[{"x":1}]}', [2]);
    expect(items(evs)).toEqual([{ x: 1 }]);
  });

  it('scalars inside items are yielded (the caller rejects them)', () => {
    expect(items(scan('{"items":[1, "s", null, {"a":"b"}, true]}', [1]))).toEqual([1, 's', null, { a: 'b' }, true]);
  });

  it('a bad item is reported with its byte offset and the others still come', () => {
    const evs = scan('{"items":[{"a":1},{"b":tru},{"c":3}]}', [4]);
    expect(items(evs)).toEqual([{ a: 1 }, { c: 3 }]);
    const bad = evs.find((e) => e.type === 'bad-item') as any;
    expect(bad.index).toBe(1);
    expect(bad.message).toMatch(/item 1 is not valid JSON \(at byte \d+\)/);
  });

  it('a truncated file keeps the items before the cut and says where it ended', () => {
    const evs = scan(text.slice(0, text.indexOf('"b"') + 20), [9]);
    expect(items(evs)).toEqual([list.items[0]]);
    expect(end(evs).problem?.message).toMatch(/ends early \(truncated at byte \d+, inside item 1\)/);
  });

  it('skips a UTF-8 byte-order mark', () => {
    expect(items(scan('\ufeff{"items":[{"a":1}]}'))).toEqual([{ a: 1 }]);
  });

  it('rejects a file that is not JSON at all', () => {
    expect(end(scan('hello')).problem?.message).toMatch(/expected a JSON object or array/);
    expect(end(scan('')).problem?.message).toMatch(/empty/);
  });

  it('matches JSON.parse on random lists split at random points', () => {
    const item = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (arr, sizes, pretty) => {
        const doc = JSON.stringify({ kind: 'List', items: arr, metadata: { x: '"]' } }, null, pretty ? 1 : 0);
        const evs = scan(doc, sizes);
        expect(items(evs)).toEqual(JSON.parse(doc).items);
        expect(end(evs).problem).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('escaped keys and kinds', () => {
  it('reads them as JSON.parse does, whatever the chunk boundaries', () => {
    // a kind of one backslash, a kind spelled with a \\u escape, and "items" spelled with one
    const texts = ['{"kind":"\\\\","items":[""]}', '{"kind":"Pod\\u004cist","it\\u0065ms":[1,2]}'];
    for (const text of texts) {
      const parsed = JSON.parse(text);
      for (const size of [1, 2, 3, 1 << 20]) {
        const evs = scan(text, [size]);
        expect(items(evs), `${text} in ${size}-byte chunks`).toEqual(parsed.items);
        expect((evs.find((e) => e.type === 'item') as any).listKind, text).toBe(parsed.kind);
      }
    }
  });
});

describe('whole-file parsing (small files)', () => {
  // Item offsets aside, the fast path must say exactly what the scanner says.
  const noOffsets = (evs: ListEvent[]) => evs.map((e) => (e.type === 'item' ? { ...e, offset: -1 } : e));

  it('gives the scanner\'s events for any list, object or array', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const doc = fc.oneof(
      fc.tuple(fc.array(value, { maxLength: 6 }), fc.option(fc.constantFrom('PodList', 'List', 'Pod'), { nil: undefined }), fc.boolean()).map(([items, kind, kindFirst]) =>
        kindFirst ? { kind, items, metadata: { a: 1 } } : { metadata: {}, items, kind },
      ),
      fc.array(value, { maxLength: 6 }),
      fc.dictionary(fc.constantFrom('kind', 'items', 'metadata', 'x'), value, { maxKeys: 4 }),
    );
    fc.assert(
      fc.property(doc, fc.boolean(), (d, bom) => {
        const text = (bom ? '\ufeff' : '') + JSON.stringify(d);
        const fast = parseWhole(Buffer.from(text));
        expect(fast).toBeDefined();
        expect(noOffsets(fast!)).toEqual(noOffsets(scan(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves what does not parse, and scalars, to the scanner', () => {
    for (const text of ['', 'hello', '5', '"s"', '{"items":[{"a":1},{"b":tru}]}', '{"items":[1]']) expect(parseWhole(Buffer.from(text))).toBeUndefined();
  });

  it('a small file with a bad item still names its byte and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-jls-'));
    try {
      const file = join(dir, 'pods.json');
      writeFileSync(file, '{"kind":"PodList","items":[{"a":1},{"b":tru},{"c":3}]}');
      const evs: ListEvent[] = [];
      for await (const e of streamJsonList(file)) evs.push(e);
      expect(items(evs)).toEqual([{ a: 1 }, { c: 3 }]);
      expect((evs.find((e) => e.type === 'bad-item') as any).message).toMatch(/item 1 is not valid JSON \(at byte 3\d\)/);
      writeFileSync(file, '{"kind":"PodList","items":[{"a":1},{"c":3}]}');
      const ok: ListEvent[] = [];
      for await (const e of streamJsonList(file)) ok.push(e);
      expect(ok.map((e) => e.type)).toEqual(['item', 'item', 'end']);
      expect((ok[0] as any).listKind).toBe('PodList');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('streaming (deferred parsing)', () => {
  it('gives, item by item, exactly what the eager scanner gives, bad items and their bytes included', async () => {
    const text = '{"kind":"PodList","items":[{"a":1},{"b":tru},{"c":[3,{"d":"x\\"}"}]},7,"s",{"e":nul}],"metadata":{"rv":"1"}}';
    const eager = scan(text);
    expect(eager.filter((e) => e.type === 'bad-item')).toHaveLength(2);
    for (const size of [1, 5, 17, text.length]) {
      const chunks = async function* () {
        for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
      };
      const got: ListEvent[] = [];
      for await (const e of streamJsonList(chunks())) got.push(e);
      expect(got).toEqual(eager);
    }
  });
});

