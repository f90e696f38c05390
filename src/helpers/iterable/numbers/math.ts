/**
 * `{{math a "op" b}}` with `+ - * / %`. Iterable documents (article 205480365, "Working with numbers"):
 * `{{math 3 '+' 2}}` → `5`, `'-'` → `1`, `'*'` → `6`, `'/'` → `1.5`, `'%'` → `1`. Iterable's helper is not public;
 * mergetag follows Java arithmetic on the operands' Java types, made to fit those examples:
 *
 *   - two integers: long arithmetic, wrapping around at 64 bits like Java (`%` takes the dividend's sign); an integer
 *     beyond long (a JSON BigInteger) makes it exact. Division is exact when the quotient is whole (`6 / 2` → `3`) and
 *     a double division otherwise (`3 / 2` → `1.5`, as documented; Java's long division would give 1). A zero divisor
 *     fails the render (Java's ArithmeticException `/ by zero`);
 *   - a double on either side: double arithmetic (IEEE 754, as JavaScript's), printed as Java's `Double.toString`
 *     (`5.0`, `1.0E7`, `Infinity`, `NaN`);
 *   - a string that holds a number counts as that number (`"30"` as a long, `"2.5"` as a double): the same article
 *     says `#ifEq` "can compare numbers represented as strings, longs, and doubles", and `#assign` stores strings
 *     (inferred for math).
 * The result is a number, so it can feed another helper (`{{numberFormat (math price "*" 0.8) "currency"}}`).
 */
import { JsonNumber } from '../../../values/json-number.js';
import { printValue } from '../../../values/print.js';
import type { Value } from '../../../values/types.js';
import { HelperError } from '../../../runtime/errors.js';
import { toJavaNumber } from './number-format.js';
import type { JavaNumber } from './decimal-format.js';

export const MATH_OPERATORS = ['+', '-', '*', '/', '%'] as const;
export type MathOperator = (typeof MATH_OPERATORS)[number];

const INTEGER_TEXT = /^[+-]?\d+$/;
/** What `Double.parseDouble` takes, after trimming: decimal notation with an optional exponent and d/f suffix. */
const DOUBLE_TEXT = /^[+-]?(?:NaN|Infinity|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?)$/;

/**
 * `String.trim()`: code units up to U+0020 removed from both ends. A loop, not `/[\u0000-\u0020]+$/`, which
 * retries every position of an inner run of spaces (quadratic).
 */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** An operand as a Java number: numbers as they are bound, strings that hold a number parsed. */
export function mathOperand(value: Value, position: string): JavaNumber {
  const number = toJavaNumber(value);
  if (number) return number;
  if (typeof value === 'string') {
    if (INTEGER_TEXT.test(value)) {
      const integer = BigInt(value);
      const long = BigInt.asIntN(64, integer) === integer;
      return long ? { kind: 'long', value: integer } : { kind: 'bigInteger', value: integer };
    }
    const trimmed = javaTrim(value);
    if (DOUBLE_TEXT.test(trimmed)) return { kind: 'double', value: Number(trimmed.replace(/[dDfF]$/, '')) };
    throw new HelperError(`math: the ${position} operand "${value}" is not a number`);
  }
  if (value === null || value === undefined) throw new HelperError(`math: the ${position} operand is missing`);
  throw new HelperError(`math: the ${position} operand ${printValue(value)} is not a number`);
}

/** `a op b` as Java computes it. */
export function javaArithmetic(a: JavaNumber, operator: MathOperator, b: JavaNumber): JsonNumber {
  if (a.kind !== 'double' && b.kind !== 'double') {
    const x = a.value;
    const y = b.value;
    if ((operator === '/' || operator === '%') && y === 0n) {
      const message = a.kind === 'long' && b.kind === 'long' ? '/ by zero' : 'BigInteger divide by zero';
      throw new HelperError(`java.lang.ArithmeticException: ${message}`);
    }
    let result: bigint;
    switch (operator) {
      case '+':
        result = x + y;
        break;
      case '-':
        result = x - y;
        break;
      case '*':
        result = x * y;
        break;
      case '/':
        // Documented: 3 / 2 is 1.5. A whole quotient stays an integer.
        if (x % y !== 0n) return JsonNumber.fromDouble(Number(x) / Number(y));
        result = x / y;
        break;
      case '%':
        result = x % y;
        break;
    }
    if (a.kind === 'long' && b.kind === 'long') result = BigInt.asIntN(64, result);
    return new JsonNumber(result.toString(), true);
  }
  const x = a.kind === 'double' ? a.value : Number(a.value);
  const y = b.kind === 'double' ? b.value : Number(b.value);
  switch (operator) {
    case '+':
      return JsonNumber.fromDouble(x + y);
    case '-':
      return JsonNumber.fromDouble(x - y);
    case '*':
      return JsonNumber.fromDouble(x * y);
    case '/':
      return JsonNumber.fromDouble(x / y);
    case '%':
      return JsonNumber.fromDouble(x % y);
  }
}
