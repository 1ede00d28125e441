/** main() registers only the command the first word names: the program it builds must not differ for it. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { COMMANDS, commandsFor } from './index.js';

/** What --help prints for `cmd`, texts added before and after it included. */
function help(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

/** Every command under `cmd` (itself included) by its path, with what its --help prints. */
function helps(cmd: Command, path: string[] = []): Map<string, string> {
  const out = new Map([[path.join(' '), help(cmd)]]);
  for (const c of cmd.commands) for (const [k, v] of helps(c, [...path, c.name()])) out.set(k, v);
  return out;
}

describe('registering the command named by the first word alone', () => {
  const full = buildProgram();
  const fullHelps = helps(full);

  it('every top-level command but completion (it reads the whole tree) is named by exactly one entry', () => {
    const words = COMMANDS.flatMap((c) => c.words);
    expect(new Set(words).size).toBe(words.length);
    const names = full.commands.map((c) => c.name()).filter((n) => n !== 'completion');
    expect([...words].sort()).toEqual([...names].sort());
  });

  for (const word of COMMANDS.flatMap((c) => c.words)) {
    it(`${word}: the same command, options and help as in the whole program`, () => {
      const alone = buildProgram('flannel-doctor', word);
      expect(alone.commands.length).toBeLessThan(full.commands.length);
      const cmd = alone.commands.find((c) => c.name() === word);
      expect(cmd, word).toBeDefined();
      for (const [path, text] of helps(cmd!, [word])) expect(text, path).toBe(fullHelps.get(path));
      expect(alone.options.map((o) => o.flags)).toEqual(full.options.map((o) => o.flags));
      // As the kubectl plugin too: the name is substituted the same way.
      const plugin = buildProgram('kubectl flannel-doctor', word).commands.find((c) => c.name() === word)!;
      expect(help(plugin)).toBe(help(buildProgram('kubectl flannel-doctor').commands.find((c) => c.name() === word)!));
    });
  }

  it('any other first word gets every command', () => {
    for (const w of [undefined, '', '--context', '-n', 'help', 'completion', 'explian', 'collect']) {
      expect(commandsFor(w), String(w)).toBe(COMMANDS);
      expect(buildProgram('flannel-doctor', w).commands.map((c) => c.name())).toEqual(full.commands.map((c) => c.name()));
    }
  });
});
