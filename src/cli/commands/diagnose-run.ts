import { UsageError } from '../../errors.js';
import type { Format, TextOptions } from '../../report/index.js';
import { PIPED_WIDTH } from '../../report/text.js';
import { styleFor } from '../../report/style.js';
import { diagnoseEvidence } from '../../sources/diagnose-evidence.js';
import { gatherEvidence } from '../../sources/gather.js';
import { parseSeverity } from '../output.js';
import type { DiagnoseCommandOptions } from './diagnose.js';

/** "30s", "2m", "1500ms", "1h", or plain seconds → milliseconds. */
export function parseDuration(v: string, flag = '--timeout'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UsageError(`${flag} takes a duration like 30s, 2m or 500ms (got "${v}")`);
  const n = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000);
  if (n <= 0) throw new UsageError(`${flag} must be more than zero (got "${v}")`);
  return n;
}

export async function runDiagnose(opts: DiagnoseCommandOptions): Promise<number> {
  const failOn = parseSeverity(opts.failOn);
  const timeoutMs = parseDuration(opts.timeout);
  const progress = process.stderr.isTTY ? progressLine() : undefined;
  const evidence = await gatherEvidence({
    kubeconfig: opts.kubeconfig,
    context: opts.context,
    namespace: opts.namespace,
    bundle: opts.bundle,
    nodeEvidence: opts.nodeEvidence,
    timeoutMs,
    progress,
  }).finally(() => progress?.(''));
  if (opts.pcap?.length) {
    const [{ mergeCaptures }, { readCaptures }] = await Promise.all([import('../../sources/capture.js'), import('./pcap-run.js')]);
    mergeCaptures(evidence, readCaptures(opts.pcap, [8472, 4789]));
  }
  const { output, exitCode } = diagnoseEvidence(evidence, { format: opts.output as Format, failOn, style: styleFor(process.stdout), text: textLayout(opts) });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

/** The text report's layout: the terminal's width on a TTY, shorter fixed lines when piped. */
export function textLayout(opts: { wide?: boolean; quiet?: boolean }, stream: { isTTY?: boolean; columns?: number } = process.stdout): TextOptions {
  const width = stream.isTTY && stream.columns ? Math.max(60, stream.columns) : PIPED_WIDTH;
  return { width, wide: !!opts.wide, quiet: !!opts.quiet };
}

/** One rewritten stderr line (TTY only); '' clears it. */
function progressLine(): (line: string) => void {
  return (line) => process.stderr.write(`\r\u001b[2K${line ? `flannel-doctor: ${line}` : ''}`);
}
