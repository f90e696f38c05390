/**
 * How the comparison helpers see values. Two models live here:
 *
 *   - jknack's `ConditionalHelpers` (`eq`, `gt`, ...) run on what Handlebars.java's `JsonNodeValueResolver` gives
 *     them: `java.lang.Integer`/`Long`/`BigInteger` for integers (by size), `Double` for any number with a fraction
 *     or an exponent, `String`, `Boolean`, `null`, the Jackson `ArrayNode` itself for arrays, and a fresh
 *     `java.util.Map` view (whose values are still Jackson nodes) for objects. `javaKind`, `jknackEquals` and
 *     `jknackCompare` reproduce `Objects.equals`, `Number.doubleValue()`, `Comparable.compareTo` and
 *     `Double.compare` on those types (corpus helpers.jsonl, `eq.*`, `gt.*`, `lt.*`).
 *   - Iterable's own `#ifEq`/`#ifGt`/... compare "values represented as strings, longs, and doubles" by the value
 *     they represent (support article 115003884806). `decimalOf` reads numbers and numeric strings as exact
 *     decimals; `looseEquals` and `looseCompare` build on it.
 */
import { JsonNumber } from '../../../values/json-number.js';
import { jsonString, jsonText, printValue } from '../../../values/print.js';
import { RawNode, SafeString, type JsonObject, type Value } from '../../../values/types.js';
import { HelperError } from '../../../runtime/errors.js';

// ---- Java's view of a JSON number -------------------------------------------------------------------------------

/** The Java class a JSON number becomes under Jackson (template literals: `Integer`, else `Double`). */
export type JavaNumberKind = 'Integer' | 'Long' | 'BigInteger' | 'Double';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function javaKind(n: JsonNumber): JavaNumberKind {
  const integer = integerOf(n);
  if (integer === undefined) return 'Double';
  if (integer >= INT_MIN && integer <= INT_MAX) return 'Integer';
  if (integer >= LONG_MIN && integer <= LONG_MAX) return 'Long';
  return 'BigInteger';
}

function integerOf(n: JsonNumber): bigint | undefined {
  if (!n.isInteger) return undefined;
  try {
    return BigInt(n.text);
  } catch {
    return undefined;
  }
}

/** Java's `Double.compare`: numeric order, except that -0.0 sorts before 0.0 (NaN last, never from JSON). */
export function doubleCompare(x: number, y: number): -1 | 0 | 1 {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === 0 && y === 0) {
    const nx = Object.is(x, -0);
    const ny = Object.is(y, -0);
    return nx === ny ? 0 : nx ? -1 : 1;
  }
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  if (Number.isNaN(y)) return -1;
  return 0;
}

/** The name of the Java class a value has when a jknack helper receives it, for error messages. */
export function javaClassName(value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || value instanceof SafeString) return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (value instanceof JsonNumber) {
    const kind = javaKind(value);
    return kind === 'BigInteger' ? 'java.math.BigInteger' : `java.lang.${kind}`;
  }
  if (Array.isArray(value)) return 'com.fasterxml.jackson.databind.node.ArrayNode';
  return 'java.util.Map';
}

function plain(value: Value): Value {
  if (value === undefined) return null;
  if (value instanceof SafeString) return value.html;
  return value;
}

// ---- jknack: Objects.equals, then doubleValue() == doubleValue() for two numbers ------------------------------

/**
 * `ConditionalHelpers.eq`: `Objects.equals(a, b)`, or for two numbers of different classes their `doubleValue()`
 * compared with `==` (so `2` equals `2.0` and `-0.0` equals `0`). Missing is `null`. Arrays are Jackson
 * `ArrayNode`s, equal when their nodes are (`[1]` is not `[1.0]`). Objects are `java.util.Map` views whose values
 * are still Jackson nodes while `get()` returns resolved values, so two objects are equal only when both are empty
 * or when every value is an equal array (corpus `eq.objects`, `eq.empty_objects`).
 */
export function jknackEquals(a: Value, b: Value): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === null || y === null) return x === y;
  if (x instanceof JsonNumber || y instanceof JsonNumber) {
    return x instanceof JsonNumber && y instanceof JsonNumber && x.double === y.double;
  }
  if (Array.isArray(x) || Array.isArray(y)) return Array.isArray(x) && Array.isArray(y) && jacksonEquals(x, y);
  if (x instanceof Map || y instanceof Map) return x instanceof Map && y instanceof Map && javaMapViewEquals(x, y);
  return x === y;
}

/**
 * `eq`/`neq` as Iterable documents them: jknack's equality (`jknackEquals`), except that two objects compare by
 * content, "For two objects to be considered equal, each must have the exact same set of keys and values"
 * (support article 205480365, "Checking equality"): the same keys in any order, each pair of values equal by this
 * same rule. The documentation wins over the engine, whose map views make two equal non-empty objects differ
 * (corpus `helpers.eq.objects`, skipped with this reason).
 */
export function documentedEquals(a: Value, b: Value): boolean {
  if (a instanceof RawNode || b instanceof RawNode) return rawNodeEquals(a, b);
  const x = plain(a);
  const y = plain(b);
  if (x instanceof Map && y instanceof Map) {
    if (x.size !== y.size) return false;
    for (const [key, item] of x) if (!y.has(key) || !documentedEquals(item, y.get(key))) return false;
    return true;
  }
  return jknackEquals(x, y);
}

/**
 * Equality when a side is a raw Jackson node (`@root`, an `#each` element parameter, `this` without params):
 * `JsonNode.equals` holds only against another node, so a text node is not the String it holds, nor a null node
 * null. An array is an ArrayNode either way (it resolves to itself).
 */
function rawNodeEquals(a: Value, b: Value): boolean {
  const x = a instanceof RawNode && !Array.isArray(a.value) ? a : plainArray(a);
  const y = b instanceof RawNode && !Array.isArray(b.value) ? b : plainArray(b);
  if (x instanceof RawNode || y instanceof RawNode) return x instanceof RawNode && y instanceof RawNode && jacksonEquals(x.value, y.value);
  return documentedEquals(x, y);
}

function plainArray(value: Value): Value {
  return value instanceof RawNode ? value.value : value;
}

/** `AbstractMap.equals` between two resolver map views: each entry's Jackson node against the other's resolved value. */
function javaMapViewEquals(a: JsonObject, b: JsonObject): boolean {
  if (a.size !== b.size) return false;
  for (const [key, node] of a) {
    // Only an ArrayNode resolves to itself; every other node is unequal to its resolved value.
    const other = b.get(key);
    if (!Array.isArray(node) || !Array.isArray(other) || !jacksonEquals(node, other)) return false;
  }
  return true;
}

/** `JsonNode.equals`: same node type and value (`IntNode(1)` is not `DoubleNode(1.0)`; `-0.0` is not `0.0`). */
export function jacksonEquals(a: Value, b: Value): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === null || y === null) return x === y;
  if (x instanceof JsonNumber || y instanceof JsonNumber) {
    if (!(x instanceof JsonNumber && y instanceof JsonNumber)) return false;
    const kind = javaKind(x);
    if (kind !== javaKind(y)) return false;
    if (kind === 'Double') return doubleCompare(x.double, y.double) === 0;
    return integerOf(x) === integerOf(y);
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!(Array.isArray(x) && Array.isArray(y)) || x.length !== y.length) return false;
    return x.every((item, i) => jacksonEquals(item, y[i]));
  }
  if (x instanceof Map || y instanceof Map) {
    if (!(x instanceof Map && y instanceof Map) || x.size !== y.size) return false;
    for (const [key, item] of x) if (!y.has(key) || !jacksonEquals(item, y.get(key))) return false;
    return true;
  }
  return x === y;
}

// ---- jknack: Comparable.compareTo, or Double.compare for two numbers of different classes ---------------------

/**
 * `ConditionalHelpers.cmp`: both values must be `Comparable` (not null, missing, an array or an object: "Not a
 * comparable"). Same class: the natural order (strings by UTF-16 code units, `false < true`, integers exactly,
 * doubles by `Double.compare`). Different classes: two numbers compare as doubles with `Double.compare`; anything
 * else is a `ClassCastException`. Every failure is a `HelperError`, which fails the render.
 */
export function jknackCompare(a: Value, b: Value): number {
  const x = plain(a);
  const y = plain(b);
  requireComparable(x);
  requireComparable(y);
  if (typeof x === 'string' && typeof y === 'string') return utf16Compare(x, y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return x === y ? 0 : x ? 1 : -1;
  if (x instanceof JsonNumber && y instanceof JsonNumber) {
    const kind = javaKind(x);
    if (kind === javaKind(y)) {
      if (kind === 'Double') return doubleCompare(x.double, y.double);
      const i = integerOf(x)!;
      const j = integerOf(y)!;
      return i < j ? -1 : i > j ? 1 : 0;
    }
    return doubleCompare(x.double, y.double);
  }
  throw new HelperError(
    `cannot compare ${describe(x)} with ${describe(y)}: Java's compareTo fails with a ClassCastException ` +
      `(class ${javaClassName(y)} cannot be cast to class ${javaClassName(x)})`,
  );
}

function requireComparable(value: Value): void {
  if (value === null || value === undefined) throw new HelperError('Not a comparable: null (a missing or null value)');
  if (Array.isArray(value) || value instanceof Map) throw new HelperError(`Not a comparable: ${printValue(value)}`);
  // A raw Jackson node (`@root`, an element parameter, `this` without params) is no Comparable, scalar or not.
  if (value instanceof RawNode) throw new HelperError(`Not a comparable: ${jsonText(value)} (a raw JSON node)`);
}

/** Java's `String.compareTo`: UTF-16 code units, which is also JavaScript's string order. */
export function utf16Compare(x: string, y: string): -1 | 0 | 1 {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A short description of a value for messages: `"10" (a string)`, `9 (a number)`. */
export function describe(value: Value): string {
  const x = plain(value);
  if (x === null) return 'null';
  if (typeof x === 'string') return `${jsonString(x.length > 40 ? `${x.slice(0, 40)}…` : x)} (a string)`;
  if (typeof x === 'boolean') return `${x} (a boolean)`;
  if (x instanceof JsonNumber) return `${printValue(x)} (a number)`;
  if (Array.isArray(x)) return 'an array';
  return 'an object';
}

// ---- Iterable: values by what they represent ------------------------------------------------------------------

/** An exact decimal: `coefficient × 10^exponent`. */
export interface Decimal {
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal number's text (`100`, `-2.50`, `1.0E7`, `.5`), read exactly; undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  const exponent = (exponentText === undefined ? 0 : Number(exponentText)) - fraction.length;
  if (!Number.isFinite(exponent)) return undefined;
  return { negative: sign === '-', coefficient: BigInt(whole + fraction || '0'), exponent };
}

/**
 * The number a value represents for Iterable's `#if…` helpers: a JSON number, or a string holding a decimal
 * number (`"100"`, `"19.99"`). Undefined for anything else.
 */
export function decimalOf(value: Value): Decimal | undefined {
  const x = plain(value);
  if (x instanceof JsonNumber) return parseDecimal(x.text) ?? doubleDecimal(x.double);
  if (typeof x === 'string') return parseDecimal(x);
  return undefined;
}

function doubleDecimal(d: number): Decimal | undefined {
  return Number.isFinite(d) ? parseDecimal(String(d)) : undefined;
}

function digits(n: bigint): number {
  return n === 0n ? 0 : n.toString().length;
}

/** Exact order of two decimals. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const sa = a.coefficient === 0n ? 0 : a.negative ? -1 : 1;
  const sb = b.coefficient === 0n ? 0 : b.negative ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const magnitude = compareMagnitudes(a, b);
  return (sa > 0 ? magnitude : -magnitude) as -1 | 0 | 1;
}

function compareMagnitudes(a: Decimal, b: Decimal): -1 | 0 | 1 {
  // Order of magnitude first, so `1e999999` never becomes a million-digit bigint.
  const ma = digits(a.coefficient) + a.exponent;
  const mb = digits(b.coefficient) + b.exponent;
  if (ma !== mb) return ma < mb ? -1 : 1;
  const base = Math.min(a.exponent, b.exponent);
  const x = a.coefficient * 10n ** BigInt(a.exponent - base);
  const y = b.coefficient * 10n ** BigInt(b.exponent - base);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The decimal as an integer, when it is one (and of a sane size). */
export function integerOfDecimal(d: Decimal): bigint | undefined {
  if (d.coefficient === 0n) return 0n;
  if (d.exponent >= 0) {
    if (digits(d.coefficient) + d.exponent > 4000) return undefined;
    const n = d.coefficient * 10n ** BigInt(d.exponent);
    return d.negative ? -n : n;
  }
  if (-d.exponent > 4000) return undefined;
  const scale = 10n ** BigInt(-d.exponent);
  if (d.coefficient % scale !== 0n) return undefined;
  const n = d.coefficient / scale;
  return d.negative ? -n : n;
}

export function decimalToNumber(d: Decimal): number {
  return Number(`${d.negative ? '-' : ''}${d.coefficient}e${d.exponent}`);
}

/**
 * `#ifEq`'s equality (support article 115003884806: "The two values do not need to have the same data type, but
 * they must represent the same value"; a string `"100"` equals `100`). Numbers, and a number against a numeric
 * string, compare by value; two strings compare as text; a boolean equals the same boolean or its text; arrays and
 * objects compare item by item with the same rule. The caller rejects null and missing values.
 */
export function looseEquals(a: Value, b: Value): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === null || y === null) return x === y;
  if (typeof x === 'string' && typeof y === 'string') return x === y;
  if (x instanceof JsonNumber || y instanceof JsonNumber) {
    const dx = decimalOf(x);
    const dy = decimalOf(y);
    return dx !== undefined && dy !== undefined && compareDecimals(dx, dy) === 0;
  }
  if (typeof x === 'boolean' || typeof y === 'boolean') {
    if (typeof x === 'boolean' && typeof y === 'boolean') return x === y;
    // Exactly one side is a boolean: only a string that spells it ("true" for true) equals it.
    const text = typeof x === 'string' ? x : typeof y === 'string' ? y : undefined;
    return text === String(x === true || y === true);
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => looseEquals(item, y[i]));
  }
  if (x instanceof Map && y instanceof Map) {
    if (x.size !== y.size) return false;
    for (const [key, item] of x) if (!y.has(key) || !looseEquals(item, y.get(key))) return false;
    return true;
  }
  return false;
}

/**
 * The order `#ifGt`/`#ifGte`/`#ifLt`/`#ifLte` use: by numeric value when both values represent numbers (numbers
 * and numeric strings: `"20170630000000"`, `19.99`); two other strings alphabetically by UTF-16 code units (as
 * Iterable documents for `#lt`/`#gt`, case-sensitive); two booleans `false < true`. A number against a
 * non-numeric string, arrays and objects cannot be compared: a `HelperError`. The caller rejects null and missing.
 */
export function looseCompare(a: Value, b: Value): number {
  const x = plain(a);
  const y = plain(b);
  const dx = decimalOf(x);
  const dy = decimalOf(y);
  if (dx !== undefined && dy !== undefined) return compareDecimals(dx, dy);
  if (typeof x === 'string' && typeof y === 'string') return utf16Compare(x, y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return x === y ? 0 : x ? 1 : -1;
  throw new HelperError(`cannot compare ${describe(x)} with ${describe(y)}`);
}
