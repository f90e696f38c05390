/**
 * The output path cannot be written: the message says what it is and what to do. Its own module, so that the
 * CLI recognises it when reporting a failure without loading the writer.
 */
export class OutputTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputTargetError';
  }
}
