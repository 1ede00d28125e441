/**
 * The README's lab accuracy line, generated from docs/lab-accuracy.json (written by
 * `npm run lab:accuracy`), so the figure and the committed table never disagree; test/readme-lab-accuracy
 * checks it.
 */
import { readBlock, writeBlock } from './readme-block.js';

export interface AccuracyFile {
  generatedAt: string;
  command: string;
  components: Record<string, string>;
  passed: number;
  total: number;
  rows: { fault: string; pass: boolean; commit?: string; day?: string; attempts?: string[]; fix?: { result: string }; live?: { pass: boolean } }[];
}

export function accuracyLine(a: AccuracyFile): string {
  const faults = a.rows.filter((r) => !r.fault.startsWith('('));
  const healthy = a.rows.filter((r) => r.fault.startsWith('('));
  const healed = faults.filter((r) => r.fix?.result === 'healed').length;
  const proven = faults.filter((r) => r.fix).length;
  const days = [...new Set(faults.map((r) => r.day).filter(Boolean))].sort();
  const commits = [...new Set(faults.map((r) => r.commit).filter(Boolean))];
  const failed = faults.filter((r) => !r.pass).map((r) => r.fault);
  const live = faults.filter((r) => r.live);
  const liveFailed = live.filter((r) => !r.live!.pass).map((r) => r.fault);
  return [
    `Lab accuracy on the real cluster ([docs/lab-accuracy.md](docs/lab-accuracy.md), written by \`npm run lab:accuracy -- --fix\`):`,
    `**${a.passed} of ${a.total} faults** diagnosed correctly (top root cause = the fault's cause at the injected place, no other error-level finding);`,
    `the healthy lab ${healthy.every((r) => r.pass) ? 'silent' : 'NOT silent'} before the run and after the reverts.`,
    proven ? `Fix proof: ${healed} of ${a.total} healed by their printed fix alone (the others: advice for a person, a step the lab cannot take, or not healed — per row in the table).` : '',
    failed.length ? `Not passing: ${failed.join(', ')}.` : '',
    live.length
      ? `The production path (\`--live\`: the agents deployed from deploy/manifests, live \`diagnose --kubeconfig\`), judged the same way on ${live.length} of these faults: **${live.length - liveFailed.length} of ${live.length}**${liveFailed.length ? ` (not: ${liveFailed.join(', ')})` : ''}.`
      : '',
    `Measured ${days.length > 1 ? `${days[0]} to ${days[days.length - 1]}` : days[0] ?? a.generatedAt.slice(0, 10)} at commit${commits.length > 1 ? 's' : ''} ${commits.join(', ')}; ${Object.entries(a.components).map(([c, v]) => `${c} ${v}`).join(', ')}.`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function readmeBlock(readme: string): string | undefined {
  return readBlock(readme, 'lab-accuracy');
}

/** Rewrites the README's block from the accuracy file; false when the README has no block. */
export function updateReadme(readmePath: string, a: AccuracyFile): boolean {
  return writeBlock(readmePath, 'lab-accuracy', accuracyLine(a));
}
