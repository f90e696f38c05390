/**
 * The arbitraries yield plain JSON (objects, arrays, numbers), what users write in their own properties; the
 * project's knowledge holds the lossless value model (Maps, JsonNumber). This brings a sample into plain JSON.
 * Number spelling is lost (`5.0` becomes 5): a generated input is an example, not a recording to reproduce byte
 * for byte.
 */
import { jsonText } from '../../values/print.js';
import type { Value } from '../../values/types.js';

export function toPlain(value: Value): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(jsonText(value)) as unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
