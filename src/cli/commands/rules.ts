import type { Command } from 'commander';
import { DATA_FORMATS, isData, outputOption, writeData } from '../output.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules: id, the causes each can report, and the evidence it needs')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText('after', '\nExamples:\n  flannel-doctor rules\n  flannel-doctor rules -o json | jq -r \'.[] | select(.scope == "node") | .id\'\n\nExit codes: 0, or 2 on a bad flag.')
    .action(async (opts: { output: string }) => {
      const { RULES } = await import('../../rules/index.js');
      if (isData(opts.output)) {
        const list = RULES.map((r) => ({ id: r.id, layer: r.layer, scope: r.scope, severity: r.severity, causes: r.causes, needs: r.needs, description: r.description }));
        return writeData(opts.output, list);
      }
      const w = Math.max(4, ...RULES.map((r) => r.id.length));
      process.stdout.write(`${'RULE'.padEnd(w)}  SCOPE    NEEDS / CAUSES\n`);
      for (const r of RULES) {
        process.stdout.write(`${r.id.padEnd(w)}  ${r.scope.padEnd(7)}  needs ${r.needs.join(', ') || '-'}; reports ${r.causes.join(', ')}\n`);
      }
      process.stdout.write(`\n${RULES.length} rules. Docs: docs/rules/<id>.md\n`);
    });
}
