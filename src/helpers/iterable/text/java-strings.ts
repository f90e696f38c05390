/**
 * Java's string operations, as the jknack helpers that Iterable runs call them (commons-lang3 3.12, commons-text
 * 1.10, JDK 17 in the conformance corpus). Indexes and lengths are UTF-16 code units, as in Java, so a character
 * outside the BMP counts 2 and `substring` may split it.
 *
 * Case mappings come from the JavaScript engine's Unicode data. JDK 17 knows Unicode 13, so the few letters given
 * case pairs since then (Vithkuqi, Garay, some Latin additions) are mapped here and left alone by JDK 17; and
 * Java chooses a final sigma (`ς`) by the word boundaries of its own BreakIterator, JavaScript by Unicode's
 * case-ignorable rule, so they disagree when `Σ` touches punctuation (`ω-Σ`: Java `ω-ς`, here `ω-σ`; `AΣ:B`: Java
 * `aς:b`, here `aσ:b`). Everything else was checked against JDK 17 with commons-lang3 3.12 and commons-text 1.10:
 * every code point, and 200,000 random strings through each function below.
 */
import { HelperError } from '../../../runtime/errors.js';
import { isJavaWhitespace } from '../../../values/java-whitespace.js';

export { isJavaWhitespace };

/** Longest text a helper builds; longer results fail the render instead of exhausting memory. */
export const MAX_TEXT_LENGTH = 1 << 28;

export function checkLength(length: number, what: string): void {
  if (length > MAX_TEXT_LENGTH) {
    throw new HelperError(`${what} would be ${length} characters long; mergetag stops at ${MAX_TEXT_LENGTH}`);
  }
}

/** `String.toUpperCase()` in an English/ROOT locale: full case mapping (`ß` → `SS`, `ﬁ` → `FI`). */
export function javaUpperCase(text: string): string {
  return text.toUpperCase();
}

/** `String.toLowerCase()` in an English/ROOT locale: `İ` → `i̇`, final sigma `ΣΟΦΟΣ` → `σοφος`. */
export function javaLowerCase(text: string): string {
  return text.toLowerCase();
}

/**
 * `Character.toTitleCase(int)`: Unicode's simple titlecase mapping. It differs from the uppercase mapping for the
 * Latin digraphs (`ǆ` → `ǅ`), Georgian Mkhedruli (no titlecase) and the Greek letters with ypogegrammeni
 * (`ᾳ` → `ᾼ`); letters whose uppercase is several characters (`ß`, `ŉ`, `ﬁ`) have none and stay as they are.
 */
export function javaTitleCase(codePoint: number): number {
  if (codePoint >= 0x1c4 && codePoint <= 0x1cc) return 0x1c5 + 3 * Math.floor((codePoint - 0x1c4) / 3);
  if (codePoint >= 0x1f1 && codePoint <= 0x1f3) return 0x1f2;
  if ((codePoint >= 0x10d0 && codePoint <= 0x10fa) || (codePoint >= 0x10fd && codePoint <= 0x10ff)) return codePoint;
  if ((codePoint >= 0x1f80 && codePoint <= 0x1f87) || (codePoint >= 0x1f90 && codePoint <= 0x1f97) || (codePoint >= 0x1fa0 && codePoint <= 0x1fa7)) {
    return codePoint + 8;
  }
  if (codePoint === 0x1fb3 || codePoint === 0x1fc3 || codePoint === 0x1ff3) return codePoint + 9;
  const upper = String.fromCodePoint(codePoint).toUpperCase();
  const first = upper.codePointAt(0)!;
  return upper.length === (first > 0xffff ? 2 : 1) ? first : codePoint;
}

/** `Character.toLowerCase(char)`: the simple lowercase mapping of one UTF-16 unit (`İ` → `i`). */
export function javaLowerCaseChar(unit: string): string {
  if (unit === '\u0130') return 'i';
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

const LETTER = /\p{L}/u;

/** `Character.isLetter(char)`: general category L*, for one UTF-16 unit (a lone surrogate is not a letter). */
export function isJavaLetter(unit: string): boolean {
  return LETTER.test(unit);
}

/** `StringUtils.strip(text)`: Java whitespace removed from both ends. */
export function javaStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isJavaWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isJavaWhitespace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * `String.replace(CharSequence, CharSequence)`: every non-overlapping occurrence, left to right, replaced
 * literally (no `$1`, no regex). An empty target puts the replacement before every UTF-16 unit and at the end.
 */
export function javaReplace(text: string, target: string, replacement: string): string {
  if (target === '') {
    checkLength(text.length + (text.length + 1) * replacement.length, 'the replaced text');
    let out = replacement;
    for (let i = 0; i < text.length; i++) out += text[i]! + replacement;
    return out;
  }
  const parts = text.split(target);
  checkLength(text.length + (parts.length - 1) * (replacement.length - target.length), 'the replaced text');
  return parts.join(replacement);
}

/** `StringUtils.capitalize(text)`: the first code point titlecased, the rest kept. */
export function capitalizeFirstCodePoint(text: string): string {
  if (text === '') return text;
  const first = text.codePointAt(0)!;
  const title = javaTitleCase(first);
  if (title === first) return text;
  return String.fromCodePoint(title) + text.slice(first > 0xffff ? 2 : 1);
}

/**
 * commons-text `WordUtils.capitalize(text)`: titlecases the first code point of every word, where only a space
 * (U+0020) separates words; tabs, newlines and punctuation do not.
 */
export function capitalizeWords(text: string): string {
  let out = '';
  let capitalizeNext = true;
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint === 0x20) {
      capitalizeNext = true;
      out += ' ';
      i += 1;
    } else if (capitalizeNext) {
      const title = javaTitleCase(codePoint);
      out += String.fromCodePoint(title);
      // commons-text advances by the width of the titlecased code point; in Unicode it is the same width.
      i += title > 0xffff ? 2 : 1;
      capitalizeNext = false;
    } else {
      out += String.fromCodePoint(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** commons-text `WordUtils.capitalizeFully(text)`: lowercased, then `capitalizeWords`. */
export function capitalizeWordsFully(text: string): string {
  return capitalizeWords(javaLowerCase(text));
}

/**
 * `StringUtils.abbreviate(text, width)` with the `...` marker: widths under 4 are an error; text that fits is
 * kept; longer text keeps its first `width - 3` UTF-16 units and gets `...`.
 */
export function abbreviate(text: string, width: number): string {
  if (text === '') return text;
  if (width < 4) throw new HelperError(`the width must be at least 4 (3 of them for "..."), got ${width}`);
  if (text.length <= width) return text;
  return `${text.slice(0, width - 3)}...`;
}

/** The `pads` first UTF-16 units of `pad` repeated, as `StringUtils.leftPad`/`rightPad` build their padding. */
function padding(pad: string, pads: number): string {
  return pad.repeat(Math.ceil(pads / pad.length)).slice(0, pads);
}

/**
 * `StringUtils.center(text, size, pad)`: pads both sides to `size` UTF-16 units, the left side getting the
 * smaller half; an empty pad is a space; text already as long as `size` is kept.
 */
export function center(text: string, size: number, pad: string): string {
  const fill = pad === '' ? ' ' : pad;
  const pads = size - text.length;
  if (size <= 0 || pads <= 0) return text;
  checkLength(size, 'the centered text');
  const left = Math.floor(pads / 2);
  return padding(fill, left) + text + padding(fill, pads - left);
}

/** jknack `slugify`: strip, then keep letters (lowercased one UTF-16 unit at a time) and turn whitespace into `-`. */
export function slugify(text: string): string {
  const stripped = javaStrip(text);
  let out = '';
  for (let i = 0; i < stripped.length; i++) {
    const unit = stripped[i]!;
    if (isJavaLetter(unit)) out += javaLowerCaseChar(unit);
    else if (isJavaWhitespace(unit.charCodeAt(0))) out += '-';
  }
  return out;
}

/**
 * jknack `stripTags`: removes every `<` … `>` run (the first `>` closes it, newlines included), as the regex
 * `<[^>]*>` does. A scan rather than that regex: on a run of `<` with no `>` the regex tries every `<` to the
 * end of the text, which is quadratic. Once a `<` finds no `>` after it, no later one can.
 */
export function stripTags(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<', from);
    if (open < 0) break;
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
