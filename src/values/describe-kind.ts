/** What kind of JSON value a value is, for messages that refuse it: `a string`, `an array`, `null`... */
import { JsonNumber } from './json-number.js';

export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return 'a number';
  return 'an object';
}
