import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

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

/**
 * A file given on the command line that cannot be used (missing, a folder, not the expected shape). Printed as its
 * message; `--format json` reports it as its `input-file` diagnostic, like every other problem.
 */
export class InputFileError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(
    /** The file as the user named it. */
    readonly file: string,
    /** What is wrong with it: `no such file (the user profile)`. */
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputFileError';
    const at = { line: 1, column: 1, offset: 0 };
    this.diagnostics = [diagnostic('input-file', 'error', problem, { start: at, end: at }, { file })];
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
