/**
 * Handlebars.java's `Utils.isEmpty`, which `#if`, `#unless`, sections and `defaultIfEmpty` use (DESIGN.md rule 5,
 * corpus `if.*`): missing, null, `false`, `""`, numeric zero (`0`, `0.0`, `-0.0`) and `[]` are falsy; everything
 * else, `{}`, `"0"`, `"false"`, `" "` and `[0]` included, is truthy.
 */
import { JsonNumber } from './json-number.js';
import { SafeString, type Value } from './types.js';

export function isTruthy(value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (value instanceof JsonNumber) return value.double !== 0;
  if (value instanceof SafeString) return value.html.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function isEmpty(value: Value): boolean {
  return !isTruthy(value);
}
