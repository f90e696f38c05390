/**
 * `{{numberFormat value [style|pattern] [locale] hash…}}`: jknack's `StringHelpers.numberFormat` on JDK 17.
 *
 *   - value: a number (JSON integer → Long/BigInteger, JSON float → Double); anything else, even "12", returns the
 *     first param as text (`{{numberFormat "12" "currency"}}` prints `currency`), or nothing without params;
 *   - no params: `NumberFormat.getInstance(en_US)` (grouping, at most 3 fraction digits);
 *   - a first param that is not a string is an error; "default", "integer", "currency" and "percent" (any case,
 *     trimmed) are styles; any other string is a DecimalFormat pattern with the locale's symbols;
 *   - the locale param (default `en_US`) is parsed by commons-lang3 `LocaleUtils.toLocale`;
 *   - hash, applied in this order: groupingUsed (Boolean), maximumFractionDigits, maximumIntegerDigits,
 *     minimumFractionDigits, minimumIntegerDigits (Integer), parseIntegerOnly (Boolean, no effect on output),
 *     roundingMode (a `java.math.RoundingMode` name in any case; HALF_EVEN by default). A value of another type is
 *     Java's ClassCastException, an unknown rounding mode its IllegalArgumentException.
 */
import { JsonNumber } from '../../../values/json-number.js';
import { printValue } from '../../../values/print.js';
import { SafeString, type Value } from '../../../values/types.js';
import { HelperError } from '../../../runtime/errors.js';
import { JavaArithmeticError, ROUNDING_MODES, type RoundingMode } from './digit-list.js';
import { JavaDecimalFormat, JavaIllegalArgumentError, type JavaNumber } from './decimal-format.js';
import { DEFAULT_LOCALE, localeNumberData, parseJavaLocale, type JavaLocale, type LocaleNumberData } from './locales.js';

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** The Java number a value is bound to, or undefined for a non-number. */
export function toJavaNumber(value: Value): JavaNumber | undefined {
  if (!(value instanceof JsonNumber)) return undefined;
  if (value.isInteger) {
    let integer: bigint | undefined;
    try {
      integer = BigInt(value.text);
    } catch {
      integer = undefined; // "Infinity", "NaN": doubles spelled without a point
    }
    if (integer !== undefined) {
      return integer >= LONG_MIN && integer <= LONG_MAX ? { kind: 'long', value: integer } : { kind: 'bigInteger', value: integer };
    }
  }
  return { kind: 'double', value: Number(value.text) };
}

/** The class name Java would report for a value in a ClassCastException. */
function javaClassName(value: Value): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (value instanceof SafeString) return 'com.github.jknack.handlebars.Handlebars$SafeString';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Map) return 'java.util.LinkedHashMap';
  const number = toJavaNumber(value!);
  if (number?.kind === 'double') return 'java.lang.Double';
  if (number?.kind === 'bigInteger') return 'java.math.BigInteger';
  return number!.value >= BigInt(INT_MIN) && number!.value <= BigInt(INT_MAX) ? 'java.lang.Integer' : 'java.lang.Long';
}

function classCast(value: Value, target: string): HelperError {
  const from = javaClassName(value);
  return new HelperError(
    `java.lang.ClassCastException: class ${from} cannot be cast to class ${target} ` + `(${from} and ${target} are in module java.base of loader 'bootstrap')`,
  );
}

/** `String.valueOf` as `%s` prints it in Validate messages. */
function javaString(value: Value): string {
  return value === null || value === undefined ? 'null' : printValue(value);
}

/** Java's `String.trim()`: strips code units up to U+0020 only. */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function hashBoolean(hash: ReadonlyMap<string, Value>, name: string): boolean | undefined {
  const value = hash.get(name);
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'boolean') throw classCast(value, 'java.lang.Boolean');
  return value;
}

function hashInteger(hash: ReadonlyMap<string, Value>, name: string): number | undefined {
  const value = hash.get(name);
  if (value === null || value === undefined) return undefined;
  const number = toJavaNumber(value);
  if (number?.kind === 'long' && number.value >= BigInt(INT_MIN) && number.value <= BigInt(INT_MAX)) return Number(number.value);
  throw classCast(value, 'java.lang.Integer');
}

type Style = 'DEFAULT' | 'INTEGER' | 'CURRENCY' | 'PERCENT';
const STYLES: readonly string[] = ['DEFAULT', 'INTEGER', 'CURRENCY', 'PERCENT'];

/** `NumberFormat.getInstance/getIntegerInstance/getCurrencyInstance/getPercentInstance(locale)` of JDK 17. */
export function styleFormat(style: Style, data: LocaleNumberData): JavaDecimalFormat {
  const pattern = style === 'CURRENCY' ? data.currencyPattern : style === 'PERCENT' ? data.percentPattern : data.decimalPattern;
  const format = new JavaDecimalFormat(pattern, data.symbols);
  if (style === 'INTEGER') {
    format.setMaximumFractionDigits(0);
    format.decimalSeparatorAlwaysShown = false;
  } else if (style === 'CURRENCY' && data.currencyDigits !== -1) {
    // NumberFormatProviderImpl.adjustForCurrencyDefaultFractionDigits
    const digits = data.currencyDigits;
    const oldMinDigits = format.minimumFractionDigitsValue;
    if (oldMinDigits === format.maximumFractionDigitsValue) {
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
    } else {
      format.setMinimumFractionDigits(Math.min(digits, oldMinDigits));
      format.setMaximumFractionDigits(digits);
    }
  }
  return format;
}

export interface NumberFormatResult {
  text: string;
  /** The locale, when it is outside mergetag's table (its output is then a fallback). */
  unknownLocale?: string;
}

/**
 * numberFormat applied to a number: `options` are the params after the value, `hash` the hash. Throws HelperError with
 * Java's exception where Java throws.
 */
export function formatNumber(number: JavaNumber, options: readonly Value[], hash: ReadonlyMap<string, Value>): NumberFormatResult {
  let format: JavaDecimalFormat;
  let unknownLocale: string | undefined;
  try {
    if (options.length === 0) {
      format = styleFormat('DEFAULT', localeNumberData(DEFAULT_LOCALE));
    } else {
      const first = options[0];
      if (typeof first !== 'string') {
        throw new HelperError(`java.lang.IllegalArgumentException: found '${javaString(first)}', expected 'string'`);
      }
      const localeParam = options[1];
      let localeText = 'en_US';
      if (localeParam !== null && localeParam !== undefined) {
        if (typeof localeParam !== 'string') throw classCast(localeParam, 'java.lang.String');
        localeText = localeParam;
      }
      const locale: JavaLocale = parseJavaLocale(localeText);
      const data = localeNumberData(locale);
      if (!data.known) unknownLocale = localeText;
      const style = javaTrim(first.toUpperCase());
      format = STYLES.includes(style) ? styleFormat(style as Style, data) : new JavaDecimalFormat(first, data.symbols);
    }

    const groupingUsed = hashBoolean(hash, 'groupingUsed');
    if (groupingUsed !== undefined) format.groupingUsed = groupingUsed;
    const maximumFractionDigits = hashInteger(hash, 'maximumFractionDigits');
    if (maximumFractionDigits !== undefined) format.setMaximumFractionDigits(maximumFractionDigits);
    const maximumIntegerDigits = hashInteger(hash, 'maximumIntegerDigits');
    if (maximumIntegerDigits !== undefined) format.setMaximumIntegerDigits(maximumIntegerDigits);
    const minimumFractionDigits = hashInteger(hash, 'minimumFractionDigits');
    if (minimumFractionDigits !== undefined) format.setMinimumFractionDigits(minimumFractionDigits);
    const minimumIntegerDigits = hashInteger(hash, 'minimumIntegerDigits');
    if (minimumIntegerDigits !== undefined) format.setMinimumIntegerDigits(minimumIntegerDigits);
    hashBoolean(hash, 'parseIntegerOnly'); // only its type is checked: it does not change formatting
    const roundingMode = hash.get('roundingMode');
    if (roundingMode !== null && roundingMode !== undefined) {
      if (typeof roundingMode !== 'string') throw classCast(roundingMode, 'java.lang.String');
      const name = javaTrim(roundingMode.toUpperCase());
      if (!(ROUNDING_MODES as readonly string[]).includes(name)) {
        throw new HelperError(`java.lang.IllegalArgumentException: No enum constant java.math.RoundingMode.${name}`);
      }
      format.roundingMode = name as RoundingMode;
    }
    const text = format.format(number);
    return unknownLocale === undefined ? { text } : { text, unknownLocale };
  } catch (error) {
    if (error instanceof JavaIllegalArgumentError) throw new HelperError(`java.lang.IllegalArgumentException: ${error.message}`);
    if (error instanceof JavaArithmeticError) throw new HelperError(`java.lang.ArithmeticException: ${error.message}`);
    throw error;
  }
}
