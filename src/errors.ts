/**
 * The tool's own failures, apart from "the cluster is broken": a ToolError means flannel-doctor could
 * not do its job (exit 2); findings about the cluster are never errors.
 */
export class ToolError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ToolError';
  }
}

/** Bad flags or arguments: the message says what to type instead. */
export class UsageError extends ToolError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file or input that cannot be used at all; names the file and, when known, the line or field. */
export class InputError extends ToolError {
  constructor(
    readonly file: string,
    message: string,
    readonly position?: { line?: number; field?: string },
  ) {
    super(`${file}${position?.line ? `:${position.line}` : ''}${position?.field ? ` (${position.field})` : ''}: ${message}`);
    this.name = 'InputError';
  }
}

export function isToolError(e: unknown): e is ToolError {
  return e instanceof ToolError;
}
