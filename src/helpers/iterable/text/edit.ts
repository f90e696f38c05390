/**
 * The editing helpers Iterable documents under jknack's names: `cut`, `replace`, `substring`, `abbreviate`,
 * `slugify`, `center`, and jknack's `stripTags`. Outputs and errors are jknack's (corpus `helpers.jsonl`);
 * Iterable's documented examples agree. Lengths and indexes count UTF-16 units, as Java does.
 */
import { HelperError } from '../../../runtime/errors.js';
import { printValue } from '../../../values/print.js';
import { FALSY_INPUT, integerParam, STRING_HELPERS_DOCS, stringHelper, stringParam, VALUE_WITH_FALLBACK } from './arguments.js';
import { abbreviate, center, javaReplace, slugify, stripTags } from './java-strings.js';

const UTF16_NOTE = 'Counts UTF-16 units, as Java does: an emoji counts 2, and an index between its two halves splits it.';

export const cutHelper = stringHelper(
  {
    name: 'cut',
    form: 'inline',
    params: [
      { name: 'value', type: 'any' },
      { name: 'remove', type: 'string', optional: true, description: 'the text to remove; a space by default' },
    ],
    description: 'The value with every occurrence of a text removed (a space when none is given).',
    onMissing: 'prints nothing (a missing, null, "", 0, false or [] value)',
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: 'The text to remove must be a string: {{cut s 1}} fails the render.',
  },
  (value, params) => javaReplace(printValue(value), stringParam(params[0], 'the text to remove') ?? ' ', ''),
  'empty',
);

export const replaceHelper = stringHelper(
  {
    name: 'replace',
    form: 'inline',
    params: [
      { name: 'value', type: 'any' },
      { name: 'target', type: 'string' },
      { name: 'replacement', type: 'string' },
    ],
    description:
      'Replaces every occurrence of a text, literally (not a regular expression; `$1` is plain text). An empty target puts the replacement between all characters and at both ends.',
    onMissing: `${FALSY_INPUT}: so an empty value prints the target`,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: 'A missing or non-string target or replacement fails the render.',
  },
  (value, params) => {
    const target = stringParam(params[0], 'the text to replace');
    const replacement = stringParam(params[1], 'the replacement');
    if (target === undefined) throw new HelperError('needs the text to replace: {{replace value "old" "new"}}');
    if (replacement === undefined) throw new HelperError('needs a replacement: {{replace value "old" "new"}}');
    return javaReplace(printValue(value), target, replacement);
  },
);

export const substringHelper = stringHelper(
  {
    name: 'substring',
    form: 'inline',
    params: [
      { name: 'value', type: 'any' },
      { name: 'start', type: 'number', description: 'index of the first character, from 0' },
      { name: 'end', type: 'number', optional: true, description: 'index after the last character; the end by default' },
    ],
    description: "The characters from `start` up to, not including, `end` (Java's substring).",
    onMissing: `${FALSY_INPUT}: so an empty value prints the start index`,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: `Indexes must be unquoted whole numbers; a negative start, an end past the text or before the start fails the render. ${UTF16_NOTE}`,
  },
  (value, params) => {
    if (params.length === 0) throw new HelperError('needs a start index: {{substring value 0 3}}');
    const text = printValue(value);
    const start = integerParam(params[0], 'the start index');
    if (start === undefined) throw new HelperError('the start index is null or missing');
    const end = integerParam(params[1], 'the end index') ?? text.length;
    if (start < 0 || end > text.length || start > end) {
      throw new HelperError(`begin ${start}, end ${end} is out of range for a text of length ${text.length}`);
    }
    return text.slice(start, end);
  },
);

export const abbreviateHelper = stringHelper(
  {
    name: 'abbreviate',
    form: 'inline',
    params: [
      { name: 'value', type: 'any' },
      { name: 'width', type: 'number', description: 'the longest result, "..." included; at least 4' },
    ],
    description: 'Shortens the value to `width` characters, the last three being `...`; a value that fits is kept.',
    onMissing: `${FALSY_INPUT}: so an empty value prints the width`,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: `A width under 4, missing, or not an unquoted whole number fails the render. ${UTF16_NOTE}`,
  },
  (value, params) => {
    const width = integerParam(params[0], 'the width');
    if (width === undefined) throw new HelperError('needs a width: {{abbreviate value 10}}');
    return abbreviate(printValue(value), width);
  },
);

export const slugifyHelper = stringHelper(
  {
    name: 'slugify',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    description: 'Lowercase letters only: trims the ends, turns each whitespace character into `-` (runs are not collapsed), drops digits and punctuation.',
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes:
      'Letters outside the BMP (e.g. mathematical letters) are dropped, as Java tests one UTF-16 unit at a time. Letters added to Unicode after version 13 are kept here and dropped by JDK 17.',
  },
  (value) => slugify(printValue(value)),
);

export const centerHelper = stringHelper(
  {
    name: 'center',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    hash: [
      { name: 'size', type: 'number', description: 'the width to pad to (required)' },
      { name: 'pad', type: 'string', optional: true, description: 'the padding text; a space by default' },
    ],
    description: 'Pads the value on both sides to `size` characters (the left side gets the smaller half), repeating `pad`.',
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: `size= is required and must be an unquoted whole number (size="7" fails the render); pad= must be a string. ${UTF16_NOTE}`,
  },
  (value, _params, call) => {
    const size = integerParam(call.hash.get('size'), 'size=');
    if (size === undefined) throw new HelperError('needs size=: {{center value size=20 pad="-"}}');
    const pad = stringParam(call.hash.get('pad'), 'pad=') ?? ' ';
    return center(printValue(value), size, pad);
  },
);

export const stripTagsHelper = stringHelper(
  {
    name: 'stripTags',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    description: 'Removes everything from each `<` to the next `>` (HTML tags and comments); a `<` with no `>` after it stays.',
    onMissing: FALSY_INPUT,
    fidelity: 'exact',
    notes: 'jknack StringHelpers.stripTags; Iterable does not document it. A `>` inside an attribute value ends the tag early (`<a href="x>y">` leaves `y">`).',
  },
  (value) => stripTags(printValue(value)),
);
