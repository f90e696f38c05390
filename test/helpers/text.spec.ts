/**
 * The text helpers (src/helpers/iterable/text.ts): Iterable's documented examples (golden, with their pages),
 * jknack's behaviour beyond them (the corpus helpers.jsonl runs in test/conformance; these cover what it does
 * not), and fast-check laws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textHelpers } from '../../src/helpers/iterable/text.js';
import type { HelperCall, HelperDefinition } from '../../src/helpers/types.js';
import { HelperError } from '../../src/runtime/errors.js';
import { JsonNumber } from '../../src/values/json-number.js';
import { SafeString, type Value } from '../../src/values/types.js';
import { expectTemplate } from '../support/expect-template.js';

/** "Personalizing Templates with Handlebars", section "Working with strings" (and "Working with lists/arrays"). */
const HB = 'https://support.iterable.com/hc/en-us/articles/205480365';
/**
 * "Text Helpers". Its examples are read from a copy of the page (its code samples are images there, so the
 * parameters below are the ones the shown output implies); the page itself is not in the reference corpus.
 */
const TEXT_HELPERS = 'https://support.iterable.com/hc/en-us/articles/36488450881044';

function render(template: string, user: unknown): string {
  return expectTemplate(template).withUser(user).run().output;
}

describe(`documented examples (${HB})`, () => {
  it(`capitalize: {{capitalize "war and peace"}} and {{capitalize favoriteBook}} (${HB}, "Handlebars helpers and block helpers")`, () => {
    expectTemplate('{{capitalize "war and peace"}}\n{{capitalize favoriteBook}}')
      .withUser({ favoriteBook: 'animal farm' })
      .toRender('War And Peace\nAnimal Farm');
  });

  it(`capitalizeFirst (lower firstName): nested helpers lowercase, then capitalize the first letter (${HB}, "Helpers")`, () => {
    expectTemplate('{{capitalizeFirst (lower firstName)}}').withUser({ firstName: 'cHRISTOPHER' }).toRender('Christopher');
  });

  it(`length: {{myMergeParam.length}} of an 8-character string outputs 8 (${HB}, "String length")`, () => {
    expectTemplate('{{myMergeParam.length}}').withUser({ myMergeParam: 'Iterable' }).toRender('8');
  });

  it(`capitalizeFirst: iterable → Iterable (${HB})`, () => {
    expectTemplate('{{capitalizeFirst myMergeParam}}').withUser({ myMergeParam: 'iterable' }).toRender('Iterable');
  });

  it(`capitalize: iterable document → Iterable Document (${HB})`, () => {
    expectTemplate('{{capitalize myMergeParam}}').withUser({ myMergeParam: 'iterable document' }).toRender('Iterable Document');
  });

  it(`upper: ItErAbLe → ITERABLE (${HB})`, () => {
    expectTemplate('{{upper myMergeParam}}').withUser({ myMergeParam: 'ItErAbLe' }).toRender('ITERABLE');
  });

  it(`lower: ItErAbLe → iterable (${HB})`, () => {
    expectTemplate('{{lower myMergeParam}}').withUser({ myMergeParam: 'ItErAbLe' }).toRender('iterable');
  });

  it(`cut: {{cut myMergeParam " "}} removes the spaces of "The cat climbed the tree" (${HB})`, () => {
    expectTemplate('{{cut myMergeParam " "}}').withUser({ myMergeParam: 'The cat climbed the tree' }).toRender('Thecatclimbedthetree');
  });

  it(`replace: {{replace myMergeParam " " "-"}} (${HB})`, () => {
    expectTemplate('{{replace myMergeParam " " "-"}}').withUser({ myMergeParam: 'The dog ran around the block' }).toRender('The-dog-ran-around-the-block');
  });

  it(`substring: {{substring myMergeParam 3 6}} of "iterable document" is "rab" (${HB})`, () => {
    expectTemplate('{{substring myMergeParam 3 6}}').withUser({ myMergeParam: 'iterable document' }).toRender('rab');
  });

  it(`abbreviate: {{abbreviate myMergeParam 7}} of "Apples are red" is "Appl..." (${HB})`, () => {
    expectTemplate('{{abbreviate myMergeParam 7}}').withUser({ myMergeParam: 'Apples are red' }).toRender('Appl...');
  });

  it(`slugify: "It's time for our 2nd annual fall sale" (${HB})`, () => {
    expectTemplate('{{slugify myMergeParam}}')
      .withUser({ myMergeParam: "It's time for our 2nd annual fall sale" })
      .toRender('its-time-for-our-nd-annual-fall-sale');
  });

  it(`#breaklines: two lines separated by a blank line → Hi there!<br><br>How are you? (${HB})`, () => {
    expectTemplate('{{#breaklines}}{{myMergeParam}}{{/breaklines}}')
      .withUser({ myMergeParam: 'Hi there!\n\nHow are you?' })
      .toRender('Hi there!<br><br>How are you?');
  });

  it(`#breaklines: "\\r\\n" is replaced like "\\n" (${HB}: "To replace \\n or \\r\\n with <br>")`, () => {
    expectTemplate('{{#breaklines}}{{myMergeParam}}{{/breaklines}}')
      .withUser({ myMergeParam: 'Hi there!\r\n\r\nHow are you?' })
      .toRender('Hi there!<br><br>How are you?');
  });

  it(`center: {{center myMergeParam size=20 pad="-"}} of Hello (${HB})`, () => {
    expectTemplate('{{center myMergeParam size=20 pad="-"}}').withUser({ myMergeParam: 'Hello' }).toRender('-------Hello--------');
  });

  // The page shows the call and says prefix and suffix are optional, without an output; jknack prints each element
  // as JSON, so strings keep their quotes (escaped by {{ }}) and numbers do not.
  it(`join: {{join myMergeParam ", " prefix="Start - " suffix=" - End"}} (${HB}, "Concatenate values in an array")`, () => {
    const template = '{{join myMergeParam ", " prefix="Start - " suffix=" - End"}}';
    expectTemplate(template).withUser('{"myMergeParam": [1, 2, 3]}').toRender('Start - 1, 2, 3 - End');
    expectTemplate(template)
      .withUser({ myMergeParam: ['shoes', 'jacket'] })
      .toRender('Start - &quot;shoes&quot;, &quot;jacket&quot; - End');
    expectTemplate('{{join myMergeParam ", "}}').withUser('{"myMergeParam": [1, 2, 3]}').toRender('1, 2, 3');
  });
});

describe(`documented examples (${TEXT_HELPERS})`, () => {
  it('length: Alethea → 7, as {{length firstName}} and as {{firstName.length}}', () => {
    expectTemplate('{{length firstName}}|{{firstName.length}}').withUser({ firstName: 'Alethea' }).toRender('7|7');
  });

  it('capitalizeFirst: alethea → Alethea', () => {
    expectTemplate('{{capitalizeFirst firstName}}').withUser({ firstName: 'alethea' }).toRender('Alethea');
  });

  it('capitalize: alethea jones → Alethea Jones', () => {
    expectTemplate('{{capitalize fullName}}').withUser({ fullName: 'alethea jones' }).toRender('Alethea Jones');
  });

  it('upper: alethea → ALETHEA; lower: ALETHEA → alethea', () => {
    expectTemplate('{{upper a}} {{lower b}}').withUser({ a: 'alethea', b: 'ALETHEA' }).toRender('ALETHEA alethea');
  });

  it('cut: 555-123-4567 → 5551234567', () => {
    expectTemplate('{{cut phone "-"}}').withUser({ phone: '555-123-4567' }).toRender('5551234567');
  });

  it('replace: 555-123-4567 → 555.123.4567', () => {
    expectTemplate('{{replace phone "-" "."}}').withUser({ phone: '555-123-4567' }).toRender('555.123.4567');
  });

  // The copy prints the ellipsis as one character ("The quick…"); jknack's marker is three dots, which Iterable's
  // older page shows ("Appl...").
  it('abbreviate: The quick brown fox → The quick...', () => {
    expectTemplate('{{abbreviate description 12}}').withUser({ description: 'The quick brown fox' }).toRender('The quick...');
  });

  it('slugify: My Great Article! → my-great-article', () => {
    expectTemplate('{{slugify title}}').withUser({ title: 'My Great Article!' }).toRender('my-great-article');
  });

  // The copy shows the output HTML-escaped ("123 Main St&lt;br&gt;Anytown"), most likely the page displaying the
  // tag as text; the older page's example output has a real <br>.
  it('#breaklines: 123 Main St\\nAnytown → 123 Main St<br>Anytown', () => {
    expectTemplate('{{#breaklines}}{{address}}{{/breaklines}}').withUser({ address: '123 Main St\nAnytown' }).toRender('123 Main St<br>Anytown');
  });

  it('substring: Alethea → Ale', () => {
    expectTemplate('{{substring firstName 0 3}}').withUser({ firstName: 'Alethea' }).toRender('Ale');
  });
});

describe('falsy values (jknack StringHelpers)', () => {
  it.each([
    ['{{upper x "n/a"}}', 'n/a'],
    ['{{lower x "N/A"}}', 'N/A'],
    ['{{capitalize x "guest" fully=true}}', 'guest'],
    ['{{slugify x "fallback"}}', 'fallback'],
    ['{{stripTags x "<b>"}}', '&lt;b&gt;'],
    ['[{{center x size=5}}]', '[]'],
    ['{{abbreviate x 5}}', '5'],
    ['{{substring x 2 4}}', '2'],
    ['{{replace x "a" "b"}}', 'a'],
    ['{{upper x 2.50}}', '2.5'],
    ['[{{upper x nothing}}]', '[]'],
  ])('%s prints its next parameter, or nothing', (template, expected) => {
    for (const x of ['""', '0', '0.0', 'false', 'null', '[]']) {
      expect(render(template, `{"x": ${x}}`), `x = ${x}`).toBe(expected);
    }
    expect(render(template, '{}'), 'x missing').toBe(expected);
  });

  it('cut and join print nothing, whatever follows', () => {
    expectTemplate('[{{cut x "a"}}|{{join x ", "}}|{{join x}}]').withUser('{"x": ""}').toRender('[||]');
    expectTemplate('[{{cut x "a"}}|{{join x "-"}}]').withUser('{"x": []}').toRender('[|]');
  });

  it('falsy values skip the parameter checks: a bad hash or index only fails when there is a value', () => {
    expectTemplate('[{{capitalize x fully="yes"}}{{center x size="7"}}{{substring x "1"}}]').withUser('{"x": ""}').toRender('[1]');
    expectTemplate('{{capitalize x fully="yes"}}')
      .withUser({ x: 'a' })
      .toSkip('HandlebarsExecutionError', /fully=/);
  });

  it('"0", "false" and " " are values, not empty', () => {
    expectTemplate('{{upper a "x"}}|{{upper b "x"}}|[{{upper c "x"}}]').withUser({ a: '0', b: 'false', c: ' ' }).toRender('0|FALSE|[ ]');
  });
});

describe('the value the helpers work on', () => {
  // Handlebars.java hands a helper without parameters the raw Jackson node of `this`: a text node counts as
  // empty, an object node prints as JSON text (HelperResolver.determineContext, Handlebars.Utils.isEmpty). A bare
  // {{length}} is a path (Iterable documents the property form), and a text node has no member length.
  it('without parameters a helper works on the Jackson node of `this`', () => {
    expectTemplate('{{#each names}}[{{upper}}|{{capitalize}}|{{cut}}|{{length}}]{{/each}}')
      .withUser({ names: ['ann lee', 'bo'] })
      .toRender('[|||][|||]');
    expectTemplate('{{#with name}}[{{upper}}|{{length}}]{{/with}}').withUser({ name: 'ann lee' }).toRender('[ANN LEE|7]');
    expectTemplate('{{#each rows}}{{{upper}}}|{{{join}}}{{/each}}')
      .withUser({ rows: [{ a: 'x', n: 1.5 }] })
      .toSkip('HandlebarsExecutionError', /needs a separator/);
    expectTemplate('{{#each rows}}{{{upper}}};{{/each}}')
      .withUser({ rows: [{ a: 'x', n: 1.5 }, {}] })
      .toRender('{"A":"X","N":1.5};;');
    expectTemplate('{{#each lists}}{{{upper}}};{{/each}}')
      .withUser({ lists: [['a', 1], []] })
      .toRender('["A",1];;');
  });

  it('numbers, booleans, arrays and objects are printed as Iterable prints them first', () => {
    expectTemplate('{{upper d}}|{{lower b}}|{{cut big "0"}}|{{upper arr}}|{{capitalizeFirst obj}}')
      .withUser('{"d": 1e7, "b": true, "big": 10000000000000000000001, "arr": ["a"], "obj": {"k": "v"}}')
      .toRender('1.0E7|true|11|[&quot;A&quot;]|{k&#x3D;&quot;v&quot;}');
  });

  it('work the same in the [[ ]] family', () => {
    expectTemplate('[[capitalize s]]|[[substring s 0 5]]|[[join list "+"]]')
      .withUnaliasedFeed({ s: 'voucher code', list: ['A', 'B'] })
      .toRender('Voucher Code|vouch|&quot;A&quot;+&quot;B&quot;');
  });
});

describe('case helpers', () => {
  it('capitalizeFirst titlecases one code point and keeps the rest', () => {
    expectTemplate('{{capitalizeFirst a}}|{{capitalizeFirst b}}|{{capitalizeFirst c}}|{{capitalizeFirst d}}|{{capitalizeFirst e}}')
      .withUser({ a: 'ᾳλφα', b: 'ანა', c: 'ßtraße', d: '𐐨x', e: 'ﬁne' })
      .toRender('ᾼλφα|ანა|ßtraße|𐐀x|ﬁne');
  });

  it('capitalize breaks words at spaces only; fully=true lowercases the rest first', () => {
    expectTemplate('{{capitalize s}}|{{capitalize s fully=true}}|{{capitalize s fully=false}}|{{capitalize s fully=nope}}')
      .withUser({ s: "mcDONALD's  o'neil-smith\tjr ǆx" })
      .toRender(
        'McDONALD&#x27;s  O&#x27;neil-smith\tjr ǅx|Mcdonald&#x27;s  O&#x27;neil-smith\tjr ǅx|McDONALD&#x27;s  O&#x27;neil-smith\tjr ǅx|McDONALD&#x27;s  O&#x27;neil-smith\tjr ǅx',
      );
  });

  // The documented approximation (meta.notes): JDK 17 prints ω-ς here, choosing word ends with its BreakIterator.
  it('a final sigma follows Unicode: ς before a space or the end, σ before a hyphen', () => {
    expectTemplate('{{lower s}}|{{capitalize s fully=true}}').withUser({ s: 'ΟΔΟΣ ω-Σ' }).toRender('οδος ω-σ|Οδος Ω-σ');
  });

  it('fully= must be an unquoted boolean', () => {
    expectTemplate('{{capitalize s fully=1}}')
      .withUser({ s: 'a' })
      .toSkip('HandlebarsExecutionError', /fully= must be true or false/);
  });

  it("upper and lower use Java's full case mappings", () => {
    expectTemplate('{{upper a}}|{{lower b}}|{{lower c}}|{{upper d}}')
      .withUser({ a: 'ŉ ǰ ﬀ', b: 'ΟΔΟΣ ΣΟΦΟΣ', c: 'Iİ', d: 'ᾳ' })
      .toRender('ʼN J̌ FF|οδος σοφος|ii̇|ΑΙ');
  });
});

describe('cut and replace', () => {
  it('cut removes a space by default, also when the text to remove is missing', () => {
    expectTemplate('{{cut s}}|{{cut s nope}}|{{cut s ""}}').withUser({ s: 'a b c' }).toRender('abc|abc|a b c');
  });

  it('cut and replace want strings, not numbers', () => {
    expectTemplate('{{replace s "1" 2}}')
      .withUser({ s: 'a1' })
      .toSkip('HandlebarsExecutionError', /replacement must be a string/);
    expectTemplate('{{replace s 1 "2"}}')
      .withUser({ s: 'a1' })
      .toSkip('HandlebarsExecutionError', /replace must be a string/);
  });

  it('replace needs its target and its replacement', () => {
    expectTemplate('{{replace s nope "x"}}')
      .withUser({ s: 'abc' })
      .toSkip('HandlebarsExecutionError', /needs the text to replace/);
    expectTemplate('{{replace s "a" nope}}')
      .withUser({ s: 'abc' })
      .toSkip('HandlebarsExecutionError', /needs a replacement/);
  });

  it('replace is literal and left to right, without overlaps', () => {
    expectTemplate('{{{replace s "aa" "b"}}}|{{{replace s "a" "$&"}}}|{{{replace t "." backslash}}}')
      .withUser({ s: 'aaa', t: 'a.b', backslash: '\\' })
      .toRender('ba|$&$&$&|a\\b');
  });

  it('an empty target surrounds every UTF-16 unit, splitting an emoji as Java does', () => {
    const output = render('{{{replace s "" "-"}}}', { s: 'a😀' });
    expect(output).toBe('-a-\uD83D-\uDE00-');
  });
});

describe('substring', () => {
  it('end is optional, also when it is a missing field', () => {
    expectTemplate('{{substring s 2}}|{{substring s 2 nope}}|{{substring s 0 0}}.').withUser({ s: 'abcdef' }).toRender('cdef|cdef|.');
  });

  it.each([
    ['{{substring s -1}}', /begin -1, end 6/],
    ['{{substring s 4 2}}', /begin 4, end 2/],
    ['{{substring s 0 7}}', /begin 0, end 7/],
    ['{{substring s 1.0}}', /start index must be a whole number .*decimal number 1\.0/],
    ['{{substring s 3000000000}}', /start index must be/],
    ['{{substring s 0 "2"}}', /end index must be a whole number/],
    ['{{substring s nope}}', /start index is null or missing/],
    ['{{substring s}}', /needs a start index/],
  ])('%s fails the render', (template, message) => {
    expectTemplate(template).withUser({ s: 'abcdef' }).toSkip('HandlebarsExecutionError', message);
  });

  it('counts UTF-16 units: an emoji is two, and can be split', () => {
    expectTemplate('{{substring s 0 2}}|{{substring s 1 3}}').withUser({ s: '😀x' }).toRender('😀|\uDE00x');
  });

  it('takes indexes from the data', () => {
    expectTemplate('{{substring s from to}}').withUser('{"s": "abcdef", "from": 1, "to": 4}').toRender('bcd');
  });
});

describe('abbreviate', () => {
  it('keeps text that fits, else keeps width - 3 units and adds ...', () => {
    expectTemplate('{{abbreviate s 4}}|{{abbreviate s 9}}|{{abbreviate s 8}}').withUser({ s: 'abcdefghi' }).toRender('a...|abcdefghi|abcde...');
  });

  it('a width under 4 fails even when the text is short; so do a missing or decimal width', () => {
    expectTemplate('{{abbreviate s 3}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /at least 4/);
    expectTemplate('{{abbreviate s}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /needs a width/);
    expectTemplate('{{abbreviate s 5.0}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /whole number/);
  });
});

describe('slugify', () => {
  it('drops letters outside the BMP and keeps non-breaking spaces out of the hyphens', () => {
    expectTemplate('[{{slugify a}}]|[{{slugify b}}]|[{{slugify c}}]')
      .withUser({ a: '𝐀b c', b: 'a\u00a0b', c: '\u3000a\u3000b\u2028' })
      .toRender('[b-c]|[ab]|[a-b]');
  });

  it('lowercases one unit at a time: İ becomes i, not i̇', () => {
    expectTemplate('{{slugify s}}').withUser({ s: 'İSTANBUL ÇAY' }).toRender('istanbul-çay');
  });
});

describe('center', () => {
  it('an empty pad is a space; a size not above the length keeps the text', () => {
    expectTemplate('[{{center s size=5 pad=""}}]|[{{center s size=-3}}]|[{{center s size=5 pad=nope}}]').withUser({ s: 'ab' }).toRender('[ ab  ]|[ab]|[ ab  ]');
  });

  it('needs an integer size= and a string pad=', () => {
    expectTemplate('{{center s size=nope}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /needs size=/);
    expectTemplate('{{center s size=5.5}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /size= must be a whole number/);
    expectTemplate('{{center s size=5 pad=0}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /pad= must be a string/);
  });

  it('refuses to build a text too long to hold', () => {
    expectTemplate('{{center s size=2147483647}}')
      .withUser({ s: 'ab' })
      .toSkip('HandlebarsExecutionError', /mergetag stops at/);
  });
});

describe('join', () => {
  it('joins several values with the last parameter; missing ones print nothing', () => {
    expectTemplate('{{join a nope c "/"}}|{{join a "/"}}').withUser('{"a": 1, "c": "z"}').toRender('1//z|1');
  });

  it('prints array elements as JSON text, nested arrays and objects included', () => {
    expectTemplate('{{{join a " | "}}}')
      .withUser('{"a": ["x\\"y", null, 2.50, [1, "b"], {"k": [true]}]}')
      .toRender('"x\\"y" | null | 2.5 | [1,"b"] | {"k":[true]}');
  });

  it('needs a string separator as its last parameter', () => {
    expectTemplate('{{join a nope}}')
      .withUser({ a: ['x'] })
      .toSkip('HandlebarsExecutionError', /needs a separator/);
    expectTemplate('{{join a ", " prefix=1}}')
      .withUser({ a: ['x'] })
      .toSkip('HandlebarsExecutionError', /prefix= must be a string/);
  });
});

describe('stripTags', () => {
  it('removes tags spanning lines and leaves a < without a later >', () => {
    expectTemplate('{{{stripTags s}}}').withUser({ s: 'a<b\nclass="x">b</b> 1 < 2' }).toRender('ab 1 < 2');
  });
});

describe('#breaklines', () => {
  it('escapes {{x}} in its body as usual; only the <br> it adds is markup', () => {
    expectTemplate('{{#breaklines}}{{x}}\n{{{x}}}{{/breaklines}}').withUser({ x: '<i>a</i>\nb' }).toRender('&lt;i&gt;a&lt;/i&gt;<br>b<br><i>a</i><br>b');
  });

  it('replaces newlines of the template text too, and leaves a lone \\r', () => {
    expectTemplate('{{#breaklines}}Hi {{name}},\nwelcome\r{{/breaklines}}').withUser({ name: 'Ann' }).toRender('Hi Ann,<br>welcome\r');
  });

  it('the inline form is undocumented: it converts its parameter and warns', () => {
    expectTemplate('{{breaklines x}}').withUser({ x: 'a\nb' }).toRender('a&lt;br&gt;b');
    expectTemplate('{{breaklines x}}').withUser({ x: 'a\nb' }).toReport('helper-form', '{{breaklines x}}');
  });
});

describe('length', () => {
  it('is the length property: strings in UTF-16 units, arrays in items, other values nothing', () => {
    expectTemplate('{{length s}}|{{length a}}|[{{length n}}]|[{{length nope}}]|{{length o}}')
      .withUser('{"s": "😀a", "a": [1, 2, 3], "n": 12345, "o": {"length": "long"}}')
      .toRender('3|3|[]|[]|long');
  });

  it('without a parameter it is still the field named length', () => {
    expectTemplate('{{length}}|{{#with box}}{{length}}{{/with}}')
      .withUser({ length: 'short', box: { length: 'tall' } })
      .toRender('short|tall');
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

const byName = new Map(textHelpers.map((helper) => [helper.meta.name, helper]));

function helper(name: string): HelperDefinition {
  const definition = byName.get(name);
  if (!definition) throw new Error(`no helper ${name}`);
  return definition;
}

/** A call as the renderer makes it, for calling a helper's fn directly. */
function callWith(name: string, params: Value[], hash: Array<[string, Value]> = [], context: Value = undefined): HelperCall {
  const position = { line: 1, column: 1, offset: 0 };
  return {
    name,
    params,
    paramIsModel: false,
    paramIsThis: false,
    hash: new Map(hash),
    isBlock: false,
    family: 'user',
    context,
    blockParamNames: [],
    fn: () => 'body\nline',
    inverse: () => '',
    loc: { start: position, end: position },
    runtime: {
      now: () => new Date(0),
      diagnostics: [],
      assigned: new Map(),
      hmacSecret: undefined,
      snippet: () => undefined,
      catalogItem: () => undefined,
      hasCatalog: () => false,
      catalogCollection: () => undefined,
      checkOutput: () => {},
    },
    warn: () => {},
    renderTemplate: () => '',
    resolveIn: () => undefined,
    contextIsNode: true,
    contextHasBlockParams: false,
  };
}

const anyText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '\t', '\n', '<', '>', '-', '1', 'ß', 'İ', 'Σ', 'ǆ', '😀', '\uD835', '\u00a0', 'é'),
  maxLength: 12,
});
const integer = fc.integer({ min: -40, max: 40 }).map((n) => JsonNumber.fromNumber(n));
const scalar: fc.Arbitrary<Value> = fc.oneof(
  anyText,
  fc.string({ unit: 'binary', maxLength: 8 }),
  integer,
  fc.constantFrom(new JsonNumber('3000000000'), new JsonNumber('2.5'), new JsonNumber('1e7'), new JsonNumber('-0'), new JsonNumber('0.0')),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  anyText.map((text) => new SafeString(text)),
);
const anyValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom('k', 'length', 'a'), scalar), { maxLength: 2 }).map((entries) => new Map(entries)) },
);
const hashEntry = fc.tuple(fc.constantFrom('size', 'pad', 'fully', 'prefix', 'suffix'), anyValue);

describe('laws', () => {
  it('no text helper throws anything but a HelperError, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...textHelpers.map((h) => h.meta.name)),
        fc.array(anyValue, { maxLength: 4 }),
        fc.array(hashEntry, { maxLength: 3 }),
        anyValue,
        (name, params, hash, context) => {
          try {
            helper(name).fn(callWith(name, params, hash, context));
          } catch (error) {
            expect(error).toBeInstanceOf(HelperError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('substring either returns text or throws a HelperError', () => {
    fc.assert(
      fc.property(anyValue, fc.array(fc.oneof(integer, anyValue), { maxLength: 3 }), (value, indexes) => {
        try {
          const result = helper('substring').fn(callWith('substring', [value, ...indexes]));
          expect(result === null || typeof result === 'string').toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(HelperError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('slugify output is letters and hyphens only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(render('{{{slugify s}}}', { s })).toMatch(/^[\p{L}-]*$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('replace with a target that does not occur is the identity', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 4 }),
        (s, target, replacement) => {
          fc.pre(!s.includes(target));
          expect(render('{{{replace s t r}}}', { s, t: target, r: replacement })).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('join of an array of integers is the integers joined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), { minLength: 1, maxLength: 6 }),
        fc.string({ maxLength: 3 }),
        (numbers, separator) => {
          const user = `{"a": [${numbers.join(',')}], "sep": ${JSON.stringify(separator)}}`;
          expect(render('{{{join a sep}}}', user)).toBe(numbers.join(separator));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('center is as long as size (or the text), with the text at the left of the middle', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.integer({ min: -5, max: 30 }), fc.string({ minLength: 1, maxLength: 3 }), (s, size, pad) => {
        const out = String(
          helper('center').fn(
            callWith(
              'center',
              [s],
              [
                ['size', JsonNumber.fromNumber(size)],
                ['pad', pad],
              ],
            ),
          ),
        );
        const left = Math.max(0, Math.floor((size - s.length) / 2));
        expect(out.length).toBe(Math.max(size, s.length));
        expect(out.slice(left, left + s.length)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('abbreviate keeps text within width, else its start and "..." in exactly width units', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 4, max: 25 }), (s, width) => {
        const out = String(helper('abbreviate').fn(callWith('abbreviate', [s, JsonNumber.fromNumber(width)])));
        if (s.length <= width) expect(out).toBe(s);
        else expect(out).toBe(`${s.slice(0, width - 3)}...`);
      }),
      { numRuns: 500 },
    );
  });

  it('stripTags leaves no tag behind, so it is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', 'a', ' ', '\n', '/'), maxLength: 20 }), (s) => {
        const once = String(helper('stripTags').fn(callWith('stripTags', [s])) ?? '');
        expect(once).not.toMatch(/<[^>]*>/);
        expect(String(helper('stripTags').fn(callWith('stripTags', [once])) ?? '')).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('capitalize changes nothing but the first code point of each space-separated word', () => {
    fc.assert(
      fc.property(
        anyText.filter((s) => s.length > 0),
        (s) => {
          const out = String(helper('capitalize').fn(callWith('capitalize', [s])));
          const before = [...s];
          const after = [...out];
          expect(after.length).toBe(before.length);
          before.forEach((ch, i) => {
            const wordStart = i === 0 || before[i - 1] === ' ';
            if (!wordStart) expect(after[i]).toBe(ch);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
