/**
 * How jknack's StringHelpers receive their arguments, and the Java types they insist on.
 *
 * Handlebars.java calls a helper with a *context* (the first positional parameter, or the current `this` when
 * there is none) and `options.params` (the positional parameters after it). A parameter read as `Integer`,
 * `String` or `Boolean` that holds another type fails with a ClassCastException, which fails the render: here a
 * `HelperError`. A missing or null parameter takes the helper's default, if it has one.
 */
import { HelperError } from '../../../runtime/errors.js';
import { JsonNumber } from '../../../values/json-number.js';
import { printValue } from '../../../values/print.js';
import { isTruthy } from '../../../values/truthy.js';
import { SafeString, type Value } from '../../../values/types.js';
import type { HelperCall, HelperDefinition, HelperMeta, ParamMeta } from '../../types.js';

/** Iterable's "Personalizing Templates with Handlebars", whose "Working with strings" section documents these helpers. */
/** The parameters of a string helper that returns its fallback for an empty value (jknack's StringHelpers). */
export const VALUE_WITH_FALLBACK: ParamMeta[] = [
  { name: 'value', type: 'any' },
  { name: 'fallback', type: 'any', optional: true, description: 'printed when the value is empty' },
];

export const STRING_HELPERS_DOCS = 'https://support.iterable.com/hc/en-us/articles/205480365';

/** `onMissing` of the helpers that follow the StringHelpers rule for a falsy value. */
export const FALSY_INPUT = 'a missing, null, "", 0, false or [] value prints the next parameter (`{{upper x "n/a"}}` → `n/a`), or nothing';

export interface StringHelperArguments {
  /** The value the helper works on: the first parameter, or `this` when the call has none. */
  value: Value;
  /** `options.params`: the positional parameters after the value. */
  params: Value[];
}

export function helperArguments(call: HelperCall): StringHelperArguments {
  return { value: call.params[0], params: call.params.slice(1) };
}

/**
 * The StringHelpers rule for a falsy value (missing, null, false, "", 0, 0.0, []): the first parameter after it,
 * printed as a string, or nothing. So `{{upper nickname "friend"}}` prints `friend` when `nickname` is empty.
 */
export function fallbackFor(params: readonly Value[]): string | null {
  const fallback = params[0];
  return fallback === null || fallback === undefined ? null : printValue(fallback);
}

/** The Java class a value arrives as, for error messages. */
export function javaTypeName(value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || value instanceof SafeString) return `the string ${JSON.stringify(printValue(value))}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value instanceof JsonNumber) {
    if (!value.isInteger) return `the decimal number ${printValue(value)}`;
    return javaInteger(value) === undefined ? `the integer ${printValue(value)}, beyond 32 bits` : `the integer ${value.text}`;
  }
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** The value as a Java `Integer` (a whole number written without a fraction or exponent, within 32 bits). */
function javaInteger(value: Value): number | undefined {
  if (!(value instanceof JsonNumber) || !value.isInteger) return undefined;
  const n = Number(value.text);
  return Number.isInteger(n) && n >= INT_MIN && n <= INT_MAX ? n + 0 : undefined;
}

/** A parameter read as `Integer`; null and missing are the caller's business (`undefined`). */
export function integerParam(value: Value, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = javaInteger(value);
  if (n === undefined) throw new HelperError(`${name} must be a whole number (a 32-bit integer), got ${javaTypeName(value)}`);
  return n;
}

/** A parameter read as `String`; null and missing give `undefined`. */
export function stringParam(value: Value, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof SafeString) return value.html;
  throw new HelperError(`${name} must be a string, got ${javaTypeName(value)}; quote it`);
}

/** A parameter read as `Boolean`; null and missing give `undefined`. */
export function booleanParam(value: Value, name: string): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  throw new HelperError(`${name} must be true or false (unquoted), got ${javaTypeName(value)}`);
}

export type StringHelperApply = (value: Value, params: Value[], call: HelperCall) => Value;

/**
 * A helper with the StringHelpers calling convention: a falsy value gives the fallback (`fallbackFor`), or ""
 * for the helpers that override it (`cut`, `join`); anything else goes to `apply`. The hash is read only then,
 * as in Java, so `{{capitalize x fully="yes"}}` fails only when `x` has a value.
 */
export function stringHelper(meta: HelperMeta, apply: StringHelperApply, onFalsy: 'fallback' | 'empty' = 'fallback'): HelperDefinition {
  return {
    meta,
    fn: (call) => {
      const { value, params } = helperArguments(call);
      if (!isTruthy(value)) return onFalsy === 'empty' ? '' : fallbackFor(params);
      return apply(value, params, call);
    },
  };
}
