import type { FixStepRef } from '../../catalog/fix-types.js';
import type { ConfigMapInfo } from '../../evidence/cluster.js';
import { shq } from '../../fix/shell.js';

const NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/**
 * Writing a new net-conf.json into flannel's ConfigMap (the catalog's `flannel.net-conf`: a merge
 * patch, the other keys stay, verified against the text written) and restarting every flanneld,
 * which reads it only at start. Undefined when the ConfigMap's name or namespace is not a plain object name.
 */
export function netConfSteps(cm: Readonly<ConfigMapInfo>, text: string, what: string, restart = 'Restart flannel on every node so that it reads the new net-conf.json'): FixStepRef[] | undefined {
  if (!NAME.test(cm.name) || !NAME.test(cm.namespace)) return undefined;
  const patch = JSON.stringify({ data: { 'net-conf.json': text } });
  return [
    { step: 'flannel.net-conf', data: { change: what, configMapNamespace: cm.namespace, configMap: cm.name, patch: shq(patch), netConf: shq(text.replace(/\n+$/, '')) } },
    { step: 'flannel.rollout-restart', text: restart },
  ];
}

/**
 * The object a hand-edited JSON file meant, when only the commonest slips keep it from parsing:
 * trailing commas and comments (outside strings). Undefined when it still does not parse.
 */
export function lenientJson(text: string): Record<string, unknown> | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const j = stringEnd(text, i);
      out += text.slice(i, j);
      i = j - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === ',' && closesNext(text, i + 1)) {
      // a trailing comma: dropped
    } else out += c;
  }
  try {
    const v = JSON.parse(out) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether only whitespace stands between i and a closing bracket (a sticky match: no copy of the rest). */
function closesNext(text: string, i: number): boolean {
  const re = /\s*[}\]]/y;
  re.lastIndex = i;
  return re.test(text);
}

/** Index just past the string literal starting at i (a quote), honouring backslash escapes. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

export const netConfText = (o: Record<string, unknown>) => JSON.stringify(o, null, 2) + '\n';

