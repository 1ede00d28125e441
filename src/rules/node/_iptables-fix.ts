import type { FixStepRef } from '../../catalog/fix-types.js';
import type { IptablesRule } from '../../evidence/node.js';
import { shellJoin } from '../../fix/shell.js';

/**
 * The words of a rule as iptables-save printed it: whitespace separates them, a double-quoted
 * word keeps its spaces and may hold \" and \\ (iptables-save's own escaping). Undefined when
 * the text is not in that form (an unbalanced quote): no exact command is then offered.
 */
export function iptablesWords(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let w = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        const c = text[i++];
        if (c === '"') break;
        w += c === '\\' && i < text.length ? text[i++] : c;
      }
      if (i < text.length && !/\s/.test(text[i])) return undefined;
    } else {
      while (i < text.length && !/\s/.test(text[i])) w += text[i++];
    }
    words.push(w);
  }
  return words;
}

/**
 * The catalog's `iptables.delete` for one rule of the evidence: every copy removed from the running
 * iptables (a firewall reload may have added it twice); idempotent. The rule's words come from the
 * evidence and are quoted one by one.
 */
export function deleteRuleStep(r: Readonly<IptablesRule>, text: string): FixStepRef | undefined {
  const words = iptablesWords(r.rule);
  if (!words?.length || !/^[A-Za-z0-9_-]+$/.test(r.chain) || !/^[a-z]+$/.test(r.table)) return undefined;
  return { step: 'iptables.delete', data: { table: r.table, chain: r.chain, rule: shellJoin(words) }, text };
}
