/**
 * Where the lab finds the real components built by lab/components/build.sh: one directory per
 * component and version, versions read from the pinned go.mod files (the script prints them).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export interface Component {
  name: string;
  version: string;
  dir: string;
  built: boolean;
  /** absolute path of one of its programs */
  bin(program: string): string;
}

export const BUILD_SCRIPT = 'lab/components/build.sh';

let cache: Component[] | undefined;

export function components(): Component[] {
  if (cache) return cache;
  const script = join(packageRoot(), BUILD_SCRIPT);
  const out = execFileSync('bash', [script, '--list'], { encoding: 'utf8', env: process.env });
  cache = out
    .trim()
    .split('\n')
    .map((line) => {
      const [name, version, dir, status] = line.split(' ');
      return { name, version, dir, built: status === 'built', bin: (p: string) => join(dir, 'bin', p) };
    });
  return cache;
}

export function component(name: string): Component {
  const c = components().find((x) => x.name === name);
  if (!c) throw new Error(`no component "${name}" in ${BUILD_SCRIPT} --list`);
  return c;
}

/** Path of a program of a built component; one clear line when it is not built. */
export function programOf(componentName: string, program: string): string {
  const c = component(componentName);
  if (!c.built) throw new Error(`${componentName} ${c.version} is not built (${c.dir}); run: bash ${BUILD_SCRIPT}`);
  return c.bin(program);
}

/** Components the cluster does not run (tools its tests use): `lab up` does not wait for them. */
export const TOOL_COMPONENTS: readonly string[] = ['helm'];

/** Throws one line naming every component of the cluster that still has to be built. */
export function assertBuilt(): void {
  const missing = components().filter((c) => !c.built && !TOOL_COMPONENTS.includes(c.name));
  if (missing.length) throw new Error(`not built: ${missing.map((c) => `${c.name} ${c.version}`).join(', ')}; run: bash ${BUILD_SCRIPT}`);
}
