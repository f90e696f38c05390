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
