import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../src/catalog/signatures.js';
import { forRipgrep, inAsciiMode, withoutLookarounds } from './explain-throughput.js';

describe('explain-throughput: the peer patterns', () => {
  it('drops lookaround groups whole, nested groups, classes and escaped parentheses inside them included', () => {
    expect(withoutLookarounds('^(?![\\s\\S]*(inotify|x\\)y|[)(]))[\\s\\S]*(a(?=b)|c)(?<!q)d')).toBe('^[\\s\\S]*(a|c)d');
    expect(withoutLookarounds('a\\(?=b)c')).toBe('a\\(?=b)c');
    expect(withoutLookarounds('(?<key>x)(?<=y)z')).toBe('(?<key>x)z');
  });

  it('every signature becomes a pattern without lookarounds, named groups or back-references', () => {
    for (const s of SIGNATURES) {
      const p = forRipgrep(s.pattern);
      expect(p, s.id).not.toMatch(/\(\?<?[=!]/);
      expect(p, s.id).not.toMatch(/\(\?P?<[A-Za-z]/);
      expect(p, s.id).not.toMatch(/(^|[^\\])(\\\\)*\\[1-9]/);
      expect(p, s.id).not.toMatch(/(^|[^\\])(\\\\)*\\k</);
    }
    expect(forRipgrep(String.raw`lookup ([a-z.]+): x[\s\S]*name:\s+\1\s`)).toBe(String.raw`(?-u)lookup ([a-z.]+): x[\s\S]*name:\s+\S+\s`);
    expect(forRipgrep(String.raw`on (?<ip>[\d.]+):53: write udp \S+->\k<ip>:53`)).toBe(String.raw`(?-u)on ([\d.]+):53: write udp \S+->\S+:53`);
  });

  it('sets ASCII mode, writes a non-ASCII character as its bytes, and keeps newlines out of a line search', () => {
    expect(inAsciiMode(String.raw`ref \S+ locked for [0-9.]+(µs|ms)`)).toBe(String.raw`(?-u)ref \S+ locked for [0-9.]+((?:\xC2\xB5)s|ms)`);
    expect(inAsciiMode(String.raw`of ['\u2018]x[\dµ]`)).toBe(String.raw`(?-u)of ['\xE2\x80\x98]x[\d\xC2\xB5]`);
    expect(inAsciiMode(String.raw`a[^\S \t\r\f\v]b`)).toBe(String.raw`(?-u)a(?u:[^\S \t\r\f\v\n])b`);
  });

  // The bench suite itself needs ripgrep; without it the suite reports itself skipped, and so does this.
  // rg builds one automaton from every pattern: with ~580 of them that alone takes 25 to 35 s on this machine's two
  // cores (sample lines are few), so the limit is about acceptance, not speed — the bench measures speed.
  // Asynchronous: ripgrep compiles every pattern into one automaton (about a minute here), and a worker blocked that
  // long cannot answer vitest's messages.
  // The limit leaves room for a busy host (170 s seen with ~1,650 signatures while other suites ran beside it).
  it.runIf(hasRipgrep())('ripgrep accepts them all in one run (needs ripgrep)', { timeout: 420_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-rg-'));
    try {
      writeFileSync(join(dir, 'p.txt'), SIGNATURES.map((s) => forRipgrep(s.pattern)).join('\n') + '\n');
      writeFileSync(join(dir, 'in.txt'), SIGNATURES.flatMap((s) => s.samples).map((l) => l.replace(/\n/g, ' ')).join('\n') + '\n');
      const { stdout: out } = await promisify(execFile)('rg', ['--no-config', '-i', '-c', '-f', join(dir, 'p.txt'), join(dir, 'in.txt')]);
      expect(Number(out.trim())).toBeGreaterThan(SIGNATURES.length / 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasRipgrep(): boolean {
  try {
    execFileSync('rg', ['--version']);
    return true;
  } catch {
    return false;
  }
}
