import { FIX_VARIABLES } from '../catalog/fix-variables.js';

/** `{name}`: a lower-case letter, then letters and digits. JSONPath (`{.spec}`), JSON (`{"a":1}`) and udev (`ENV{INTERFACE}`) never match. */
export const PLACEHOLDER = /\{([a-z][A-Za-z0-9]*)\}/g;

/** Values a fix can be filled with; numbers are written as they are. */
export type FixValues = Record<string, string | number | undefined>;

export interface Filled {
  text: string;
  /** Placeholders whose value is not known (shown as <name>). */
  missing: string[];
  /** Secret variables the text now reads from the environment ("$REGISTRY_PASSWORD"). */
  secrets: string[];
  /** Context variables written with the stock installation's value, because the evidence did not show the cluster's. */
  assumed: string[];
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills a template: a known value replaces its placeholder, a secret becomes "$ENV" (quoted, so a
 * shell expands it as one word), a context value the evidence lacks takes the stock installation's
 * value (noted in `assumed`), and any other unknown value stays visible as <name>.
 */
export function fillTemplate(template: string, values: FixValues): Filled {
  const missing: string[] = [];
  const secrets: string[] = [];
  const assumed: string[] = [];
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const v = FIX_VARIABLES[name];
    if (v?.kind === 'secret' && v.env) {
      if (!secrets.includes(name)) secrets.push(name);
      return `"$${v.env}"`;
    }
    const value = values[name];
    if (value !== undefined && value !== '') return String(value);
    if (v?.default !== undefined) {
      if (!assumed.includes(name)) assumed.push(name);
      return v.default;
    }
    if (!missing.includes(name)) missing.push(name);
    return `<${name}>`;
  });
  return { text, missing, secrets, assumed };
}
