/**
 * Thrown for input that is not a template problem: a user profile that is not valid JSON, say. Its own module,
 * so that the CLI can recognise it when reporting a failure without loading the engine.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
