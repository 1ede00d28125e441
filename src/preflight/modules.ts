/**
 * Which kernel modules this kernel can load: the names in modules.dep and modules.builtin of
 * /lib/modules/<release> under the host root. Before flannel is installed the vxlan module is
 * usually not loaded yet (creating flannel.1 loads it), so "loaded" is the wrong question.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function availableModules(hostRoot: string, release: string): Promise<string[] | undefined> {
  const dir = join(hostRoot, 'lib/modules', release);
  const texts = await Promise.all(['modules.dep', 'modules.builtin'].map((f) => readFile(join(dir, f), 'utf8').catch(() => undefined)));
  if (texts.every((t) => t === undefined)) return undefined;
  const names = new Set<string>();
  for (const t of texts) {
    for (const line of (t ?? '').split('\n')) {
      const path = line.split(':')[0].trim();
      const m = /([^/]+)\.ko(?:\.[a-z]+)?$/.exec(path);
      if (m) names.add(m[1].replace(/-/g, '_'));
    }
  }
  return [...names].sort();
}
