import type { Diagnostic } from '../diagnostics/diagnostic.js';
/** Errors that end a command with exit code 2 (usage or input), printed as a message, never as a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A bad input file: the message already names the file (and line and column where there is one). */
export class InputFileError extends Error {
  constructor(
    message: string,
    /** A code frame or other detail printed under the message. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** A failure whose reasons are diagnostics (a config with errors, broken input files): printed, then exit 2. */
export class ReportedError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
    readonly sources: ReadonlyMap<string | undefined, string> = new Map(),
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ReportedError';
  }
}
