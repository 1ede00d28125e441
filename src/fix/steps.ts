import { FIX_VARIABLES } from '../catalog/fix-variables.js';
import { FIX_STEPS, specOf } from '../catalog/fix-steps.js';
import type { FixStepSource, FixStepSpec } from '../catalog/fix-types.js';
import type { FixStep } from '../findings/fix-step.js';
import { fillTemplate, type FixValues } from './placeholders.js';

export type { FixStep } from '../findings/fix-step.js';

const ADVICE = 'advice for a person: no exact command';

/** A plain string is advice; a named step is its catalog entry, filled with the step's data first. */
function resolve(src: FixStepSource, values: FixValues): { spec: FixStepSpec; values: FixValues } {
  if (typeof src === 'string') return { spec: { text: src, on: 'person', manual: ADVICE }, values };
  if (!('step' in src)) return { spec: src, values };
  if (!FIX_STEPS[src.step]) throw new Error(`unknown fix step "${src.step}"`);
  // A dictionary, as fixValues builds it (the keys differ per step and per finding).
  return { spec: specOf(src), values: Object.assign(Object.create(null) as FixValues, values, src.data) };
}

/**
 * Fills the fix steps of a finding. A step that reads a secret is preceded by one that says where
 * to get it; a step with an unfilled placeholder is manual (it names what is missing).
 */
export function fillSteps(sources: readonly FixStepSource[], values: FixValues): FixStep[] {
  const out: FixStep[] = [];
  const announced = new Set<string>();
  for (const src of sources) {
    const { spec, values: filled } = resolve(src, values);
    const parts = [fillTemplate(spec.text, filled), spec.run !== undefined ? fillTemplate(spec.run, filled) : undefined, spec.verify !== undefined ? fillTemplate(spec.verify, filled) : undefined];
    const missing = [...new Set(parts.flatMap((p) => p?.missing ?? []))];
    const secrets = [...new Set(parts.flatMap((p) => p?.secrets ?? []))];
    const assumed = [...new Set(parts.flatMap((p) => p?.assumed ?? []))];
    const inputs = secrets.map((s) => ({ env: FIX_VARIABLES[s].env!, source: FIX_VARIABLES[s].source ?? FIX_VARIABLES[s].description }));
    const fresh = inputs.filter((i) => !announced.has(i.env));
    if (fresh.length) {
      for (const i of fresh) announced.add(i.env);
      out.push(secretStep(fresh));
    }
    const step: FixStep = { text: parts[0]!.text, on: spec.on };
    if (parts[1]) step.run = parts[1].text;
    if (parts[2]) step.verify = parts[2].text;
    const manual =
      spec.manual ??
      (missing.length
        ? `needs ${missing.map((m) => `<${m}>`).join(', ')}, which the evidence does not hold`
        : assumed.length
          ? `assumes the stock ${assumed.map((a) => `${a} ${FIX_VARIABLES[a].default}`).join(', ')}; the evidence does not show this cluster's`
          : undefined);
    if (manual) step.manual = manual;
    if (missing.length) step.missing = missing;
    if (inputs.length) step.inputs = inputs;
    if (spec.changes?.length) step.changes = spec.changes.map((c) => fillTemplate(c, filled).text);
    out.push(step);
  }
  return out;
}

/**
 * "Set REGISTRY_PASSWORD (…where to get it)": secrets come from the operator, typed into the shell that
 * runs the next steps (read -s: not echoed, not in the history), never from a file or the tool.
 */
function secretStep(inputs: { env: string; source: string }[]): FixStep {
  const names = inputs.map((i) => i.env);
  return {
    text: `Set ${names.join(', ')} (${inputs.map((i) => i.source).join('; ')})`,
    run: `${names.map((n) => `read -rs ${n}`).join('; ')}; export ${names.join(' ')}`,
    on: 'person',
    manual: 'a secret only the operator has',
    inputs,
  };
}

/** One line per step for the plain reporters: the text, then the exact command. */
export function stepLine(s: FixStep): string {
  return s.run ? `${s.text}: ${s.run}` : s.text;
}

/** The fix as lines, e.g. a catalog entry without a finding: unknown values show as <name>. */
export function fixLines(sources: readonly FixStepSource[], values: FixValues = {}): string[] {
  return fillSteps(sources, values).map(stepLine);
}
