/**
 * Iterable's alias field accepts "uppercase or lowercase letters, and underscore" (src/iterable/feed-context.ts
 * FEED_ALIAS). Words the template language gives a meaning (`this`, `true`, `else`, helper names...) are left out:
 * `[[this.voucher]]` is not a read of a feed called `this`.
 */
import fc from 'fast-check';

const RESERVED = new Set(['this', 'else', 'true', 'false', 'null', 'undefined', 'if', 'unless', 'each', 'with', 'lookup', 'log', 'length', 'size', 'as']);

export function alias(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Za-z_]{1,16}$/).filter((name) => !RESERVED.has(name) && !(name in {}));
}
