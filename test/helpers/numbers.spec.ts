/**
 * The number helpers: math, numberFormat.
 *
 * Golden cases:
 *   - DOCS = "Personalizing Templates with Handlebars", section "Working with numbers (longs and doubles)"
 *     (https://support.iterable.com/hc/en-us/articles/205480365). The stored copies of the page hold only its
 *     beginning; the section was read from a public Markdown transcription of the article.
 *   - MATH_DOCS = "Math Helpers" (https://support.iterable.com/hc/en-us/articles/36282964645396). The page itself is
 *     not stored; its examples are as quoted by two public guides to Iterable's Handlebars (email-love/esp-skills,
 *     namninja/iterable-handlebars-guide).
 *   - JDK17: outputs of `NumberFormat`/`DecimalFormat` on OpenJDK 17.0.15 for the calls jknack's numberFormat makes,
 *     recorded once (the values were run through a small Java program, not through mergetag).
 * The conformance corpus (helpers.jsonl, 34 numberFormat cases) runs in test/conformance/helpers.spec.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jdk17DoubleToString } from '../../src/values/java-double.js';
import { parseJavaLocale } from '../../src/helpers/iterable/numbers/locales.js';
import { compile, type RenderResult } from '../../src/iterable/template.js';
import { javaDoubleToString } from '../../src/values/print.js';
import { expectTemplate } from '../support/expect-template.js';

const DOCS = 'https://support.iterable.com/hc/en-us/articles/205480365';
const MATH_DOCS = 'https://support.iterable.com/hc/en-us/articles/36282964645396';

const SEED = process.env.MERGETAG_PROPERTY_SEED === 'random' ? undefined : Number(process.env.MERGETAG_PROPERTY_SEED ?? 20250611);
const options = { numRuns: 200, ...(SEED === undefined ? {} : { seed: SEED }) };

const NBSP = '\u00a0';

function render(template: string, user: string): RenderResult {
  return compile(template, { file: 'numbers.hbs' }).render({ user });
}

function renders(template: string, user = '{}'): string {
  const result = render(template, user);
  expect(result.skip, result.skip?.message).toBeUndefined();
  return result.output;
}

describe(`numberFormat: documented examples (${DOCS})`, () => {
  it('currency in en_US: {{numberFormat 5.2345 "currency" "en_US"}} → $5.23', () => {
    expectTemplate('{{numberFormat 5.2345 "currency" "en_US"}}').toRender('$5.23');
  });

  it('currency in de_DE: documented as "€5,23", but every JDK prints "5,23 €" (the corpus shows de_DE the same way)', () => {
    // The documented output cannot come from Java's NumberFormat; mergetag keeps what the engine prints.
    expectTemplate('{{numberFormat 5.2345 "currency" "de_DE"}}').toRender(`5,23${NBSP}€`);
  });

  it('percent: {{numberFormat .23 "percent"}} → 23% (written 0.23: mergetag\'s parser does not take ".23" yet)', () => {
    expectTemplate('{{numberFormat 0.23 "percent"}}').toRender('23%');
    expectTemplate('{{numberFormat n "percent"}}').withUser('{"n": 0.23}').toRender('23%');
  });

  it('maximumFractionDigits: {{numberFormat 123.456789 maximumFractionDigits=3}} → 123.457', () => {
    expectTemplate('{{numberFormat 123.456789 maximumFractionDigits=3}}').toRender('123.457');
  });

  it('minimumFractionDigits: {{numberFormat 123.4 minimumFractionDigits=5}} → 123.40000', () => {
    expectTemplate('{{numberFormat 123.4 minimumFractionDigits=5}}').toRender('123.40000');
  });

  it('groupingUsed: {{numberFormat 1000000 groupingUsed=true}} → 1,000,000', () => {
    expectTemplate('{{numberFormat 1000000 groupingUsed=true}}').toRender('1,000,000');
  });

  it('custom DecimalFormat: {{numberFormat 1234.5678 ",000.00"}} → 1,234.57 and {{numberFormat 3 "0.00"}} → 3.00', () => {
    expectTemplate('{{numberFormat 1234.5678 ",000.00"}}').toRender('1,234.57');
    expectTemplate('{{numberFormat 3 "0.00"}}').toRender('3.00');
  });

  it.each([
    ['5.5', 'up', '6'],
    ['5.5', 'down', '5'],
    ['-5.5', 'ceiling', '-5'],
    ['-5.5', 'floor', '-6'],
    ['5.5', 'half_even', '6'],
    ['-5.5', 'half_up', '-6'],
    ['-5.5', 'half_down', '-5'],
  ])('rounding: {{numberFormat %s "integer" roundingMode="%s"}} → %s', (value, mode, expected) => {
    expectTemplate(`{{numberFormat ${value} "integer" roundingMode="${mode}"}}`).toRender(expected);
  });

  it('"When no roundingMode is specified, half_even is used": 4.5 → 4, 5.5 → 6', () => {
    expectTemplate('{{numberFormat 4.5 "integer"}} {{numberFormat 5.5 "integer"}}').toRender('4 6');
  });
});

describe(`numberFormat: documented examples (${MATH_DOCS}, as quoted by public guides)`, () => {
  it('{{numberFormat price "currency"}}: 29.99 → $29.99, and in fr_FR → 29,99 €', () => {
    expectTemplate('{{numberFormat price "currency"}}').withUser('{"price": 29.99}').toRender('$29.99');
    expectTemplate('{{numberFormat price "currency" "fr_FR"}}').withUser('{"price": 29.99}').toRender(`29,99${NBSP}€`);
  });

  it('{{numberFormat completionLevel "percent"}}: 0.23 → 23%', () => {
    expectTemplate('{{numberFormat completionLevel "percent"}}').withUser('{"completionLevel": 0.23}').toRender('23%');
  });

  it('{{numberFormat height maximumFractionDigits=3}}: 178.0787402 → 178.079', () => {
    expectTemplate('{{numberFormat height maximumFractionDigits=3}}').withUser('{"height": 178.0787402}').toRender('178.079');
  });

  it('{{numberFormat height minimumFractionDigits=5}}: 178.07 → 178.07000', () => {
    expectTemplate('{{numberFormat height minimumFractionDigits=5}}').withUser('{"height": 178.07}').toRender('178.07000');
  });

  it('{{numberFormat annualRevenue groupingUsed=true}}: 200000000 → 200,000,000', () => {
    expectTemplate('{{numberFormat annualRevenue groupingUsed=true}}').withUser('{"annualRevenue": 200000000}').toRender('200,000,000');
  });

  it('{{numberFormat revenue "#,###.00"}} → 1,234.57 (revenue 1234.567; the guide does not give the value)', () => {
    expectTemplate('{{numberFormat revenue "#,###.00"}}').withUser('{"revenue": 1234.567}').toRender('1,234.57');
  });
});

describe('numberFormat: what the corpus README says of non-numbers and params', () => {
  it('a non-number, even "12", returns the first param as text', () => {
    expectTemplate('{{numberFormat "12" "currency"}}').toRender('currency');
    expectTemplate('{{numberFormat s "#,##0"}}').withUser('{"s": "1234"}').toRender('#,##0');
    expectTemplate('{{numberFormat b 5}}').withUser('{"b": true}').toRender('5');
  });

  it('a non-number without params prints nothing; null and missing likewise', () => {
    expectTemplate('[{{numberFormat s}}][{{numberFormat nope}}][{{numberFormat z "x"}}]').withUser('{"s": "a", "z": null}').toRender('[][][x]');
  });

  it('warns when the non-number is a string that holds a number', () => {
    expectTemplate('{{numberFormat s "currency"}}').withUser('{"s": "1234"}').toReport('number-format-string', '{{numberFormat s "currency"}}');
  });

  it('formats every number, 0 included, and integers exactly beyond 2^53', () => {
    expectTemplate('{{numberFormat z "currency"}} {{numberFormat big}}').withUser('{"z": 0, "big": 9007199254740993}').toRender('$0.00 9,007,199,254,740,993');
  });

  it('without params the value is the model of `this`: a raw number node in an #each is not a Number (Java build: ";;")', () => {
    expectTemplate('{{#each xs}}{{numberFormat}};{{/each}}').withUser('{"xs": [1234.5678, 7]}').toRender(';;');
    expectTemplate('{{#each xs}}{{numberFormat this}};{{/each}}').withUser('{"xs": [1234.5678, 7]}').toRender('1,234.568;7;');
    expectTemplate('{{#with x}}{{numberFormat}}{{/with}}').withUser('{"x": 5}').toRender('5');
  });

  it('its result is escaped by {{ }} and not by {{{ }}}', () => {
    expectTemplate('{{numberFormat 5 "<#>"}} {{{numberFormat 5 "<#>"}}}').toRender('&lt;5&gt; <5>');
  });

  it('works in [[ ]] on feed data', () => {
    expectTemplate('[[numberFormat p.price "currency" "en_GB"]]').withFeed('p', { price: 19.9 }).toRender('£19.90');
  });

  it('feeds on a math result', () => {
    expectTemplate('{{numberFormat (math price "*" 0.8) "currency"}}').withUser('{"price": 29.99}').toRender('$23.99');
  });
});

describe('numberFormat: errors where Java throws (the render fails)', () => {
  it.each([
    ['{{numberFormat n 5}}', /found '5', expected 'string'/],
    ['{{numberFormat n nope}}', /found 'null', expected 'string'/],
    ['{{numberFormat n "currency" "de-DE"}}', /Invalid locale format: de-DE/],
    ['{{numberFormat n "currency" 5}}', /ClassCastException.*Integer cannot be cast to class java.lang.String/],
    ['{{numberFormat n roundingMode="bogus"}}', /No enum constant java.math.RoundingMode.BOGUS/],
    ['{{numberFormat n roundingMode=1}}', /ClassCastException/],
    ['{{numberFormat n groupingUsed="false"}}', /String cannot be cast to class java.lang.Boolean/],
    ['{{numberFormat n maximumFractionDigits="2"}}', /String cannot be cast to class java.lang.Integer/],
    ['{{numberFormat n maximumFractionDigits=1.5}}', /Double cannot be cast to class java.lang.Integer/],
    ['{{numberFormat n parseIntegerOnly="yes"}}', /cannot be cast to class java.lang.Boolean/],
    ['{{numberFormat n "0" roundingMode="unnecessary"}}', /Rounding needed with the rounding mode being set to RoundingMode.UNNECESSARY/],
    ['{{numberFormat n "0.0.0"}}', /Multiple decimal separators in pattern "0.0.0"/],
  ])('%s', (template, message) => {
    expectTemplate(template).withUser('{"n": 2.99}').toSkip('HandlebarsExecutionError', message);
  });

  it('a missing hash value is no value: {{numberFormat n maximumFractionDigits=nope}}', () => {
    expectTemplate('{{numberFormat n maximumFractionDigits=nope}}').withUser('{"n": 2.9999}').toRender('3');
  });

  it('parseIntegerOnly=true changes nothing in the output', () => {
    expectTemplate('{{numberFormat n parseIntegerOnly=true}}').withUser('{"n": 2.5}').toRender('2.5');
  });
});

describe('numberFormat: locales', () => {
  it('a locale outside the table falls back to its language and warns', () => {
    const result = render('{{numberFormat n "currency" "de_US"}}', '{"n": 1234.5}');
    expect(result.output).toBe(`1.234,50${NBSP}USD`);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['number-format-locale']);
  });

  it('a locale in the table does not warn', () => {
    expect(render('{{numberFormat n "currency" "de_DE"}}', '{"n": 1}').diagnostics).toEqual([]);
  });

  it('the locale param is parsed as commons-lang3 3.12 LocaleUtils.toLocale does (checked against it)', () => {
    const parse = (text: string) => {
      try {
        const l = parseJavaLocale(text);
        return `${l.language}|${l.country}|${l.variant}`;
      } catch (error) {
        return `ERR ${(error as Error).message}`;
      }
    };
    expect(['de_DE', 'de', '', '_DE', '_DE_x', 'de_DE_POSIX', 'de__POSIX', 'Foo_419', 'deu_DE', 'ja_JP_JP'].map(parse)).toEqual([
      'de|DE|',
      'de||',
      '||',
      '|DE|',
      '|DE|x',
      'de|DE|POSIX',
      'de||POSIX',
      'foo|419|',
      'deu|DE|',
      'ja|JP|JP',
    ]);
    for (const bad of ['de-DE', 'DE', 'd', '_de', '_DEx', '_D', 'de_DE_', 'de_de', 'de#x', 'en_US_x_y', 'de_DE ', 'sr_Latn', '_', '__']) {
      expect(parse(bad), bad).toBe(`ERR Invalid locale format: ${bad}`);
    }
  });
});

/**
 * JDK 17.0.15's output for `numberFormat value [format] [locale] hash` (a null format means no params, a null locale
 * means en_US), or the message of the exception it throws.
 */
type Jdk17Case = [value: string, format: string | null, locale: string | null, hash: Record<string, string>, expected: string | { error: string }];
const JDK17: Jdk17Case[] = [
  ['0.125', 'currency', null, {}, '$0.12'],
  ['0.135', 'currency', null, {}, '$0.14'],
  ['1.005', '0.00', null, {}, '1.00'],
  ['2.675', '0.00', null, {}, '2.67'],
  ['0.045', '0.00', null, {}, '0.04'],
  ['8.345', '0.00', null, {}, '8.35'],
  ['1.45', '0.0', null, {}, '1.4'],
  ['4.35', '0.0', null, {}, '4.3'],
  ['999.9995', '#,##0.000', null, {}, '1,000.000'],
  ['0.9999', '0.00', null, {}, '1.00'],
  ['9.995', '0.00', null, {}, '9.99'],
  ['0.0015', null, null, {}, '0.002'],
  ['0.0025', null, null, {}, '0.003'],
  ['1e23', '#.##', null, {}, '99999999999999990000000'],
  ['2e23', '0', null, {}, '199999999999999980000000'],
  ['4.6116860184273879E18', '0', null, {}, '4611686018427387900'],
  ['0.00005', '0.0000', null, {}, '0.0000'],
  ['0.00005', '0.0000', null, { roundingMode: 'half_up' }, '0.0001'],
  ['0.0009', '0.00', null, { roundingMode: 'up' }, '0.00'],
  ['0.0009', '0.000', null, { roundingMode: 'up' }, '0.001'],
  ['0.3', '0.0', null, { roundingMode: 'down' }, '0.3'],
  ['0.30000000000000004', '0.0', null, { roundingMode: 'up' }, '0.4'],
  ['-0.0', null, null, {}, '-0'],
  ['-0.0001', null, null, {}, '-0'],
  ['-0.0001', '0.00', null, { roundingMode: 'ceiling' }, '-0.00'],
  ['1e-10', '0.###E0', null, {}, '1E-10'],
  ['5e-324', '0.###E0', null, {}, '4.9E-324'],
  ['1.7976931348623157E308', '0.###E0', null, {}, '1.798E308'],
  ['1.7976931348623157E308', 'percent', null, {}, '∞%'],
  ['2.5', 'integer', null, { roundingMode: 'up' }, '3'],
  ['-2.5', 'integer', null, { roundingMode: 'up' }, '-3'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'up' }, '1.3'],
  ['2.5', 'integer', null, { roundingMode: 'down' }, '2'],
  ['-2.5', 'integer', null, { roundingMode: 'down' }, '-2'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'down' }, '1.2'],
  ['2.5', 'integer', null, { roundingMode: 'ceiling' }, '3'],
  ['-2.5', 'integer', null, { roundingMode: 'ceiling' }, '-2'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'ceiling' }, '1.3'],
  ['2.5', 'integer', null, { roundingMode: 'floor' }, '2'],
  ['-2.5', 'integer', null, { roundingMode: 'floor' }, '-3'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'floor' }, '1.2'],
  ['2.5', 'integer', null, { roundingMode: 'half_up' }, '3'],
  ['-2.5', 'integer', null, { roundingMode: 'half_up' }, '-3'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'half_up' }, '1.3'],
  ['2.5', 'integer', null, { roundingMode: 'half_down' }, '2'],
  ['-2.5', 'integer', null, { roundingMode: 'half_down' }, '-2'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'half_down' }, '1.2'],
  ['2.5', 'integer', null, { roundingMode: 'half_even' }, '2'],
  ['-2.5', 'integer', null, { roundingMode: 'half_even' }, '-2'],
  ['1.25', null, null, { maximumFractionDigits: '1', roundingMode: 'half_even' }, '1.2'],
  ['2.5', 'integer', null, { roundingMode: ' HALF_UP ' }, '3'],
  ['2.99', '0', null, { roundingMode: 'unnecessary' }, { error: 'Rounding needed with the rounding mode being set to RoundingMode.UNNECESSARY' }],
  ['3.0', '0', null, { roundingMode: 'unnecessary' }, '3'],
  ['25', '0E0', null, {}, '2E1'],
  ['35', '0E0', null, {}, '4E1'],
  ['12345', '0.###E0', null, {}, '1.234E4'],
  ['12355', '0.###E0', null, {}, '1.236E4'],
  ['9223372036854775807', null, null, {}, '9,223,372,036,854,775,807'],
  ['-9223372036854775808', null, null, {}, '-9,223,372,036,854,775,808'],
  ['9223372036854775807', 'percent', null, {}, '922,337,203,685,477,580,700%'],
  ['-9223372036854775808', 'percent', null, {}, '-922,337,203,685,477,580,800%'],
  ['123456789012345678901234567890', 'percent', null, {}, '12,345,678,901,234,567,890,123,456,789,000%'],
  ['-12345678901234567890', '0.###E0', null, {}, '-1.235E19'],
  ['12345678901234567890', null, null, { maximumIntegerDigits: '4' }, '7,890'],
  ['1234', null, null, { minimumFractionDigits: '2' }, '1,234.00'],
  ['1997', null, null, { maximumIntegerDigits: '2' }, '97'],
  ['42', null, null, { minimumIntegerDigits: '5' }, '00,042'],
  ['1234', null, null, { maximumIntegerDigits: '0' }, '0'],
  ['0.5', null, null, { maximumIntegerDigits: '0' }, '.5'],
  ['1234.5678', null, null, { maximumFractionDigits: '1', minimumFractionDigits: '3' }, '1,234.568'],
  ['1234.5678', null, null, { minimumFractionDigits: '5', maximumFractionDigits: '2' }, '1,234.56780'],
  ['0.1', null, null, { maximumFractionDigits: '25' }, '0.1'],
  ['0.1', null, null, { minimumFractionDigits: '20' }, '0.10000000000000000000'],
  ['1234567', 'currency', null, { groupingUsed: 'false' }, '$1234567.00'],
  ['1234', '', null, {}, '1,234'],
  ['1234.5678', '', null, {}, '1,234.5678'],
  ['5', 'abc', null, {}, 'abc5'],
  ['1234567', '#,##,###', null, {}, '1,234,567'],
  ['-42.5', '#,##0.00;(#,##0.00)', null, {}, '(42.50)'],
  ['42.5', '#,##0.00;(#,##0.00)', null, {}, '42.50'],
  ['-3.14159', '#.##;minus #.##', null, {}, 'minus 3.14'],
  ['0.5', '.00', null, {}, '.50'],
  ['5', '0.', null, {}, '5.'],
  ['0.256', '0.0%', null, {}, '25.6%'],
  ['0.256', '#,##0‰', null, {}, '256‰'],
  ['12.5', '¤¤ #,##0.00', null, {}, 'USD 12.50'],
  ['12.5', '¤¤ #,##0.00', 'de_DE', {}, 'EUR 12,50'],
  ['12.5', "'#'0", null, {}, '#12'],
  ['12.5', "0 'o''clock'", null, {}, "12 o'clock"],
  ['12.5', "0.0'%'", null, {}, '12.5%'],
  ['12345.678', '##0.##E0', null, {}, '12.346E3'],
  ['0.00012345', '##0.##E0', null, {}, '123.45E-6'],
  ['12345.0', '00.###E0', null, {}, '12.345E3'],
  ['12345.0', '0.0##E00', null, {}, '1.235E04'],
  ['-12345.0', '0.0E0', null, {}, '-1.2E4'],
  ['0.0', '0.0E0', null, {}, '0.0E0'],
  ['1234.5', '#,##0.00 ¤', 'fr_FR', {}, '1 234,50 €'],
  ['1234.5', '#,##0.00', 'de_DE', {}, '1.234,50'],
  ['-1234.5', '0.0E0', 'sv_SE', {}, '−1,2×10^3'],
  ['-1234.5', '#,##0.0', 'sv_SE', {}, '−1 234,5'],
  ['-1234.567', 'currency', 'de_CH', {}, 'CHF-1’234.57'],
  ['1234.567', 'currency', 'fr_CH', {}, '1 234.57 CHF'],
  ['1234.567', 'currency', 'de_AT', {}, '€ 1.234,57'],
  ['-1234.567', 'currency', 'he_IL', {}, '‏‎-1,234.57 ₪'],
  ['1234.567', 'currency', 'ja_JP', {}, '￥1,235'],
  ['1234.567', 'currency', 'ko_KR', {}, '₩1,235'],
  ['1234.567', 'currency', 'it_CH', {}, 'SFr. 1’234.57'],
  ['1234.567', 'currency', 'nl_NL', {}, '€ 1.234,57'],
  ['-1234.567', 'currency', 'nl_NL', {}, '€ -1.234,57'],
  ['1234.567', 'currency', 'pt_BR', {}, 'R$ 1.234,57'],
  ['1234.567', 'currency', 'es_ES', {}, '1.234,57 €'],
  ['1234.567', 'currency', 'es_MX', {}, '$1,234.57'],
  ['1234.567', 'currency', 'en_IN', {}, '₹1,234.57'],
  ['1234567.891', null, null, {}, '1,234,567.891'],
  ['1234567.891', 'default', 'en_IN', {}, '1,234,567.891'],
  ['1234.567', 'currency', 'fr_CA', {}, '1 234,57 $ CA'],
  ['1234.567', 'currency', 'en_CA', {}, '$1,234.57'],
  ['1234.567', 'currency', 'sv_SE', {}, '1 234,57 kr'],
  ['1234.567', 'currency', 'da_DK', {}, '1.234,57 kr.'],
  ['1234.567', 'currency', 'pl_PL', {}, '1 234,57 zł'],
  ['1234.567', 'currency', 'tr_TR', {}, '₺1.234,57'],
  ['1234.567', 'currency', 'zh_CN', {}, '¥1,234.57'],
  ['1234.567', 'currency', 'ru_RU', {}, '1 234,57 ₽'],
  ['1234.567', 'currency', 'hr_HR', {}, '1.234,57 EUR'],
  ['1234.567', 'currency', 'de', {}, '1.234,57 ¤'],
  ['1234.567', 'currency', 'en', {}, '¤1,234.57'],
  ['1234.567', 'percent', 'de_DE', {}, '123.457 %'],
  ['0.256', 'percent', 'fr_FR', {}, '26 %'],
  ['0.256', 'percent', 'tr_TR', {}, '%26'],
  ['-0.256', 'percent', 'sv_SE', {}, '−26 %'],
  ['1234.567', 'integer', 'de_DE', {}, '1.235'],
  ['1234.567', 'Currency', 'en_GB', {}, '£1,234.57'],
  ['123.4567', 'percent', 'en_GB', {}, '12,346%'],
  ['123.4567', '###.000000', 'en_GB', {}, '123.456700'],
  ['1234.567', null, null, { maximumIntegerDigits: '3', minimumFractionDigits: '6' }, '234.567000'],
  ['12345.678', null, null, { groupingUsed: 'false' }, '12345.678'],
  ['1.2345', '0.00', null, { roundingMode: 'down' }, '1.23'],
  ['123.4567', 'currency', 'en_GB', {}, '£123.46'],
  ['1.5', '0.0.0', null, {}, { error: 'Multiple decimal separators in pattern "0.0.0"' }],
  ['1.5', '#0#', null, {}, { error: 'Malformed pattern "#0#"' }],
  ['1.5', ';0', null, {}, { error: 'Unquoted special character \';\' in pattern ";0"' }],
  ['1.5', '0E', null, {}, { error: 'Malformed exponential pattern "0E"' }],
  ['1.5', '%%0', null, {}, { error: 'Too many percent/per mille characters in pattern "%%0"' }],
  ['1.5', "'abc", null, {}, { error: 'Malformed pattern "\'abc"' }],
  ['1.5', '0.00E0E0', null, {}, '1.500E0E'],
  ['1.5', '0,', null, {}, { error: 'Malformed pattern "0,"' }],
];

function hashText(hash: Record<string, string>): string {
  return Object.entries(hash)
    .map(([key, value]) => (key === 'roundingMode' ? ` ${key}="${value}"` : ` ${key}=${value}`))
    .join('');
}

describe("numberFormat: JDK 17 outputs (rounding on the double's binary value, quirks, patterns, styles, locales)", () => {
  it.each(JDK17)('%s %j %j %j', (value, format, locale, hash, expected) => {
    const params = format === null ? '' : ` ${JSON.stringify(format)}${locale === null ? '' : ` ${JSON.stringify(locale)}`}`;
    const template = `{{{numberFormat n${params}${hashText(hash)}}}}`;
    const expectation = expectTemplate(template).withUser(`{"n": ${value}}`);
    if (typeof expected === 'string') expectation.toRender(expected);
    else expectation.toSkip('HandlebarsExecutionError', new RegExp(expected.error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});

describe('JDK 17 Double.toString, whose digits DecimalFormat rounds (checked against OpenJDK 17.0.15)', () => {
  it.each([
    [1e23, '9.999999999999999E22'],
    [2e23, '1.9999999999999998E23'],
    [2 ** 62, '4.6116860184273879E18'],
    [2.82879384806159e17, '2.82879384806159008E17'],
    [5e-324, '4.9E-324'],
    [1e-323, '1.0E-323'],
    [4.6566128730773926e-10, '4.6566128730773926E-10'],
    [0.1 + 0.2, '0.30000000000000004'],
    [100, '100.0'],
    [1e7, '1.0E7'],
    [0.001, '0.001'],
    [-0, '-0.0'],
  ])('%d → %s', (value, expected) => {
    expect(jdk17DoubleToString(value)).toBe(expected);
  });

  it('agrees with the shortest round-trip spelling below 2^53 for short decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const value = units / 10 ** scale;
        expect(jdk17DoubleToString(value)).toBe(javaDoubleToString(value));
      }),
      options,
    );
  });
});

/** The exact decimal value of a double, rounded half-even to `scale` fraction digits, computed with BigInt. */
function exactHalfEven(value: number, scale: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = exponent === 0 ? (bits & 0xfffffffffffffn) << 1n : (bits & 0xfffffffffffffn) | (1n << 52n);
  const shift = exponent - 1075; // value = mantissa * 2^shift
  let numerator = mantissa * 10n ** BigInt(scale);
  let denominator = 1n;
  if (shift >= 0) numerator <<= BigInt(shift);
  else denominator <<= BigInt(-shift);
  let quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  const digits = quotient.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

describe('numberFormat: properties', () => {
  it('an integer with groupingUsed=false and the default style prints its digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
        expect(renders('{{numberFormat n groupingUsed=false}}', `{"n": ${n}}`)).toBe(n.toString());
      }),
      options,
    );
  });

  it('HALF_EVEN rounds the exactly representable halves x.5 to the even neighbour', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (k) => {
        const value = k + 0.5;
        const even = k % 2 === 0 ? k : k + 1;
        const expected = even === 0 && value < 0 ? '-0' : String(even);
        expect(renders('{{numberFormat n "integer" groupingUsed=false}}', `{"n": ${javaDoubleToString(value)}}`)).toBe(expected);
      }),
      options,
    );
  });

  it('HALF_EVEN with m fraction digits is the correctly rounded exact binary value (0.001 ≤ x < 10^6)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 999999.99, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, m) => {
        const template = `{{numberFormat n maximumFractionDigits=${m} minimumFractionDigits=${m} groupingUsed=false}}`;
        expect(renders(template, `{"n": ${javaDoubleToString(x)}}`)).toBe(exactHalfEven(x, m));
      }),
      options,
    );
  });
});

describe(`math: documented examples (${DOCS})`, () => {
  it.each([
    ['+', '5'],
    ['-', '1'],
    ['*', '6'],
    ['/', '1.5'],
    ['%', '1'],
  ])("{{math 3 '%s' 2}} → %s", (operator, expected) => {
    expectTemplate(`{{math 3 '${operator}' 2}}`).toRender(expected);
  });

  it("with merge parameters: {{math numberOfCats '+' 2}} → 5 for 3 cats", () => {
    expectTemplate("{{math numberOfCats '+' 2}}").withUser('{"numberOfCats": 3}').toRender('5');
  });

  it("@index + 1 in #each: <div>Item {{math @index '+' 1}} name: {{name}}</div>", () => {
    expectTemplate("{{#each shoppingCartItems}}<div>Item {{math @index '+' 1}} name: {{name}}</div>{{/each}}")
      .withUser('{"shoppingCartItems": [{"name": "Shoes"}, {"name": "Jacket"}]}')
      .toRender('<div>Item 1 name: Shoes</div><div>Item 2 name: Jacket</div>');
  });
});

describe(`math: documented examples (${MATH_DOCS}, as quoted by public guides)`, () => {
  it.each([
    ["{{math age '+' 2}}", 30, '32'],
    ["{{math age '-' 2}}", 30, '28'],
    ["{{math age '*' 3}}", 30, '90'],
    ["{{math age '/' 2}}", 30, '15'],
    ["{{math age '%' 17}}", 35, '1'],
  ])('%s with age %d → %s', (template, age, expected) => {
    expectTemplate(template).withUser(`{"age": ${age}}`).toRender(expected);
  });
});

describe('math: Java arithmetic', () => {
  it.each([
    ['{{math 6 "/" 2}}', '3'],
    ['{{math -7 "/" 2}}', '-3.5'],
    ['{{math -7 "%" 3}}', '-1'],
    ['{{math 7 "%" -3}}', '1'],
    ['{{math a "+" 1}}', '-9223372036854775808'],
    ['{{math a "*" 2}}', '-2'],
    ['{{math big "+" 1}}', '12345678901234567891'],
    ['{{math big "*" big}}', '152415787532388367501905199875019052100'],
    ['{{math 2.5 "*" 2}}', '5.0'],
    ['{{math d "+" 0.2}}', '0.30000000000000004'],
    ['{{math e7 "*" 1}}', '1.0E7'],
    ['{{math 1 "/" z}}', 'Infinity'],
    ['{{math -1 "/" z}}', '-Infinity'],
    ['{{math z "/" z}}', 'NaN'],
    ['{{math nz "*" 1}}', '-0.0'],
    ['{{math 5.5 "%" 2}}', '1.5'],
    ['{{math s "+" 2}}', '32'],
    ['{{math f "*" 2}}', '5.0'],
    ['{{math 10 "/" 4}}', '2.5'],
  ])('%s → %s', (template, expected) => {
    expectTemplate(template)
      .withUser('{"a": 9223372036854775807, "big": 12345678901234567890, "d": 0.1, "e7": 1e7, "z": 0.0, "nz": -0.0, "s": "30", "f": " 2.5 "}')
      .toRender(expected);
  });

  it.each([
    ['{{math 1 "/" 0}}', /by zero/],
    ['{{math 1 "%" 0}}', /by zero/],
    ['{{math nope "+" 1}}', /left operand is missing/],
    ['{{math 1 "+" s}}', /right operand "abc" is not a number/],
    ['{{math 1 "^" 2}}', /unknown operator/],
    ['{{math 1 "+"}}', /three params/],
    ['{{math flag "+" 1}}', /is not a number/],
  ])('%s fails the render', (template, message) => {
    expectTemplate(template).withUser('{"s": "abc", "flag": true}').toSkip('HandlebarsExecutionError', message);
  });

  it('+, - and * on two small integers are the integer sum, difference and product', () => {
    const small = fc.integer({ min: -(2 ** 26), max: 2 ** 26 });
    fc.assert(
      fc.property(small, small, (a, b) => {
        expect(renders(`{{math a "+" b}} {{math a "-" b}} {{math a "*" b}}`, `{"a": ${a}, "b": ${b}}`)).toBe(`${a + b} ${a - b} ${a * b}`);
      }),
      options,
    );
  });

  it('* on doubles is the IEEE product printed by Double.toString', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const user = `{"a": ${javaDoubleToString(a)}, "b": ${javaDoubleToString(b)}}`;
        expect(renders('{{math a "*" b}}', user)).toBe(javaDoubleToString(a * b));
      }),
      options,
    );
  });

  it('an integer quotient is exact when whole and the double quotient otherwise', () => {
    const operand = fc.integer({ min: -(2 ** 31), max: 2 ** 31 });
    fc.assert(
      fc.property(
        operand,
        operand.filter((b) => b !== 0),
        (a, b) => {
          const expected = a % b === 0 ? String(a / b) : javaDoubleToString(a / b);
          expect(renders('{{math a "/" b}}', `{"a": ${a}, "b": ${b}}`)).toBe(expected);
        },
      ),
      options,
    );
  });
});
