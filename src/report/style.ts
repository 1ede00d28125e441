/** Terminal styling decided by the caller (CLI), never by the renderer itself. */
export interface Style {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOR: Style = {
  bold: wrap(1, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  cyan: wrap(36, 39),
};

const id = (s: string) => s;
export const PLAIN: Style = { bold: id, red: id, yellow: id, green: id, dim: id, cyan: id };

/** Colour only on a TTY, and never with NO_COLOR (https://no-color.org). */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return COLOR;
  return stream.isTTY ? COLOR : PLAIN;
}
