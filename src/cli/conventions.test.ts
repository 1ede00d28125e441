/** kubectl conventions across every command, checked on the command tree itself (no process spawned). */
import type { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { hoistGlobalFlags, programName } from './argv.js';
import { completionScript } from './commands/completion-script.js';
import { buildProgram } from './main.js';
import { DATA_FORMATS, OUTPUT_FORMATS } from './output.js';

function leaves(cmd: Command, path: string[] = []): { path: string; cmd: Command }[] {
  if (!cmd.commands.length) return [{ path: path.join(' '), cmd }];
  return cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

function help(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

describe('every leaf command', () => {
  const all = leaves(buildProgram());
  it('has examples and its exit codes in --help', () => {
    expect(all.length).toBeGreaterThanOrEqual(18);
    for (const { path, cmd } of all) {
      const h = help(cmd);
      expect(h, path).toMatch(/\nExamples?( \([^)]*\))?:\n {2}\S/);
      expect(h, path).toMatch(/Exit codes: /);
    }
  });
  it('every command group says its exit codes too', () => {
    const groups = (c: Command): Command[] => c.commands.filter((s) => s.commands.length).flatMap((s) => [s, ...groups(s)]);
    const all = [buildProgram(), ...groups(buildProgram())];
    expect(all.map((c) => c.name())).toEqual(expect.arrayContaining(['bundle', 'probe', 'lab', 'fault']));
    for (const c of all) expect(help(c), c.name()).toMatch(/Exit codes: /);
  });
  it('-o is the output format, with one set of values: text, json, yaml (and the report formats)', () => {
    for (const { path, cmd } of all) {
      const o = cmd.options.find((x) => x.short === '-o');
      if (!o || o.hidden) continue;
      const choices = (o as unknown as { argChoices?: string[] }).argChoices ?? [];
      expect(choices, path).toEqual(expect.arrayContaining([...DATA_FORMATS]));
      // jsonl: explain --stdin; sh: the fix plan as a script
      for (const c of choices) expect([...OUTPUT_FORMATS, 'jsonl', 'sh'], `${path}: -o ${c}`).toContain(c);
    }
  });
  it('one meaning per flag name: --name is a lab, --node a node, durations say so', () => {
    for (const { path, cmd } of all) {
      for (const o of cmd.options.filter((x) => !x.hidden)) {
        if (o.long === '--name') expect(path, '--name').toMatch(/^lab /);
        if (o.long === '--node') expect(o.description, `${path} --node`).toMatch(/node/);
        if (/--(timeout|interval)$/.test(o.long ?? '')) expect(o.flags, `${path} ${o.long}`).toMatch(/<duration>/);
      }
    }
  });
  it('a namespace flag is -n everywhere, and the cluster readers take -A and -l', () => {
    for (const { path, cmd } of all) {
      const ns = cmd.options.find((x) => x.long === '--namespace');
      if (ns) expect(ns.short, path).toBe('-n');
    }
    for (const path of ['diagnose', 'bundle collect']) {
      const cmd = all.find((l) => l.path === path)!.cmd;
      expect(cmd.options.map((o) => o.short)).toEqual(expect.arrayContaining(['-n', '-A', '-l']));
    }
  });
});

describe('global flags and the program name', () => {
  const program = buildProgram();
  it('flags before the command move after the command path', () => {
    expect(hoistGlobalFlags(['node', 'fd', '--context', 'x', 'diagnose', '-q'], program)).toEqual(['node', 'fd', 'diagnose', '--context', 'x', '-q']);
    expect(hoistGlobalFlags(['node', 'fd', '-n=shop', '-A', 'bundle', 'collect', 'b.tgz'], program)).toEqual(['node', 'fd', 'bundle', 'collect', '-n=shop', '-A', 'b.tgz']);
    expect(hoistGlobalFlags(['node', 'fd', '--version'], program)).toEqual(['node', 'fd', '--version']);
    expect(hoistGlobalFlags(['node', 'fd', '--context', 'x', 'nosuch'], program)).toEqual(['node', 'fd', '--context', 'x', 'nosuch']);
  });
  it('is named as called: `kubectl flannel-doctor` as a kubectl plugin', () => {
    expect(programName('/usr/local/bin/kubectl-flannel_doctor')).toBe('kubectl flannel-doctor');
    expect(programName('/usr/lib/node_modules/flannel-doctor/bin/flannel-doctor.js', {})).toBe('flannel-doctor');
    expect(programName('/opt/krew/package/bin/flannel-doctor.js', { FLANNEL_DOCTOR_CALLED_AS: 'kubectl flannel-doctor' })).toBe('kubectl flannel-doctor');
    // Through the program's own output (which renames), with stdout captured.
    let h = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((h += String(c)), true));
    try {
      buildProgram('kubectl flannel-doctor').outputHelp();
    } finally {
      spy.mockRestore();
    }
    expect(h).toMatch(/^Usage: kubectl flannel-doctor /);
    expect(h).toContain('  kubectl flannel-doctor diagnose ');
    expect(h).not.toMatch(/(^|[^-\w])(?<!kubectl )flannel-doctor /m);
  });
});

describe('completion', () => {
  const program = buildProgram();
  it('bash, zsh and fish scripts name every command and the -o values', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const s = completionScript(shell, program);
      for (const { path } of leaves(program)) expect(s, `${shell}: ${path}`).toContain(path.split(' ').pop()!);
      expect(s).toContain('yaml');
    }
    expect(() => completionScript('tcsh', program)).toThrow(/bash, zsh or fish/);
  });
});
