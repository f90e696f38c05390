/**
 * A JSON number as written in the payload. Jackson reads `5` as an int and `5.0` as a double, and Iterable prints
 * them differently (`5` vs `5.0`), so the spelling is the value.
 */
export class JsonNumber {
  /** True for integer spellings (no fraction, no exponent): Jackson's Int, Long or BigInteger. */
  readonly isInteger: boolean;

  constructor(
    readonly text: string,
    isInteger?: boolean,
  ) {
    this.isInteger = isInteger ?? !/[.eE]/.test(text);
  }

  // Kept once computed (private fields: invisible to equality, a number is still its text): a payload's numbers
  // are printed on every render, and a double's shortest digits take a while to find.
  #printed: string | undefined;
  #double: number | undefined;

  /** The IEEE double nearest to the number, as Java's `doubleValue()` gives it. */
  get double(): number {
    return (this.#double ??= Number(this.text));
  }

  /** The text Java prints for the number: `print(this)` the first time (values/print.ts `printNumber`), then kept. */
  printedWith(print: (n: JsonNumber) => string): string {
    return (this.#printed ??= print(this));
  }

  static fromNumber(n: number): JsonNumber {
    if (Number.isInteger(n) && !Object.is(n, -0)) {
      if (n >= 0 && n < SMALL_INTEGERS.length) return SMALL_INTEGERS[n]!;
      return new JsonNumber(Number.isSafeInteger(n) ? String(n) : BigInt(n).toString(), true);
    }
    return JsonNumber.fromDouble(n);
  }

  /** A double whose spelling always marks it a double, so it prints the Java way (`2.0`, not `2`). */
  static fromDouble(n: number): JsonNumber {
    if (!Number.isFinite(n)) return new JsonNumber(String(n), false);
    if (Object.is(n, -0)) return new JsonNumber('-0.0', false);
    const text = String(n);
    return new JsonNumber(/[.eE]/.test(text) ? text : `${text}.0`);
  }

  toString(): string {
    return this.text;
  }
}

/** Loop indexes and sizes: shared instances instead of one allocation per iteration. */
const SMALL_INTEGERS = Array.from({ length: 1024 }, (_, i) => new JsonNumber(String(i), true));
