import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeAnswer, parseCorpus, scoreAnswers, type LabelledMessage } from './evaluate.js';
import { causeIds } from './index.js';
import type { Classification } from './types.js';

const row = (cause: string, needs_context = false): LabelledMessage => ({ id: 'x', message: 'm', source: 'https://example.org/1', cause, needs_context, split: 'dev' });
const answer = (cause: string, confidence: number, alternatives: string[] = []): Classification => ({
  message: 'm',
  cause,
  confidence,
  alternatives: alternatives.map((c) => ({ cause: c, confidence: confidence / 2, signature: 's' })),
});

describe('evaluate: judging one answer', () => {
  it('a message that decides its cause needs exactly that cause', () => {
    expect(judgeAnswer(row('registry.dns'), answer('registry.dns', 0.9)).right).toBe(true);
    expect(judgeAnswer(row('registry.dns'), answer('unknown', 0)).right).toBe(false);
    expect(judgeAnswer(row('registry.dns'), answer('dns.node-resolver', 0.5, ['registry.dns'])).right).toBe(false);
    expect(judgeAnswer(row('unknown'), answer('unknown', 0)).right).toBe(true);
  });

  it('a message that needs context is right with unknown, the cause, or a hedged answer naming it', () => {
    expect(judgeAnswer(row('image.not-found', true), answer('unknown', 0)).right).toBe(true);
    expect(judgeAnswer(row('image.not-found', true), answer('image.auth-missing', 0.6, ['image.not-found'])).right).toBe(true);
    expect(judgeAnswer(row('image.not-found', true), answer('image.auth-missing', 0.95, ['image.not-found'])).right).toBe(false);
    expect(judgeAnswer(row('image.not-found', true), answer('image.auth-missing', 0.6)).right).toBe(false);
  });

  it('counts confident wrong answers and the precision at high confidence', () => {
    const s = scoreAnswers([
      judgeAnswer(row('a'), answer('a', 0.95)),
      judgeAnswer(row('a'), answer('b', 0.9)),
      judgeAnswer(row('a', true), answer('unknown', 0)),
    ]);
    expect(s.confidentWrong.map((v) => v.answer.cause)).toEqual(['b']);
    expect(s.confident).toEqual({ total: 2, right: 1, precision: 0.5 });
    expect(s.right).toBe(2);
  });
});

describe('evaluate: the corpus file', () => {
  it('names the line and field of a bad row', () => {
    expect(() => parseCorpus('{"id":"a","message":"m","source":"s","cause":"c","needs_context":"no","split":"dev"}\n')).toThrow('corpus/threads.jsonl:1: field "needs_context"');
    expect(() => parseCorpus('\n{not json\n')).toThrow('corpus/threads.jsonl:2: not JSON');
    expect(() => parseCorpus('{"id":"a","message":"m","source":"s","cause":"nope","needs_context":false,"split":"dev"}', 'f', new Set(['x']))).toThrow('f:1: field "cause"');
  });

  it('every row of corpus/threads.jsonl is well formed, with a real source and a known cause', () => {
    const rows = parseCorpus(readFileSync(new URL('../../corpus/threads.jsonl', import.meta.url), 'utf8'), 'corpus/threads.jsonl', new Set(causeIds()));
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(r.source, r.id).toMatch(/^https?:\/\/[^\s/]+\//);
    expect(rows.filter((r) => r.split.startsWith('eval')).length).toBeGreaterThan(rows.length / 3);
  });
});
