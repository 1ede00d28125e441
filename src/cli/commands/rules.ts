import type { Command } from 'commander';
import { outputOption } from '../output.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules: id, the causes each can report, and the evidence it needs')
    .addOption(outputOption(['text', 'json']))
    .action(async (opts: { output: string }) => {
      const { RULES } = await import('../../rules/index.js');
      if (opts.output === 'json') {
        const list = RULES.map((r) => ({ id: r.id, layer: r.layer, scope: r.scope, severity: r.severity, causes: r.causes, needs: r.needs, description: r.description }));
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      const w = Math.max(4, ...RULES.map((r) => r.id.length));
      process.stdout.write(`${'RULE'.padEnd(w)}  SCOPE    NEEDS / CAUSES\n`);
      for (const r of RULES) {
        process.stdout.write(`${r.id.padEnd(w)}  ${r.scope.padEnd(7)}  needs ${r.needs.join(', ') || '-'}; reports ${r.causes.join(', ')}\n`);
      }
      process.stdout.write(`\n${RULES.length} rules. Docs: docs/rules/<id>.md\n`);
    });
}
