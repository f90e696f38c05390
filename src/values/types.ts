/**
 * The value model the engine renders from.
 *
 * Iterable binds JSON as a Jackson tree: objects keep document order (integer-like keys included), and numbers
 * keep the integer/float distinction and their digits. Plain JS objects and numbers can do neither, so payloads
 * and profiles are held as:
 *   - `JsonObject` (a Map, document order), `JsonArray`, `JsonNumber` (the number's spelling), string, boolean;
 *   - `null` for JSON null, `undefined` for a missing value.
 */
import type { JsonNumber } from './json-number.js';

export type JsonObject = Map<string, Value>;
export type JsonArray = Value[];
export type Value = string | boolean | null | undefined | JsonNumber | JsonArray | JsonObject | SafeString;

/** A helper result that is already HTML and must not be escaped again (Handlebars' SafeString). */
export class SafeString {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function isObject(value: Value): value is JsonObject {
  return value instanceof Map;
}

export function isArray(value: Value): value is JsonArray {
  return Array.isArray(value);
}
