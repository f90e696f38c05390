/**
 * The names the generated templates and data share. A small pool, so that keys recur at several levels of the
 * data and paths hit often; a few names are there on purpose to reach Java-specific lookups.
 */

/** Object keys of the data, and the segments of template paths. */
export const DATA_KEYS = ['a', 'b', 'c', 'n', 's', 'o', 'xs', 'name', 'flag'] as const;

/**
 * Keys that are rarer: one written only as a segment literal (`[a b]`), an integer-like key (Jackson keeps
 * document order; `o.1` reads it), and Java bean names that Handlebars.java's resolvers answer for (`length`,
 * `size`, `empty`) when a key is missing or null.
 */
export const RARE_KEYS = ['a b', '1', 'length', 'size', 'empty'] as const;

/** Block parameter names (`as |p q|`): never data keys, so a path `p` means the parameter or nothing. */
export const BLOCK_PARAMS = ['p', 'q'] as const;

/** jknack helpers Iterable documents under the same names (corpus helpers.jsonl), with how they are called. */
export const COMPARISONS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export const ORDERINGS = ['gt', 'gte', 'lt', 'lte'] as const;
export const LOGIC = ['and', 'or'] as const;
export const STRING_HELPERS_1 = ['upper', 'lower', 'capitalize', 'capitalizeFirst', 'stripTags', 'slugify'] as const;

/** Strings in the data: HTML specials, words, falsy-looking text, unicode, whitespace. */
export const STRINGS = [
  '',
  ' ',
  'a',
  'Ab c',
  'hello world',
  '0',
  'false',
  'true',
  '10',
  '-1.5',
  '<b>&amp;</b>',
  `O'Brien "x"=\`y\``,
  'é日😀',
  'x\ny',
  '  pad  ',
  'a-b_c',
];

/** Literals a template passes as params (Handlebars.java's grammar: double or single quoted strings, numbers, booleans). */
export const LITERALS = ['"x"', '""', '"a b"', '"<&>"', "'s'", '"0"', '0', '1', '-1', '2', '10', '1.5', 'true', 'false'];

/** Text between tags: letters, whitespace of every kind `~` removes, HTML specials (never in the tags' eyes). */
export const TEXT_UNITS = ['a', 'b', 'Z', ' ', ' ', '  ', '\n', '\t', '\r\n', '<', '&', "'", '"', '=', 'é', '(', '|', '.', ',', '-'];

/** Rarer text: single braces and brackets and a backslash, which can meet a delimiter and change how a tag reads. */
export const RARE_TEXT_UNITS = ['{', '}', '[', ']', '\\'];
