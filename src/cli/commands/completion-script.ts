/**
 * Shell completion scripts, written from the command tree itself (commands, subcommands and their
 * flags), so they never drift from what the program accepts. Static: completing a word runs no
 * flannel-doctor process.
 */
import type { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';

interface Node {
  path: string; // "probe dns"
  subcommands: string[];
  flags: string[];
  choices: Record<string, string[]>; // flag → its values (-o)
}

function walk(cmd: Command, prefix: string[], out: Node[]): void {
  const visible = cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const options = cmd.options as readonly (Option & { hidden?: boolean; argChoices?: string[] })[];
  const flags = options.filter((o) => !o.hidden).flatMap((o) => [o.short, o.long].filter((f): f is string => !!f));
  const choices: Record<string, string[]> = {};
  for (const o of options) if (o.argChoices?.length) for (const f of [o.short, o.long]) if (f) choices[f] = o.argChoices;
  out.push({ path: prefix.join(' '), subcommands: visible.map((c) => c.name()), flags: [...flags, '--help'], choices });
  for (const c of visible) walk(c, [...prefix, c.name()], out);
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(nodes: Node[]): string {
  const cases = nodes.map((n) => {
    const valueCases = Object.entries(n.choices).map(([f, v]) => `        ${f}) COMPREPLY=($(compgen -W ${q(v.join(' '))} -- "$cur")); return ;;`).join('\n');
    const values = valueCases ? `      case "$prev" in\n${valueCases}\n      esac\n` : '';
    return `    ${q(n.path)})\n${values}      words_=${q([...n.subcommands, ...n.flags].join(' '))} ;;`;
  });
  return `# bash completion for flannel-doctor (flannel-doctor completion bash)
_flannel_doctor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" w words_=""
  local i
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    case "$path" in
${nodes
  .filter((n) => n.subcommands.length)
  .map((n) => `      ${q(n.path)}) case " ${n.subcommands.join(' ')} " in *" $w "*) path="\${path:+$path }$w" ;; esac ;;`)
  .join('\n')}
    esac
  done
  case "$path" in
${cases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words_" -- "$cur"))
}
complete -o default -F _flannel_doctor flannel-doctor kubectl-flannel_doctor
`;
}

function zsh(nodes: Node[]): string {
  return `#compdef flannel-doctor kubectl-flannel_doctor
# zsh completion for flannel-doctor (flannel-doctor completion zsh)
autoload -U bashcompinit && bashcompinit
${bash(nodes)}`;
}

function fish(nodes: Node[]): string {
  const lines = ['# fish completion for flannel-doctor (flannel-doctor completion fish)', 'complete -c flannel-doctor -f'];
  for (const n of nodes) {
    const words = n.path ? n.path.split(' ') : [];
    // The words typed so far must be exactly this command's path.
    const cond = words.length ? `__fish_seen_subcommand_from ${words[words.length - 1]}` : '__fish_use_subcommand';
    for (const s of n.subcommands) lines.push(`complete -c flannel-doctor -n ${q(cond)} -a ${q(s)}`);
    for (const f of n.flags) {
      const arg = f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`;
      const values = n.choices[f] ? ` -r -a ${q(n.choices[f].join(' '))}` : '';
      if (words.length) lines.push(`complete -c flannel-doctor -n ${q(cond)} ${arg}${values}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: string, program: Command): string {
  const nodes: Node[] = [];
  walk(program, [], nodes);
  if (shell === 'bash') return bash(nodes);
  if (shell === 'zsh') return zsh(nodes);
  if (shell === 'fish') return fish(nodes);
  throw new UsageError(`completion takes bash, zsh or fish (got "${shell}")`);
}
