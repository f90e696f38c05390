/**
 * `java.text.DecimalFormat` of JDK 17, for formatting only: pattern syntax (`#`, `0`, `,`, `.`, `%`, `‰`, `¤`, `¤¤`,
 * quotes, `;` negative subpattern, `E` exponent), the digit-count setters, grouping, the multiplier, and the three
 * number kinds `NumberFormat.format(Object)` distinguishes: Long/Integer (exact integer path), BigInteger (the same,
 * with the unclamped digit limits) and Double (rounded through DigitList, see digit-list.ts). It is called through
 * `format(Object)`, which never takes DecimalFormat's fast path for doubles.
 */
import { DigitList, type RoundingMode } from './digit-list.js';

/** DecimalFormatSymbols as far as formatting reads them. */
export interface JavaDecimalFormatSymbols {
  zeroDigit: string;
  groupingSeparator: string;
  decimalSeparator: string;
  monetaryGroupingSeparator: string;
  monetaryDecimalSeparator: string;
  minusSignText: string;
  percentText: string;
  perMillText: string;
  exponentSeparator: string;
  infinity: string;
  nan: string;
  currencySymbol: string;
  internationalCurrencySymbol: string;
}

/** A number as Java holds it: a Long/Integer, a BigInteger (beyond long), or a Double. */
export type JavaNumber = { kind: 'long'; value: bigint } | { kind: 'bigInteger'; value: bigint } | { kind: 'double'; value: number };

/** Java's IllegalArgumentException, with its message. */
export class JavaIllegalArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalArgumentException';
  }
}

const INT_MAX = 2147483647;
const DOUBLE_INTEGER_DIGITS = 309;
const DOUBLE_FRACTION_DIGITS = 340;
const LONG_MAX = (1n << 63n) - 1n;

const QUOTE = "'";
const CURRENCY_SIGN = '\u00a4';
const PATTERN_ZERO_DIGIT = '0';
const PATTERN_GROUPING_SEPARATOR = ',';
const PATTERN_DECIMAL_SEPARATOR = '.';
const PATTERN_PER_MILLE = '\u2030';
const PATTERN_PERCENT = '%';
const PATTERN_DIGIT = '#';
const PATTERN_SEPARATOR = ';';
const PATTERN_EXPONENT = 'E';
const PATTERN_MINUS = '-';

/** Java's byte arithmetic for the grouping count. */
const toByte = (n: number): number => ((n + 128) & 0xff) - 128;

export class JavaDecimalFormat {
  // DecimalFormat's own digit limits; NumberFormat's (used for Long and Double) are these clamped to 309/340.
  private maximumIntegerDigits = 40;
  private minimumIntegerDigits = 1;
  private maximumFractionDigits = 3;
  private minimumFractionDigits = 0;
  groupingUsed = true;
  groupingSize = 3;
  multiplier = 1;
  decimalSeparatorAlwaysShown = false;
  roundingMode: RoundingMode = 'HALF_EVEN';
  private useExponentialNotation = false;
  private minExponentDigits = 0;
  private isCurrencyFormat = false;
  private posPrefixPattern = '';
  private posSuffixPattern = '';
  private negPrefixPattern = '';
  private negSuffixPattern = '';
  private positivePrefix = '';
  private positiveSuffix = '';
  private negativePrefix = '';
  private negativeSuffix = '';

  constructor(
    pattern: string,
    readonly symbols: JavaDecimalFormatSymbols,
  ) {
    this.applyPattern(pattern);
  }

  get maximumIntegerDigitsValue(): number {
    return this.maximumIntegerDigits;
  }
  get minimumIntegerDigitsValue(): number {
    return this.minimumIntegerDigits;
  }
  get maximumFractionDigitsValue(): number {
    return this.maximumFractionDigits;
  }
  get minimumFractionDigitsValue(): number {
    return this.minimumFractionDigits;
  }

  setMaximumIntegerDigits(value: number): void {
    this.maximumIntegerDigits = Math.min(Math.max(0, value), INT_MAX);
    if (this.minimumIntegerDigits > this.maximumIntegerDigits) this.minimumIntegerDigits = this.maximumIntegerDigits;
  }

  setMinimumIntegerDigits(value: number): void {
    this.minimumIntegerDigits = Math.min(Math.max(0, value), INT_MAX);
    if (this.minimumIntegerDigits > this.maximumIntegerDigits) this.maximumIntegerDigits = this.minimumIntegerDigits;
  }

  setMaximumFractionDigits(value: number): void {
    this.maximumFractionDigits = Math.min(Math.max(0, value), INT_MAX);
    if (this.minimumFractionDigits > this.maximumFractionDigits) this.minimumFractionDigits = this.maximumFractionDigits;
  }

  setMinimumFractionDigits(value: number): void {
    this.minimumFractionDigits = Math.min(Math.max(0, value), INT_MAX);
    if (this.minimumFractionDigits > this.maximumFractionDigits) this.maximumFractionDigits = this.minimumFractionDigits;
  }

  format(number: JavaNumber): string {
    if (number.kind === 'double') return this.formatDouble(number.value);
    if (number.kind === 'long') return this.formatLong(number.value);
    return this.formatBigInteger(number.value, false);
  }

  // NumberFormat's getters, which DecimalFormat uses for Long and Double.
  private get superMaxInt(): number {
    return Math.min(this.maximumIntegerDigits, DOUBLE_INTEGER_DIGITS);
  }
  private get superMinInt(): number {
    return Math.min(this.minimumIntegerDigits, DOUBLE_INTEGER_DIGITS);
  }
  private get superMaxFrac(): number {
    return Math.min(this.maximumFractionDigits, DOUBLE_FRACTION_DIGITS);
  }
  private get superMinFrac(): number {
    return Math.min(this.minimumFractionDigits, DOUBLE_FRACTION_DIGITS);
  }

  private formatDouble(number: number): string {
    if (Number.isNaN(number) || (!Number.isFinite(number) && this.multiplier === 0)) return this.symbols.nan;
    const isNegative = number < 0 || Object.is(number, -0);
    if (this.multiplier !== 1) number *= this.multiplier;
    if (!Number.isFinite(number)) {
      return isNegative ? this.negativePrefix + this.symbols.infinity + this.negativeSuffix : this.positivePrefix + this.symbols.infinity + this.positiveSuffix;
    }
    if (isNegative) number = -number;
    const digits = new DigitList(this.roundingMode);
    const maxInt = this.superMaxInt;
    const maxFrac = this.superMaxFrac;
    digits.setDouble(isNegative, number, this.useExponentialNotation ? maxInt + maxFrac : maxFrac, !this.useExponentialNotation);
    return this.subformat(digits, isNegative, false, maxInt, this.superMinInt, maxFrac, this.superMinFrac);
  }

  private formatLong(number: bigint): string {
    let isNegative = number < 0n;
    let magnitude = isNegative ? -number : number;
    // Java checks that the multiplier cannot overflow a long, and takes the BigInteger path if it could.
    let useBigInteger = false;
    if (magnitude > LONG_MAX) useBigInteger = this.multiplier !== 0;
    else if (this.multiplier !== 1 && this.multiplier !== 0) useBigInteger = magnitude > LONG_MAX / BigInt(Math.abs(this.multiplier));
    if (useBigInteger) return this.formatBigInteger(number, true);
    magnitude *= BigInt(this.multiplier);
    if (magnitude === 0n) isNegative = false;
    const digits = new DigitList(this.roundingMode);
    const maxInt = this.superMaxInt;
    const maxFrac = this.superMaxFrac;
    digits.setInteger(isNegative, magnitude, this.useExponentialNotation ? maxInt + maxFrac : 0);
    return this.subformat(digits, isNegative, true, maxInt, this.superMinInt, maxFrac, this.superMinFrac);
  }

  private formatBigInteger(number: bigint, formatLong: boolean): string {
    if (this.multiplier !== 1) number *= BigInt(this.multiplier);
    const isNegative = number < 0n;
    if (isNegative) number = -number;
    const maxInt = formatLong ? this.superMaxInt : this.maximumIntegerDigits;
    const minInt = formatLong ? this.superMinInt : this.minimumIntegerDigits;
    const maxFrac = formatLong ? this.superMaxFrac : this.maximumFractionDigits;
    const minFrac = formatLong ? this.superMinFrac : this.minimumFractionDigits;
    let maximumDigits = maxInt + maxFrac;
    if (maximumDigits > INT_MAX) maximumDigits = INT_MAX; // Java's int overflow, caught
    const digits = new DigitList(this.roundingMode);
    digits.setInteger(isNegative, number, this.useExponentialNotation ? maximumDigits : 0);
    return this.subformat(digits, isNegative, true, maxInt, minInt, maxFrac, minFrac);
  }

  private subformat(
    digitList: DigitList,
    isNegative: boolean,
    isInteger: boolean,
    maxIntDigits: number,
    minIntDigits: number,
    maxFraDigits: number,
    minFraDigits: number,
  ): string {
    const prefix = isNegative ? this.negativePrefix : this.positivePrefix;
    const suffix = isNegative ? this.negativeSuffix : this.positiveSuffix;
    return prefix + this.subformatNumber(digitList, isInteger, maxIntDigits, minIntDigits, maxFraDigits, minFraDigits) + suffix;
  }

  private subformatNumber(
    digitList: DigitList,
    isInteger: boolean,
    maxIntDigits: number,
    minIntDigits: number,
    maxFraDigits: number,
    minFraDigits: number,
  ): string {
    const symbols = this.symbols;
    const grouping = this.isCurrencyFormat ? symbols.monetaryGroupingSeparator : symbols.groupingSeparator;
    const decimal = this.isCurrencyFormat ? symbols.monetaryDecimalSeparator : symbols.decimalSeparator;
    const zero = symbols.zeroDigit;
    const zeroDelta = zero.charCodeAt(0) - 48;
    const digitAt = (i: number): string => String.fromCharCode(digitList.digits[i]!.charCodeAt(0) + zeroDelta);
    let result = '';

    if (digitList.isZero()) digitList.decimalAt = 0;

    if (this.useExponentialNotation) {
      let exponent = digitList.decimalAt;
      const repeat = maxIntDigits;
      let minimumIntegerDigits = minIntDigits;
      if (repeat > 1 && repeat > minIntDigits) {
        // Engineering notation: the exponent is a multiple of the maximum integer digits.
        exponent = exponent >= 1 ? Math.trunc((exponent - 1) / repeat) * repeat : Math.trunc((exponent - repeat) / repeat) * repeat;
        minimumIntegerDigits = 1;
      } else {
        exponent -= minimumIntegerDigits;
      }
      let minimumDigits = minIntDigits + minFraDigits;
      if (minimumDigits > INT_MAX) minimumDigits = INT_MAX;
      const integerDigits = digitList.isZero() ? minimumIntegerDigits : digitList.decimalAt - exponent;
      if (minimumDigits < integerDigits) minimumDigits = integerDigits;
      let totalDigits = digitList.count;
      if (minimumDigits > totalDigits) totalDigits = minimumDigits;
      for (let i = 0; i < totalDigits; ++i) {
        if (i === integerDigits) result += decimal;
        result += i < digitList.count ? digitAt(i) : zero;
      }
      if (this.decimalSeparatorAlwaysShown && totalDigits === integerDigits) result += decimal;
      result += symbols.exponentSeparator;
      if (digitList.isZero()) exponent = 0;
      const negativeExponent = exponent < 0;
      if (negativeExponent) {
        exponent = -exponent;
        result += symbols.minusSignText;
      }
      const exponentDigits = exponent === 0 ? '' : String(exponent);
      for (let i = exponentDigits.length; i < this.minExponentDigits; ++i) result += zero;
      for (const ch of exponentDigits) result += String.fromCharCode(ch.charCodeAt(0) + zeroDelta);
      return result;
    }

    let count = minIntDigits;
    let digitIndex = 0;
    if (digitList.decimalAt > 0 && count < digitList.decimalAt) count = digitList.decimalAt;
    // Fewer integer digits allowed than there are: keep the least significant ones (1997 with 2 → "97").
    if (count > maxIntDigits) {
      count = maxIntDigits;
      digitIndex = digitList.decimalAt - count;
    }
    for (let i = count - 1; i >= 0; --i) {
      if (i < digitList.decimalAt && digitIndex < digitList.count) result += digitAt(digitIndex++);
      else result += zero;
      if (this.groupingUsed && i > 0 && this.groupingSize !== 0 && i % this.groupingSize === 0) result += grouping;
    }
    const fractionPresent = minFraDigits > 0 || (!isInteger && digitIndex < digitList.count);
    if (!fractionPresent && result.length === 0) result += zero;
    if (this.decimalSeparatorAlwaysShown || fractionPresent) result += decimal;
    for (let i = 0; i < maxFraDigits; ++i) {
      if (i >= minFraDigits && (isInteger || digitIndex >= digitList.count)) break;
      if (-1 - i > digitList.decimalAt - 1) {
        result += zero;
        continue;
      }
      if (!isInteger && digitIndex < digitList.count) result += digitAt(digitIndex++);
      else result += zero;
    }
    return result;
  }

  /** DecimalFormat.applyPattern(pattern, false). Throws JavaIllegalArgumentError with Java's messages. */
  private applyPattern(pattern: string): void {
    let gotNegative = false;
    this.decimalSeparatorAlwaysShown = false;
    this.isCurrencyFormat = false;
    this.useExponentialNotation = false;
    const length = pattern.length;
    let start = 0;
    for (let j = 1; j >= 0 && start < length; --j) {
      let inQuote = false;
      let prefix = '';
      let suffix = '';
      let inPrefix = true;
      const append = (text: string) => {
        if (inPrefix) prefix += text;
        else suffix += text;
      };
      let decimalPos = -1;
      let multiplier = 1;
      let digitLeftCount = 0;
      let zeroDigitCount = 0;
      let digitRightCount = 0;
      let groupingCount = -1;
      let phase = 0;

      for (let pos = start; pos < length; ++pos) {
        const ch = pattern[pos]!;
        if (phase === 0 || phase === 2) {
          if (inQuote) {
            if (ch === QUOTE) {
              if (pos + 1 < length && pattern[pos + 1] === QUOTE) {
                ++pos;
                append("''");
              } else {
                inQuote = false;
              }
              continue;
            }
          } else if (ch === PATTERN_DIGIT || ch === PATTERN_ZERO_DIGIT || ch === PATTERN_GROUPING_SEPARATOR || ch === PATTERN_DECIMAL_SEPARATOR) {
            phase = 1;
            --pos;
            continue;
          } else if (ch === CURRENCY_SIGN) {
            const doubled = pos + 1 < length && pattern[pos + 1] === CURRENCY_SIGN;
            if (doubled) ++pos;
            this.isCurrencyFormat = true;
            append(doubled ? `'${CURRENCY_SIGN}${CURRENCY_SIGN}` : `'${CURRENCY_SIGN}`);
            continue;
          } else if (ch === QUOTE) {
            if (pos + 1 < length && pattern[pos + 1] === QUOTE) {
              ++pos;
              append("''");
            } else {
              inQuote = true;
            }
            continue;
          } else if (ch === PATTERN_SEPARATOR) {
            if (phase === 0 || j === 0) {
              throw new JavaIllegalArgumentError(`Unquoted special character '${ch}' in pattern "${pattern}"`);
            }
            start = pos + 1;
            pos = length;
            continue;
          } else if (ch === PATTERN_PERCENT) {
            if (multiplier !== 1) throw new JavaIllegalArgumentError(`Too many percent/per mille characters in pattern "${pattern}"`);
            multiplier = 100;
            append("'%");
            continue;
          } else if (ch === PATTERN_PER_MILLE) {
            if (multiplier !== 1) throw new JavaIllegalArgumentError(`Too many percent/per mille characters in pattern "${pattern}"`);
            multiplier = 1000;
            append(`'${PATTERN_PER_MILLE}`);
            continue;
          } else if (ch === PATTERN_MINUS) {
            append("'-");
            continue;
          }
          append(ch);
          continue;
        }

        // Phase 1: the digits. A negative subpattern's digits only separate its prefix from its suffix.
        if (j === 0) {
          while (pos < length) {
            const c = pattern[pos]!;
            if (c === PATTERN_DIGIT || c === PATTERN_ZERO_DIGIT || c === PATTERN_GROUPING_SEPARATOR || c === PATTERN_DECIMAL_SEPARATOR) {
              ++pos;
            } else if (pattern.startsWith(PATTERN_EXPONENT, pos)) {
              pos += PATTERN_EXPONENT.length;
            } else {
              --pos;
              phase = 2;
              inPrefix = false;
              break;
            }
          }
          continue;
        }
        if (ch === PATTERN_DIGIT) {
          if (zeroDigitCount > 0) ++digitRightCount;
          else ++digitLeftCount;
          if (groupingCount >= 0 && decimalPos < 0) groupingCount = toByte(groupingCount + 1);
        } else if (ch === PATTERN_ZERO_DIGIT) {
          if (digitRightCount > 0) throw new JavaIllegalArgumentError(`Unexpected '0' in pattern "${pattern}"`);
          ++zeroDigitCount;
          if (groupingCount >= 0 && decimalPos < 0) groupingCount = toByte(groupingCount + 1);
        } else if (ch === PATTERN_GROUPING_SEPARATOR) {
          groupingCount = 0;
        } else if (ch === PATTERN_DECIMAL_SEPARATOR) {
          if (decimalPos >= 0) throw new JavaIllegalArgumentError(`Multiple decimal separators in pattern "${pattern}"`);
          decimalPos = digitLeftCount + zeroDigitCount + digitRightCount;
        } else if (pattern.startsWith(PATTERN_EXPONENT, pos)) {
          if (this.useExponentialNotation) throw new JavaIllegalArgumentError(`Multiple exponential symbols in pattern "${pattern}"`);
          this.useExponentialNotation = true;
          this.minExponentDigits = 0;
          pos += PATTERN_EXPONENT.length;
          while (pos < length && pattern[pos] === PATTERN_ZERO_DIGIT) {
            ++this.minExponentDigits;
            ++pos;
          }
          if (digitLeftCount + zeroDigitCount < 1 || this.minExponentDigits < 1) {
            throw new JavaIllegalArgumentError(`Malformed exponential pattern "${pattern}"`);
          }
          phase = 2;
          inPrefix = false;
          --pos;
        } else {
          phase = 2;
          inPrefix = false;
          --pos;
        }
      }

      // "##.###" means "#0.###", ".###" means ".0##".
      if (zeroDigitCount === 0 && digitLeftCount > 0 && decimalPos >= 0) {
        let n = decimalPos;
        if (n === 0) ++n;
        digitRightCount = digitLeftCount - n;
        digitLeftCount = n - 1;
        zeroDigitCount = 1;
      }
      if (
        (decimalPos < 0 && digitRightCount > 0) ||
        (decimalPos >= 0 && (decimalPos < digitLeftCount || decimalPos > digitLeftCount + zeroDigitCount)) ||
        groupingCount === 0 ||
        inQuote
      ) {
        throw new JavaIllegalArgumentError(`Malformed pattern "${pattern}"`);
      }

      if (j === 1) {
        this.posPrefixPattern = prefix;
        this.posSuffixPattern = suffix;
        this.negPrefixPattern = prefix;
        this.negSuffixPattern = suffix;
        const digitTotalCount = digitLeftCount + zeroDigitCount + digitRightCount;
        const effectiveDecimalPos = decimalPos >= 0 ? decimalPos : digitTotalCount;
        this.setMinimumIntegerDigits(effectiveDecimalPos - digitLeftCount);
        this.setMaximumIntegerDigits(this.useExponentialNotation ? digitLeftCount + this.minimumIntegerDigits : INT_MAX);
        this.setMaximumFractionDigits(decimalPos >= 0 ? digitTotalCount - decimalPos : 0);
        this.setMinimumFractionDigits(decimalPos >= 0 ? digitLeftCount + zeroDigitCount - decimalPos : 0);
        this.groupingUsed = groupingCount > 0;
        this.groupingSize = groupingCount > 0 ? groupingCount : 0;
        this.multiplier = multiplier;
        this.decimalSeparatorAlwaysShown = decimalPos === 0 || decimalPos === digitTotalCount;
      } else {
        this.negPrefixPattern = prefix;
        this.negSuffixPattern = suffix;
        gotNegative = true;
      }
    }

    if (length === 0) {
      this.posPrefixPattern = this.posSuffixPattern = '';
      this.setMinimumIntegerDigits(0);
      this.setMaximumIntegerDigits(INT_MAX);
      this.setMinimumFractionDigits(0);
      this.setMaximumFractionDigits(INT_MAX);
    }
    if (!gotNegative || (this.negPrefixPattern === this.posPrefixPattern && this.negSuffixPattern === this.posSuffixPattern)) {
      this.negSuffixPattern = this.posSuffixPattern;
      this.negPrefixPattern = `'-${this.posPrefixPattern}`;
    }
    this.positivePrefix = this.expandAffix(this.posPrefixPattern);
    this.positiveSuffix = this.expandAffix(this.posSuffixPattern);
    this.negativePrefix = this.expandAffix(this.negPrefixPattern);
    this.negativeSuffix = this.expandAffix(this.negSuffixPattern);
  }

  /** An affix pattern with its quoted specials (`'%`, `'¤`, `'¤¤`, `'‰`, `'-`, `''`) replaced by the symbols. */
  private expandAffix(pattern: string): string {
    let out = '';
    for (let i = 0; i < pattern.length;) {
      let c = pattern[i++]!;
      if (c === QUOTE) {
        c = pattern[i++]!;
        if (c === CURRENCY_SIGN) {
          if (i < pattern.length && pattern[i] === CURRENCY_SIGN) {
            ++i;
            out += this.symbols.internationalCurrencySymbol;
          } else {
            out += this.symbols.currencySymbol;
          }
          continue;
        }
        if (c === PATTERN_PERCENT) {
          out += this.symbols.percentText;
          continue;
        }
        if (c === PATTERN_PER_MILLE) {
          out += this.symbols.perMillText;
          continue;
        }
        if (c === PATTERN_MINUS) {
          out += this.symbols.minusSignText;
          continue;
        }
      }
      out += c;
    }
    return out;
  }
}
