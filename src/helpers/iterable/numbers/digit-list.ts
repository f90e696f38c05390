/**
 * `java.text.DigitList` of JDK 17: the decimal digits DecimalFormat prints, and its rounding.
 *
 * A double enters as the digit string of `Double.toString` (JDK 17's, see values/java-double.ts), never as its exact
 * binary value. Rounding then works on those digits: a '5' in the last place is settled with FloatingDecimal's two
 * flags (were the digits rounded up? are they exact?), which makes HALF_EVEN/HALF_UP/HALF_DOWN agree with rounding the
 * exact binary value (0.125 → 0.12, but 0.135 → 0.14 since 0.135 is 0.13500000000000000888…). The other modes look at
 * the digits only, so 0.3 rounds DOWN to 0.3 although the double is 0.29999999999999998889…. Java's quirks are kept:
 * a value whose first significant digit lies two or more places past the last kept one becomes zero in every mode.
 */
import { javaDoubleDigits } from '../../../values/java-double.js';

export type RoundingMode = 'UP' | 'DOWN' | 'CEILING' | 'FLOOR' | 'HALF_UP' | 'HALF_DOWN' | 'HALF_EVEN' | 'UNNECESSARY';

export const ROUNDING_MODES: readonly RoundingMode[] = ['UP', 'DOWN', 'CEILING', 'FLOOR', 'HALF_UP', 'HALF_DOWN', 'HALF_EVEN', 'UNNECESSARY'];

/** Java's ArithmeticException for RoundingMode.UNNECESSARY when rounding is needed. */
export class JavaArithmeticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithmeticException';
  }
}

export class DigitList {
  /** Digit characters '0'..'9'; only the first `count` are meaningful. */
  digits: string[] = [];
  count = 0;
  /** The decimal point sits after `decimalAt` digits (may be negative or past `count`). */
  decimalAt = 0;
  isNegative = false;

  constructor(private readonly roundingMode: RoundingMode) {}

  isZero(): boolean {
    for (let i = 0; i < this.count; i++) if (this.digits[i] !== '0') return false;
    return true;
  }

  /**
   * A non-negative finite double. `maximumDigits` counts fraction digits when `fixedPoint`, else significant digits.
   */
  setDouble(isNegative: boolean, source: number, maximumDigits: number, fixedPoint: boolean): void {
    this.isNegative = isNegative;
    if (source === 0) {
      // Double.toString gives "0.0": no significant digit.
      this.digits = [];
      this.count = 0;
      this.decimalAt = 0;
      return;
    }
    const java = javaDoubleDigits(source);
    // Double.toString writes E-form ("d.dddE±n") for values below 10^-3 or from 10^7, and then always at least two
    // digits ("1.0E-5"); DigitList reads that text back, so the added '0' is one of its digits.
    const eForm = java.decExponent <= -3 || java.decExponent >= 8;
    const text = eForm && java.digits.length === 1 ? `${java.digits}0` : java.digits;
    this.digits = [...text];
    this.count = this.digits.length;
    this.decimalAt = java.decExponent;
    if (fixedPoint) {
      if (-this.decimalAt > maximumDigits) {
        // Everything rounds away, whatever the mode: 0.0009 with 2 fraction digits is 0.
        this.count = 0;
        return;
      }
      if (-this.decimalAt === maximumDigits) {
        // 0.0009 with 3 fraction digits: a new digit may appear in the last place.
        if (this.shouldRoundUp(0, java.roundedUp, java.exact)) {
          this.count = 1;
          ++this.decimalAt;
          this.digits[0] = '1';
        } else {
          this.count = 0;
        }
        return;
      }
    }
    while (this.count > 1 && this.digits[this.count - 1] === '0') --this.count;
    this.round(fixedPoint ? maximumDigits + this.decimalAt : maximumDigits, java.roundedUp, java.exact);
  }

  /** A non-negative integer (Java long or BigInteger). `maximumDigits` > 0 rounds to that many significant digits. */
  setInteger(isNegative: boolean, source: bigint, maximumDigits: number): void {
    this.isNegative = isNegative;
    if (source <= 0n) {
      this.digits = [];
      this.count = 0;
      this.decimalAt = 0;
    } else {
      const text = source.toString();
      this.digits = [...text];
      this.decimalAt = text.length;
      let right = text.length - 1;
      while (right >= 0 && text[right] === '0') --right;
      this.count = right + 1;
    }
    if (maximumDigits > 0) this.round(maximumDigits, false, true);
  }

  private round(maximumDigits: number, alreadyRounded: boolean, valueExactAsDecimal: boolean): void {
    if (maximumDigits >= 0 && maximumDigits < this.count) {
      if (this.shouldRoundUp(maximumDigits, alreadyRounded, valueExactAsDecimal)) {
        for (;;) {
          --maximumDigits;
          if (maximumDigits < 0) {
            // All nines: one digit '1', one place higher.
            this.digits[0] = '1';
            ++this.decimalAt;
            maximumDigits = 0;
            break;
          }
          const next = this.digits[maximumDigits]!.charCodeAt(0) + 1;
          this.digits[maximumDigits] = String.fromCharCode(next);
          if (next <= 57) break;
        }
        ++maximumDigits;
      }
      this.count = maximumDigits;
      while (this.count > 1 && this.digits[this.count - 1] === '0') --this.count;
    }
  }

  private anyNonZeroFrom(start: number): boolean {
    for (let i = start; i < this.count; i++) if (this.digits[i] !== '0') return true;
    return false;
  }

  private shouldRoundUp(maximumDigits: number, alreadyRounded: boolean, valueExactAsDecimal: boolean): boolean {
    if (maximumDigits >= this.count) return false;
    const digit = this.digits[maximumDigits]!;
    switch (this.roundingMode) {
      case 'UP':
        return this.anyNonZeroFrom(maximumDigits);
      case 'DOWN':
        return false;
      case 'CEILING':
        return this.anyNonZeroFrom(maximumDigits) ? !this.isNegative : false;
      case 'FLOOR':
        return this.anyNonZeroFrom(maximumDigits) ? this.isNegative : false;
      case 'HALF_UP':
      case 'HALF_DOWN':
        if (digit > '5') return true;
        if (digit === '5') {
          if (maximumDigits !== this.count - 1) return true;
          if (valueExactAsDecimal) return this.roundingMode === 'HALF_UP';
          return !alreadyRounded;
        }
        return false;
      case 'HALF_EVEN':
        if (digit > '5') return true;
        if (digit === '5') {
          if (maximumDigits === this.count - 1) {
            if (alreadyRounded) return false;
            if (!valueExactAsDecimal) return true;
            return maximumDigits > 0 && this.digits[maximumDigits - 1]!.charCodeAt(0) % 2 !== 0;
          }
          return this.anyNonZeroFrom(maximumDigits + 1);
        }
        return false;
      case 'UNNECESSARY':
        if (this.anyNonZeroFrom(maximumDigits)) {
          throw new JavaArithmeticError('Rounding needed with the rounding mode being set to RoundingMode.UNNECESSARY');
        }
        return false;
    }
  }
}
