/**
 * Text that breaks templates: HTML specials (escaped by `{{x}}`, not by `{{{x}}}`), apostrophes (`&#x27;` inside a
 * `#urlEncode` body), `+` and spaces (URL encoding), non-ASCII and astral characters. Shrinks towards `"a"`.
 */
import fc from 'fast-check';

const SPECIAL = ['<', '>', '&', '"', "'", '`', '=', '+', ' ', '/', '?', '#', '%', 'é', 'ñ', 'ß', '日', '🎉'];

/** Realistic values first (the sample users' kind of trouble), then random mixes of letters and specials. */
const KNOWN = ["O'Brien", 'Seán', 'ann+vip@example.com', 'Tom & Jerry', '<b>bold</b>', '"quoted"', 'piña colada', '日本語', 'party 🎉', ' padded '];

export function trickyString(options: { minLength?: number } = {}): fc.Arbitrary<string> {
  const minLength = options.minLength ?? 0;
  const char = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789') },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
  );
  const random = fc.array(char, { minLength, maxLength: 24 }).map((chars) => chars.join(''));
  return fc.oneof({ weight: 2, arbitrary: random }, { weight: 1, arbitrary: fc.constantFrom(...KNOWN) });
}
