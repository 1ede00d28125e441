import { fillTemplate } from '../../fix/placeholders.js';
import { fixLines } from '../../fix/steps.js';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DATA_FORMATS, isData, outputOption, writeData } from '../output.js';

export function registerCauses(program: Command): void {
  program
    .command('causes')
    .description('list the root-cause catalog (ids, tiers, titles), or show one cause in full')
    .argument('[id]', 'a cause id, e.g. registry.dns')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText('after', '\nExamples:\n  flannel-doctor causes\n  flannel-doctor causes registry.tls-untrusted\n  flannel-doctor causes -o json | jq -r ".[].id"\n\nExit codes: 0, or 2 for an unknown cause id or a bad flag.')
    .action(async (id: string | undefined, opts: { output: string }) => {
      const { CAUSES, getCause } = await import('../../catalog/index.js');
      if (id) {
        const c = getCause(id);
        if (!c) {
          const near = CAUSES.filter((x) => x.id.includes(id) || id.includes(x.id.split('.')[1] ?? '')).map((x) => x.id);
          throw new UsageError(`unknown cause "${id}"${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''} (flannel-doctor causes lists them)`);
        }
        if (isData(opts.output)) return writeData(opts.output, c);
        const { SIGNATURES } = await import('../../catalog/signatures.js');
        const out = [`${c.id} — ${c.title}`, `tier: ${c.tier}`, '', c.explanation, '', 'fix:'];
        fixLines(c.fix).forEach((s, i) => out.push(`  ${i + 1}. ${s}`));
        if (c.verify?.length) out.push('', 'confirm:', ...c.verify.map((v) => `  $ ${fillTemplate(v, {}).text}`));
        if (c.explains?.length) out.push('', `explains: ${c.explains.join(', ')}`);
        const by = CAUSES.filter((x) => x.explains?.includes(c.id)).map((x) => x.id);
        if (by.length) out.push(`often caused by: ${by.join(', ')}`);
        const sigs = SIGNATURES.filter((s) => s.cause === c.id);
        if (sigs.length) out.push('', `recognised in messages by: ${sigs.map((s) => s.id).join(', ')}`);
        if (c.docs?.length) out.push('', `read more: ${c.docs.join('; ')}; docs/causes/${c.id}.md`);
        process.stdout.write(out.join('\n') + '\n');
        return;
      }
      if (isData(opts.output)) await writeData(opts.output, CAUSES);
      else {
        const w = Math.max(...CAUSES.map((c) => c.id.length));
        process.stdout.write('CAUSE'.padEnd(w) + '  TIER            TITLE\n');
        for (const c of CAUSES) process.stdout.write(`${c.id.padEnd(w)}  ${c.tier.padEnd(14)}  ${c.title}\n`);
      }
    });
}
