import { createRequire } from 'node:module';

declare const require: NodeRequire | undefined;

/**
 * The yaml package, loaded on first use (most runs never need it). A plain `require('yaml')` where
 * one exists (the bundled CLI, the single executable), so a bundler sees it; otherwise (tsx, vitest)
 * through createRequire.
 */
export function yamlLib(): typeof import('yaml') {
  return typeof require === 'function' ? require('yaml') : (createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
