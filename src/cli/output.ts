import { Option } from 'commander';
import { UsageError } from '../errors.js';

export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif', 'html'] as const;

/** The kubectl-style -o flag with a fixed set of choices. */
export function outputOption(choices: readonly string[] = OUTPUT_FORMATS, dflt = 'text'): Option {
  return new Option('-o, --output <format>', 'output format').choices([...choices]).default(dflt);
}

export function parseSeverity(v: string): 'error' | 'warning' | 'info' | 'none' {
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'none') return v;
  throw new UsageError(`--fail-on must be one of error, warning, info, none (got "${v}")`);
}
