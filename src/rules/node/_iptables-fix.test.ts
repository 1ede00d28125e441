import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillSteps } from '../../fix/steps.js';
import { deleteRuleStep, iptablesWords } from './_iptables-fix.js';

/** What a POSIX shell makes of a command line: its words, printed one per line (nothing runs but printf). */
function shellWords(line: string): string[] {
  const r = spawnSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  return r.stdout.split('\n').slice(0, -1);
}

describe('deleting an iptables rule as iptables-save printed it', () => {
  it('splits words, keeping a quoted comment whole and undoing its escapes', () => {
    expect(iptablesWords('-p udp -m comment --comment "flanneld \\"fwd\\" rule" -j DROP')).toEqual(['-p', 'udp', '-m', 'comment', '--comment', 'flanneld "fwd" rule', '-j', 'DROP']);
    expect(iptablesWords('-m comment --comment "open')).toBeUndefined();
  });

  it('removes every copy and verifies with -C, the rule words quoted so that a comment cannot run code', () => {
    const [step] = fillSteps([deleteRuleStep({ table: 'filter', chain: 'INPUT', rule: '-p udp -m comment --comment "$(touch /tmp/pwned); x" -j DROP' }, 'remove it on {node}')!], { node: 'n1' });
    expect(step!.text).toBe('remove it on n1');
    expect(step!.on).toBe('node');
    expect(step!.run).toBe(`while iptables -t filter -C INPUT -p udp -m comment --comment '$(touch /tmp/pwned); x' -j DROP 2>/dev/null; do iptables -t filter -D INPUT -p udp -m comment --comment '$(touch /tmp/pwned); x' -j DROP; done`);
    expect(step!.verify).toBe(`! iptables -t filter -C INPUT -p udp -m comment --comment '$(touch /tmp/pwned); x' -j DROP 2>/dev/null`);
    // the shell hands iptables the comment as one literal word
    expect(shellWords(`-m comment --comment '$(touch /tmp/pwned); x'`)).toEqual(['-m', 'comment', '--comment', '$(touch /tmp/pwned); x']);
  });

  it('offers no command for a chain or table name that is not plain', () => {
    expect(deleteRuleStep({ table: 'filter', chain: 'IN;PUT', rule: '-j DROP' }, 'x')).toBeUndefined();
    expect(deleteRuleStep({ table: 'fil ter', chain: 'INPUT', rule: '-j DROP' }, 'x')).toBeUndefined();
  });
});
