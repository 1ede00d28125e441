import { Option } from 'commander';
import { UsageError } from '../errors.js';

/** Every -o value a report (diagnose, node) can be written as. */
export const OUTPUT_FORMATS = ['text', 'json', 'yaml', 'markdown', 'junit', 'sarif', 'html'] as const;
/** Every other command: a table or prose for people, the same data as JSON or YAML for programs. */
export const DATA_FORMATS = ['text', 'json', 'yaml'] as const;

/** The kubectl-style -o flag with a fixed set of choices. */
export function outputOption(choices: readonly string[] = OUTPUT_FORMATS, dflt = 'text'): Option {
  return new Option('-o, --output <format>', 'output format').choices([...choices]).default(dflt);
}

/** Writes data as JSON or YAML (-o json|yaml); YAML loads its library only when asked for. */
export async function writeData(format: string, value: unknown, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (format === 'yaml') out.write((await import('../report/yaml.js')).toYaml(value));
  else out.write(JSON.stringify(value, null, 2) + '\n');
}

export const isData = (format: string) => format === 'json' || format === 'yaml';

export function parseSeverity(v: string): 'error' | 'warning' | 'info' | 'none' {
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'none') return v;
  throw new UsageError(`--fail-on must be one of error, warning, info, none (got "${v}")`);
}
