/**
 * What tells a recording from a bare response body, without its schema (zod): `render --feed FILE` takes
 * either, and must not load the schema to decide which it was given.
 */

/** What a recording stores in place of a secret header value. */
export const REDACTED = '[redacted]';

const RECORDING_KEYS = new Set(['$schema', 'request', 'response', 'recordedAt', 'note']);

/**
 * Whether a parsed JSON value is a recording rather than a bare response body: only recording keys, and a
 * `response`. (A publication or error body never has that shape.)
 */
export function looksLikeRecording(value: unknown): boolean {
  if (!(value instanceof Map)) return false;
  return value.has('response') && [...value.keys()].every((key) => RECORDING_KEYS.has(key as string));
}
