/**
 * Iterable's own conditional block helpers: `#ifEq`, `#ifGt`, `#ifGte`, `#ifLt`, `#ifLte`, `#ifModEq`,
 * `#ifContainsStr`, `#ifMatchesRegexStr` and `#ifContains`, each with an optional `{{else}}`. They are not part of
 * Handlebars.java and their source is not public, so their semantics come from Iterable's documentation:
 *   - support article 115003884806 (Conditional Logic): `#ifEq` compares "values represented as strings, longs,
 *     and doubles. The two values do not need to have the same data type, but they must represent the same value"
 *     (a string "100" equals 100); `#ifGt`/`#ifGte`/`#ifLt`/`#ifLte` likewise; "If a merge tag using the
 *     #ifContainsStr helper references an empty or missing field, the template fails, and the message will not be
 *     sent to that user";
 *   - support article 205480365 (Personalizing Templates): comparisons "work for string literals as well as
 *     fields", alphabetic order is case sensitive, a comparison that "references a non-existent or null field"
 *     fails the template; `#ifContains` takes a JSON string describing the object to look for;
 *   - support article 211728403 (Regular Expressions): matching is case-sensitive, against the full string, with no
 *     `/i`-style modifiers; "If a message fails for only some users, check for null or missing fields".
 * A failure is a `HelperError`: the render fails with `HandlebarsExecutionError` and the message is not sent.
 *
 * The inline form (`{{ifEq a b}}`, or a subexpression) is not documented; mergetag returns the boolean.
 */
import { parseJson } from '../../../values/json.js';
import { printValue } from '../../../values/print.js';
import { SafeString, type Value } from '../../../values/types.js';
import { HelperError, SendSkip } from '../../../runtime/errors.js';
import type { HelperCall, HelperDefinition } from '../../types.js';
import { JavaRegexSyntaxError, JavaRegexUnsupported, RegexBudgetExceeded, compileJavaRegex } from './java-regex.js';
import { decimalOf, decimalToNumber, describe, integerOfDecimal, looseCompare, looseEquals } from './java-values.js';

const CONDITIONAL_LOGIC = 'https://support.iterable.com/hc/en-us/articles/115003884806';
const PERSONALIZING = 'https://support.iterable.com/hc/en-us/articles/205480365';
const REGEX = 'https://support.iterable.com/hc/en-us/articles/211728403';

const FAILS = 'the template fails and the message is not sent (HandlebarsExecutionError)';

function branch(call: HelperCall, result: boolean): Value {
  if (call.isBlock) return result ? call.fn() : call.inverse();
  return result;
}

/** A value the helper cannot do without: null or missing fails the render, as Iterable documents. */
function required(call: HelperCall, index: number, role: string): Value {
  const value = call.params[index];
  if (value === null || value === undefined) {
    const what = index < call.params.length ? 'is missing or null' : 'was not given';
    throw new HelperError(`the ${role} ${what}: ${FAILS}. Guard it with {{#if …}} or give a fallback with defaultIfEmpty`);
  }
  return value;
}

/** Text of a scalar (numbers as Java prints them); arrays and objects are not text. */
function textOf(value: Value, role: string): string {
  if (Array.isArray(value) || value instanceof Map) {
    throw new HelperError(`the ${role} must be a string, not ${describe(value)}`);
  }
  return printValue(value);
}

const NULL_NOTE =
  'A null or missing value fails the render: Iterable documents it for the comparison helpers (#gt, #lt, … in ' +
  'support article 205480365; #ifContainsStr in 115003884806); for the #if… helpers mergetag infers the same.';

// ---- #ifEq ----------------------------------------------------------------------------------------------------

const ifEq: HelperDefinition = {
  meta: {
    name: 'ifEq',
    noParamsFails: true,
    form: 'both',
    params: [
      { name: 'value1', type: 'any' },
      { name: 'value2', type: 'any' },
    ],
    description: 'Renders the block when the two values represent the same value: "100" equals 100, 2 equals 2.0; two strings compare as text.',
    failsOnMissing: true,
    onMissing: `fails the render (inferred: ${FAILS})`,
    docsUrl: CONDITIONAL_LOGIC,
    fidelity: 'approximate',
    notes:
      'Documented: strings, longs and doubles compare by the value they represent ("100" equals 100, not 101). ' +
      'Inferred: two strings compare as exact text ("100" is not "100.0"); a boolean equals the same boolean or its ' +
      'text; arrays and objects compare item by item. ' +
      NULL_NOTE +
      ' A third-party guide (email-love/esp-skills) claims #ifEq is safe with nulls; no Iterable page says so.',
  },
  fn: (call) => branch(call, looseEquals(required(call, 0, 'first value'), required(call, 1, 'second value'))),
};

// ---- #ifGt, #ifGte, #ifLt, #ifLte ------------------------------------------------------------------------------

function ordering(name: 'ifGt' | 'ifGte' | 'ifLt' | 'ifLte', holds: (c: number) => boolean, words: string): HelperDefinition {
  return {
    meta: {
      name,
      noParamsFails: true,
      form: 'both',
      params: [
        { name: 'value1', type: 'any' },
        { name: 'value2', type: 'any' },
      ],
      description: `Renders the block when the first value is ${words} the second: numbers and numeric strings by value, other strings alphabetically.`,
      failsOnMissing: true,
      onMissing: `fails the render (${FAILS})`,
      docsUrl: CONDITIONAL_LOGIC,
      fidelity: 'approximate',
      notes:
        'Documented: compares values represented as strings, longs and doubles, of any mix of types; works on dates ' +
        'formatted as numeric strings (yyyyMMddHHmmss). Inferred: two values that both represent numbers compare ' +
        'exactly by value ("10" > "9"); two other strings compare by UTF-16 code units, case-sensitively, as ' +
        'documented for #lt/#gt; a number against a non-numeric string, arrays and objects fail the render. ' +
        NULL_NOTE,
    },
    fn: (call) => branch(call, holds(looseCompare(required(call, 0, 'first value'), required(call, 1, 'second value')))),
  };
}

// ---- #ifModEq -------------------------------------------------------------------------------------------------

function numberArg(call: HelperCall, index: number, role: string) {
  const value = required(call, index, role);
  const decimal = decimalOf(value);
  if (decimal === undefined) throw new HelperError(`the ${role} must be a number, not ${describe(value)}`);
  return decimal;
}

const ifModEq: HelperDefinition = {
  meta: {
    name: 'ifModEq',
    noParamsFails: true,
    form: 'both',
    params: [
      { name: 'value', type: 'number' },
      { name: 'divisor', type: 'number' },
      { name: 'remainder', type: 'number' },
    ],
    description: 'Renders the block when value % divisor equals remainder (e.g. {{#ifModEq @index 2 0}} for every other row).',
    failsOnMissing: true,
    onMissing: `fails the render (inferred: ${FAILS})`,
    docsUrl: CONDITIONAL_LOGIC,
    fidelity: 'approximate',
    notes:
      'Integers (and numeric strings) use exact integer arithmetic; the remainder has the sign of the value, as ' +
      "Java's % has (-7 % 3 is -1). Other numbers use double arithmetic. Inferred: a divisor of 0, a non-numeric " +
      'value and a null or missing value fail the render.',
  },
  fn: (call) => {
    const value = numberArg(call, 0, 'value');
    const divisor = numberArg(call, 1, 'divisor');
    const remainder = numberArg(call, 2, 'remainder');
    const [v, d, r] = [integerOfDecimal(value), integerOfDecimal(divisor), integerOfDecimal(remainder)];
    if (v !== undefined && d !== undefined && r !== undefined) {
      if (d === 0n) throw new HelperError('division by zero: the divisor is 0');
      return branch(call, v % d === r);
    }
    const dd = decimalToNumber(divisor);
    if (dd === 0) throw new HelperError('division by zero: the divisor is 0');
    return branch(call, decimalToNumber(value) % dd === decimalToNumber(remainder));
  },
};

// ---- #ifContainsStr -------------------------------------------------------------------------------------------

const ifContainsStr: HelperDefinition = {
  meta: {
    name: 'ifContainsStr',
    noParamsFails: true,
    form: 'both',
    params: [
      { name: 'string', type: 'string' },
      { name: 'substring', type: 'string' },
    ],
    description: 'Renders the block when the string contains the substring (case-sensitive).',
    failsOnMissing: true,
    onMissing:
      'fails the render: "If a merge tag using the #ifContainsStr helper references an empty or missing field, the template fails, and the message will not be sent to that user" (support article 115003884806)',
    docsUrl: CONDITIONAL_LOGIC,
    fidelity: 'exact',
    notes: 'An empty string fails like a missing one, as documented. Numbers and booleans are searched as the text Java prints.',
  },
  fn: (call) => {
    const haystack = textOf(required(call, 0, 'string'), 'string');
    if (haystack === '') throw new HelperError(`the string is empty: ${FAILS} (documented for #ifContainsStr)`);
    const needle = textOf(required(call, 1, 'substring'), 'substring');
    return branch(call, haystack.includes(needle));
  },
};

// ---- #ifMatchesRegexStr ---------------------------------------------------------------------------------------

const ifMatchesRegexStr: HelperDefinition = {
  meta: {
    name: 'ifMatchesRegexStr',
    noParamsFails: true,
    form: 'both',
    params: [
      { name: 'value', type: 'string' },
      { name: 'pattern', type: 'string', description: 'a Java regular expression, matched against the whole value' },
    ],
    description: 'Renders the block when the whole value matches the Java regular expression (case-sensitive; ".*camera.*" to find a substring).',
    failsOnMissing: true,
    onMissing: `fails the render (inferred from "If a message fails for only some users, check for null or missing fields", support article 211728403: ${FAILS})`,
    docsUrl: REGEX,
    fidelity: 'approximate',
    notes:
      "Java's String.matches: the pattern must match the whole value; case-sensitive unless the pattern starts with " +
      '(?i); a trailing /i is literal text. The Java pattern is translated to a JavaScript one (\\s is ASCII ' +
      'whitespace, \\p{Alpha} and the other POSIX classes, \\Q…\\E, \\A, \\z, \\h, \\R, nested classes). An invalid ' +
      'pattern fails the render, as Java rejects it. Matching is bounded: patterns RE2 can express run in time linear ' +
      "in the value (re2js); back references, lookaround, atomic groups and possessive quantifiers (with Java's " +
      'no-backtracking rule: a*+a never matches) run on a backtracking matcher that stops after 1,000,000 steps and ' +
      'fails the render (error regex-budget). Class intersections (&&), Unicode blocks, \\G and inline flags after ' +
      'the start are not supported: the else block renders, with a warning (unsupported-regex).',
  },
  fn: (call) => {
    const value = textOf(required(call, 0, 'value'), 'value');
    const pattern = textOf(required(call, 1, 'pattern'), 'pattern');
    let compiled;
    try {
      compiled = compileJavaRegex(pattern);
    } catch (error) {
      if (error instanceof JavaRegexUnsupported) {
        call.warn(
          'unsupported-regex',
          `ifMatchesRegexStr: ${error.message}, so mergetag cannot tell whether ${JSON.stringify(pattern)} matches; it rendered the else block`,
          'rewrite the pattern without that construct',
        );
        return branch(call, false);
      }
      if (error instanceof JavaRegexSyntaxError) {
        throw new HelperError(`invalid regular expression ${JSON.stringify(pattern)}: ${error.message}`);
      }
      if (error instanceof RegexBudgetExceeded) throw budgetSkip(pattern, value, error);
      throw error;
    }
    for (const note of compiled.approximations) {
      call.warn('regex-approximation', `ifMatchesRegexStr: in ${JSON.stringify(pattern)}, ${note}; the result may differ from Iterable's`);
    }
    let matched: boolean;
    try {
      matched = compiled.matches(value);
    } catch (error) {
      if (error instanceof RegexBudgetExceeded) throw budgetSkip(pattern, value, error);
      throw error;
    }
    return branch(call, matched);
  },
};

/**
 * A pattern that backtracks past the budget would take Java as long (or longer): the send would time out or be
 * unpredictable, so the message stops here, with its own rule id.
 */
function budgetSkip(pattern: string, value: string, error: RegexBudgetExceeded): SendSkip {
  return new SendSkip(
    'HandlebarsExecutionError',
    `ifMatchesRegexStr: ${JSON.stringify(pattern)} against a ${value.length}-character value: ${error.message}; ` +
      'Java backtracks on this pattern too, so the send would time out or be unpredictable. Rewrite the pattern ' +
      'without back references, lookaround or nested quantifiers (or with possessive ones, such as a++)',
    undefined,
    'regex-budget',
  );
}

// ---- #ifContains ----------------------------------------------------------------------------------------------

/** The value to look for: a JSON object or array written as a string is read as JSON. */
function wanted(value: Value): Value {
  const text = value instanceof SafeString ? value.html : value;
  if (typeof text !== 'string') return value;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  const parsed = parseJson(trimmed);
  return parsed.ok ? parsed.value : value;
}

/** An item matches an object pattern when it has every key of it with a matching value; otherwise `#ifEq` equality. */
function matches(item: Value, pattern: Value): boolean {
  if (pattern instanceof Map) {
    if (!(item instanceof Map)) return false;
    for (const [key, expected] of pattern) {
      if (!item.has(key) || !matches(item.get(key), expected)) return false;
    }
    return true;
  }
  return looseEquals(item, pattern);
}

const ifContains: HelperDefinition = {
  meta: {
    name: 'ifContains',
    noParamsFails: true,
    form: 'both',
    params: [
      { name: 'array', type: 'array' },
      { name: 'value', type: 'any', description: `a value, or a JSON object as a string: '{"productName":"chips"}'` },
    ],
    description: `Renders the block when the array holds the value, or an object with the fields of the JSON string ({{#ifContains items '{"k":"v"}'}}).`,
    failsOnMissing: true,
    onMissing: `fails the render (inferred: ${FAILS})`,
    docsUrl: PERSONALIZING,
    fidelity: 'approximate',
    notes:
      'Documented: a JSON object string finds an array item with that field value; "1234567" finds a list id in ' +
      'emailListIds. Inferred: an object pattern matches an item that has at least its keys (other fields are ' +
      'ignored, nested objects likewise); other values match items by #ifEq equality ("5" finds 5); a null or ' +
      'missing array or value, or a first value that is not an array, fails the render.',
  },
  fn: (call) => {
    const array = required(call, 0, 'array');
    if (!Array.isArray(array)) throw new HelperError(`the first value must be an array, not ${describe(array)}`);
    const pattern = wanted(required(call, 1, 'value'));
    return branch(
      call,
      array.some((item) => matches(item, pattern)),
    );
  },
};

export const iterableIfHelpers: HelperDefinition[] = [
  ifEq,
  ordering('ifGt', (c) => c > 0, 'greater than'),
  ordering('ifGte', (c) => c >= 0, 'greater than or equal to'),
  ordering('ifLt', (c) => c < 0, 'less than'),
  ordering('ifLte', (c) => c <= 0, 'less than or equal to'),
  ifModEq,
  ifContainsStr,
  ifMatchesRegexStr,
  ifContains,
];
