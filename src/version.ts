// Replaced at build time by esbuild's define; falls back for tsx/vitest runs.
declare const __FD_VERSION__: string | undefined;
export const VERSION: string = typeof __FD_VERSION__ === 'string' ? __FD_VERSION__ : '0.1.0-dev';
