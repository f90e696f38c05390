/**
 * The case helpers Iterable documents under jknack's names: `capitalizeFirst`, `capitalize` (`fully=`), `upper`,
 * `lower`. Their outputs are jknack's (corpus `helpers.jsonl`); Iterable's documented examples agree.
 */
import { printValue } from '../../../values/print.js';
import { booleanParam, FALSY_INPUT, STRING_HELPERS_DOCS, stringHelper, VALUE_WITH_FALLBACK } from './arguments.js';
import { capitalizeFirstCodePoint, capitalizeWords, capitalizeWordsFully, javaLowerCase, javaUpperCase } from './java-strings.js';

const UNICODE_NOTE =
  'Case mappings follow the Unicode data of the JavaScript engine; JDK 17 knows Unicode 13, so letters that gained a case pair since (Vithkuqi, Garay, a few Latin additions) differ.';

const SIGMA_NOTE =
  'A capital sigma becomes a final ς by Unicode\'s rule here; Java finds the end of a word with its own BreakIterator, so the two disagree when Σ touches punctuation ("ω-Σ": Java ω-ς, mergetag ω-σ).';

export const capitalizeFirstHelper = stringHelper(
  {
    name: 'capitalizeFirst',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    description: 'The value with its first character in title case (`ǆemal` → `ǅemal`); the rest is kept.',
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: UNICODE_NOTE,
  },
  (value) => capitalizeFirstCodePoint(printValue(value)),
);

export const capitalizeHelper = stringHelper(
  {
    name: 'capitalize',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    hash: [{ name: 'fully', type: 'boolean', optional: true, description: 'also lowercase the rest of each word' }],
    description:
      'Title-cases the first letter of every word; only spaces separate words (not tabs, newlines, hyphens or apostrophes). `fully=true` lowercases the rest of each word first.',
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'approximate',
    notes: `fully= must be an unquoted boolean: fully="true" fails the render. With fully=true: ${SIGMA_NOTE} ${UNICODE_NOTE}`,
  },
  (value, _params, call) => {
    const fully = booleanParam(call.hash.get('fully'), 'fully=') ?? false;
    const text = printValue(value);
    return fully ? capitalizeWordsFully(text) : capitalizeWords(text);
  },
);

export const upperHelper = stringHelper(
  {
    name: 'upper',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    description: "The value in upper case, as Java's toUpperCase (`straße` → `STRASSE`, `ﬁne` → `FINE`).",
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes: UNICODE_NOTE,
  },
  (value) => javaUpperCase(printValue(value)),
);

export const lowerHelper = stringHelper(
  {
    name: 'lower',
    form: 'inline',
    params: VALUE_WITH_FALLBACK,
    description: "The value in lower case, as Java's toLowerCase (`İSTANBUL` → `i̇stanbul`, `ΣΟΦΟΣ` → `σοφος`).",
    onMissing: FALSY_INPUT,
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'approximate',
    notes: `${SIGMA_NOTE} ${UNICODE_NOTE}`,
  },
  (value) => javaLowerCase(printValue(value)),
);
