/**
 * The decimal digits JDK 17 produces for a double (`jdk.internal.math.FloatingDecimal`, the code behind
 * `Double.toString` up to JDK 18), together with the two facts `java.text.DigitList` rounds with:
 *   - `roundedUp`: the digit generation ended by incrementing the last digit, so the digits are above the binary value;
 *   - `exact`: the digits are the binary value exactly.
 *
 * DecimalFormat does not round the binary value itself: it rounds these digits, and uses the two flags only to settle
 * a '5' in the last place. Reproducing DecimalFormat exactly therefore needs these digits, not JavaScript's shortest
 * ones: they differ for integers of 2^53 and more (FloatingDecimal keeps up to 17 digits there, `2^62` gives
 * `46116860184273879`) and in a few other cases (JDK-4511638). The algorithm is Steele & White's with FloatingDecimal's
 * symmetric stopping test, computed here with BigInt; Java's int and long fast paths are kept with their 32/64-bit
 * wrap-around and their slightly different stopping comparison, since they decide some last digits.
 */

export interface JavaDoubleDigits {
  /** Significant digits, without leading zeros; may end in zeros. */
  digits: string;
  /** The value is `0.<digits> × 10^decExponent`. */
  decExponent: number;
  roundedUp: boolean;
  exact: boolean;
}

const EXP_SHIFT = 52;
const SIGNIF_MASK = (1n << 52n) - 1n;
const MAX_SMALL_BIN_EXP = 62;
const MIN_SMALL_BIN_EXP = -21;

/** ceil(log2(5^i)), as FloatingDecimal's N_5_BITS. */
const N_5_BITS = [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61];
/** How many decimal digits of 2^i are below a double's precision, as FloatingDecimal's insignificantDigitsNumber. */
const INSIGNIFICANT_DIGITS = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14,
  14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
];
const LONG_5_POW_LENGTH = 27;

const view = new DataView(new ArrayBuffer(8));

function doubleBits(d: number): bigint {
  view.setFloat64(0, d);
  return view.getBigUint64(0);
}

function bitsToDouble(bits: bigint): number {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

function trailingZeros(x: bigint): number {
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** FloatingDecimal.estimateDecExp: floor of an estimate of log10 of the value. */
function estimateDecExp(fractBits: bigint, binExp: number): number {
  const d2 = bitsToDouble(0x3ff0000000000000n | (fractBits & SIGNIF_MASK));
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  return Math.floor(d);
}

/** Digits of a positive, finite double as JDK 17's FloatingDecimal generates them. */
export function javaDoubleDigits(value: number): JavaDoubleDigits {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`javaDoubleDigits needs a positive finite double, got ${value}`);
  const bits = doubleBits(value);
  let fractBits = bits & SIGNIF_MASK;
  let binExp = Number((bits >> 52n) & 0x7ffn);
  let nSignificantBits: number;
  if (binExp === 0) {
    // A subnormal: normalise so that bit 52 is set.
    const leadingZeros = 64 - bitLength(fractBits);
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fractBits <<= BigInt(shift);
    binExp = 1 - shift;
    nSignificantBits = 64 - leadingZeros;
  } else {
    fractBits |= 1n << 52n;
    nSignificantBits = EXP_SHIFT + 1;
  }
  binExp -= 1023;
  return dtoa(binExp, fractBits, nSignificantBits);
}

function dtoa(binExp: number, fractBits: bigint, nSignificantBits: number): JavaDoubleDigits {
  const tailZeros = trailingZeros(fractBits);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP) {
    if (nTinyBits < LONG_5_POW_LENGTH && nFractBits + N_5_BITS[nTinyBits]! < 64 && nTinyBits === 0) {
      // An integer below 2^63: its digits come from the long value, the low ones rounded away when they are
      // below the double's precision. Neither flag is set on this path.
      const insignificant = binExp > nSignificantBits ? insignificantDigitsForPow2(binExp - nSignificantBits - 1) : 0;
      let lvalue = binExp >= EXP_SHIFT ? fractBits << BigInt(binExp - EXP_SHIFT) : fractBits >> BigInt(EXP_SHIFT - binExp);
      if (insignificant !== 0) {
        const pow10 = 10n ** BigInt(insignificant);
        const residue = lvalue % pow10;
        lvalue /= pow10;
        if (residue >= pow10 >> 1n) lvalue++;
      }
      const text = lvalue.toString();
      return { digits: text.replace(/0+$/, ''), decExponent: insignificant + text.length, roundedUp: false, exact: false };
    }
  }

  let decExp = estimateDecExp(fractBits, binExp);
  const B5 = Math.max(0, -decExp);
  let B2 = B5 + nTinyBits + binExp;
  const S5 = Math.max(0, decExp);
  let S2 = S5 + nTinyBits;
  const M5 = B5;
  let M2 = B2 - nSignificantBits;

  const fract = fractBits >> BigInt(tailZeros);
  B2 -= nFractBits - 1;
  const common2 = Math.min(B2, S2);
  B2 -= common2;
  S2 -= common2;
  M2 -= common2;
  // For exact powers of two the next smaller double is only half as far away.
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }

  const bBits = nFractBits + B2 + (B5 < N_5_BITS.length ? N_5_BITS[B5]! : B5 * 3);
  const tenSBits = S2 + 1 + (S5 + 1 < N_5_BITS.length ? N_5_BITS[S5 + 1]! : (S5 + 1) * 3);
  // Java computes in int when everything fits 32 bits, in long when it fits 64, else in FDBigInteger. The small paths
  // wrap around on overflow and stop on `b + m > tens`; the big one stops on `b + m >= tens`.
  const width = bBits < 64 && tenSBits < 64 ? (bBits < 32 && tenSBits < 32 ? 32 : 64) : 0;
  const wrap = width === 0 ? (x: bigint) => x : (x: bigint) => BigInt.asIntN(width, x);

  let b = wrap(wrap(fract * 5n ** BigInt(B5)) << BigInt(B2));
  const s = wrap((5n ** BigInt(S5)) << BigInt(S2));
  let m = wrap((5n ** BigInt(M5)) << BigInt(M2));
  const tens = wrap(s * 10n);

  const digits: number[] = [];
  let q = Number(b / s);
  b = wrap(10n * (b % s));
  m = wrap(m * 10n);
  let low = b < m;
  let high = width === 0 ? b + m >= tens : wrap(b + m) > tens;
  if (q === 0 && !high) decExp--;
  else digits.push(q);
  // Java always prints at least one digit after the point; in E-form that means a second digit.
  if (decExp < -3 || decExp >= 8) high = low = false;
  while (!low && !high) {
    q = Number(b / s);
    b = wrap(10n * (b % s));
    m = wrap(m * 10n);
    if (width === 0 || m > 0n) {
      low = b < m;
      high = width === 0 ? b + m >= tens : wrap(b + m) > tens;
    } else {
      // m overflowed: Java takes it as certainly above both bounds.
      low = high = true;
    }
    digits.push(q);
  }
  const lowDigitDifference = wrap(wrap(b << 1n) - tens);
  const exact = b === 0n;
  let decExponent = decExp + 1;
  let roundedUp = false;

  const roundup = () => {
    let i = digits.length - 1;
    let d = digits[i]!;
    if (d === 9) {
      while (d === 9 && i > 0) {
        digits[i] = 0;
        d = digits[--i]!;
      }
      if (d === 9) {
        // Carry out of the first digit: FloatingDecimal does not record this as rounding up.
        decExponent += 1;
        digits[0] = 1;
        return;
      }
    }
    digits[i] = d + 1;
    roundedUp = true;
  };
  if (high) {
    if (low) {
      if (lowDigitDifference === 0n) {
        if (digits[digits.length - 1]! % 2 !== 0) roundup();
      } else if (lowDigitDifference > 0n) roundup();
    } else roundup();
  }
  return { digits: digits.join(''), decExponent, roundedUp, exact };
}

function insignificantDigitsForPow2(p2: number): number {
  return p2 > 1 && p2 < INSIGNIFICANT_DIGITS.length ? INSIGNIFICANT_DIGITS[p2]! : 0;
}

/**
 * `Double.toString` of JDK 17, the JDK of the engine the conformance corpus ran on (and what DigitList reads the
 * digits from). It is not always the shortest spelling: 2e23 prints `1.9999999999999998E23` (JDK-4511638).
 */
export function jdk17DoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const { digits, decExponent } = javaDoubleDigits(Math.abs(value));
  if (decExponent > 0 && decExponent < 8) {
    const integer = digits.slice(0, decExponent).padEnd(decExponent, '0');
    const fraction = digits.slice(decExponent);
    return `${sign}${integer}.${fraction === '' ? '0' : fraction}`;
  }
  if (decExponent <= 0 && decExponent > -3) return `${sign}0.${'0'.repeat(-decExponent)}${digits}`;
  const rest = digits.slice(1);
  return `${sign}${digits[0]}.${rest === '' ? '0' : rest}E${decExponent - 1}`;
}
