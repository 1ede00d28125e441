import type { Command } from 'commander';
import { outputOption } from '../output.js';

export function registerCauses(program: Command): void {
  program
    .command('causes')
    .description('list the root-cause catalog: ids, tiers and titles')
    .addOption(outputOption(['text', 'json']))
    .action(async (opts: { output: string }) => {
      const { CAUSES } = await import('../../catalog/index.js');
      if (opts.output === 'json') process.stdout.write(JSON.stringify(CAUSES, null, 2) + '\n');
      else {
        const w = Math.max(...CAUSES.map((c) => c.id.length));
        process.stdout.write('CAUSE'.padEnd(w) + '  TIER            TITLE\n');
        for (const c of CAUSES) process.stdout.write(`${c.id.padEnd(w)}  ${c.tier.padEnd(14)}  ${c.title}\n`);
      }
    });
}
