/**
 * Iterable's number helpers, documented in "Personalizing Templates with Handlebars" (support article 205480365,
 * section "Working with numbers (longs and doubles)") and in the newer "Math Helpers" article (36282964645396):
 *
 *   - `{{math a "op" b}}`: `+ - * / %` with Java's long and double arithmetic (numbers/math.ts);
 *   - `{{numberFormat value [style|pattern] [locale] hash…}}`: jknack's numberFormat, i.e. JDK 17's NumberFormat and
 *     DecimalFormat, emulated exactly (numbers/decimal-format.ts, digit-list.ts, values/java-double.ts) with
 *     JDK 17's CLDR 39 locale data (numbers/locale-data.ts).
 *
 * Every documented example is a golden test in test/helpers/numbers.spec.ts.
 */
import { HelperError } from '../../runtime/errors.js';
import type { HelperDefinition } from '../types.js';
import { printValue } from '../../values/print.js';
import { javaArithmetic, mathOperand, MATH_OPERATORS, type MathOperator } from './numbers/math.js';
import { formatNumber, toJavaNumber } from './numbers/number-format.js';

/** A string that spells a number. `\d+(?:\.\d*)?`, not `\d+\.?\d*`, which backtracks quadratically on long digit runs. */
const NUMBER_TEXT = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

const NUMBERS_DOCS = 'https://support.iterable.com/hc/en-us/articles/205480365';

export const mathHelper: HelperDefinition = {
  meta: {
    name: 'math',
    noParamsFails: true,
    form: 'inline',
    params: [
      { name: 'left', type: 'number', description: 'a number, or a string that holds one' },
      { name: 'operator', type: 'string', description: "one of '+', '-', '*', '/', '%' (quoted)" },
      { name: 'right', type: 'number', description: 'a number, or a string that holds one' },
    ],
    description: 'Arithmetic on longs and doubles: 3 + 2 is 5, 3 / 2 is 1.5 (documented), a double makes a double (2.5 * 2 is 5.0).',
    failsOnMissing: true,
    onMissing: 'a missing or non-numeric operand, an unknown operator or an integer division by zero fails the render',
    docsUrl: NUMBERS_DOCS,
    fidelity: 'approximate',
    notes:
      "Iterable's math helper is not public code. mergetag does Java long and double arithmetic (Double.toString printing) " +
      "and fits Iterable's documented examples: 3 / 2 is 1.5, so a non-whole integer quotient is a double division. " +
      'Strings holding numbers count as numbers (as Iterable documents for #ifEq). Inferred: long ' +
      'overflow wraps as in Java; a missing or non-numeric operand, or a zero integer divisor, fails the render.',
  },
  fn: (call) => {
    const [left, operator, right] = call.params;
    if (call.params.length !== 3) {
      throw new HelperError(`math takes three params (left, operator, right), got ${call.params.length}`);
    }
    if (typeof operator !== 'string' || !(MATH_OPERATORS as readonly string[]).includes(operator)) {
      throw new HelperError(`math: unknown operator ${JSON.stringify(printValue(operator))}; use one of + - * / %`);
    }
    return javaArithmetic(mathOperand(left, 'left'), operator as MathOperator, mathOperand(right, 'right'));
  },
};

export const numberFormatHelper: HelperDefinition = {
  meta: {
    name: 'numberFormat',
    form: 'inline',
    params: [
      { name: 'value', type: 'number' },
      { name: 'format', type: 'string', optional: true, description: '"integer", "currency", "percent" or a Java DecimalFormat pattern' },
      { name: 'locale', type: 'string', optional: true, description: 'a Java locale such as "de_DE" (default en_US)' },
    ],
    hash: [
      { name: 'maximumFractionDigits', type: 'number', optional: true },
      { name: 'minimumFractionDigits', type: 'number', optional: true },
      { name: 'maximumIntegerDigits', type: 'number', optional: true },
      { name: 'minimumIntegerDigits', type: 'number', optional: true },
      { name: 'groupingUsed', type: 'boolean', optional: true },
      { name: 'parseIntegerOnly', type: 'boolean', optional: true },
      { name: 'roundingMode', type: 'string', optional: true, description: 'up, down, ceiling, floor, half_up, half_down, half_even, unnecessary' },
    ],
    description: "Formats a number as Java's NumberFormat does: grouping, rounding (HALF_EVEN), currency, percent, patterns.",
    onMissing: 'prints its format param ({{numberFormat missing "currency"}} prints "currency"), or nothing without one',
    docsUrl: NUMBERS_DOCS,
    fidelity: 'exact',
    notes:
      "jknack's StringHelpers.numberFormat on JDK 17 (the conformance corpus), checked against JDK 17.0.15. Iterable's " +
      'documented examples agree except `{{numberFormat 5.2345 "currency" "de_DE"}}`, documented as "€5,23": no JDK ' +
      'prints that (JDK 17 prints "5,23 €", as the corpus shows for de_DE), so mergetag keeps the JDK output. Locales ' +
      "outside mergetag's table (40 languages with their CLDR countries) fall back to the language's symbols and the " +
      "currency's ISO code, with a warning. A string holding a number is not a number here (it prints the format param).",
  },
  fn: (call) => {
    const value = call.params[0];
    const options = call.params.slice(1);
    const number = toJavaNumber(value);
    if (!number) {
      if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
        call.warn(
          'number-format-string',
          `numberFormat got the string "${value}", not a number, and printed its format param instead (as Iterable does)`,
          'pass a number field; values stored by #assign are strings',
        );
      }
      // StringHelpers.numberFormat: `param == null ? null : param.toString()`, so without a format param the
      // result is null, which #eq finds equal to null and lookup finds nothing in.
      const first = options[0];
      return first === null || first === undefined ? null : printValue(first);
    }
    const { text, unknownLocale } = formatNumber(number, options, call.hash);
    if (unknownLocale !== undefined) {
      call.warn(
        'number-format-locale',
        `numberFormat: mergetag has no JDK locale data for "${unknownLocale}"; ` +
          "the output uses the language's (or the root locale's) symbols and the currency's ISO code",
        'check this output in Iterable’s preview',
      );
    }
    return text;
  },
};

export const numbersHelpers: HelperDefinition[] = [mathHelper, numberFormatHelper];
