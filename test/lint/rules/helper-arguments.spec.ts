import { describe, expect, it } from 'vitest';
import { helperArguments } from '../../../src/lint/rules/helper-arguments/index.js';
import { findings, ruleTester } from '../../support/rule-tester.js';
import { documentedExamples } from './documented-examples.js';

ruleTester(helperArguments, {
  valid: [
    '{{#if firstName}}Hi {{firstName}}{{else}}Hi friend{{/if}}',
    '[[#if welcome_codes.voucher.code]][[welcome_codes.voucher.code]][[else]]none[[/if]]',
    '{{#each items}}{{upper name}}{{/each}}',
    { name: 'an inline helper with no parameter works on this', code: '{{#each names}}{{upper}}{{/each}}' },
    '{{#ifEq plan "gold"}}Gold{{else if vip}}VIP{{/ifEq}}',
    '{{#urlEncode}}{{{email}}}{{/urlEncode}}',
    '{{join tags ", "}} {{join a b c " - "}}',
    '{{numberFormat price "currency" "en_US"}} {{numberFormat price maximumFractionDigits=2}}',
    { name: 'a number written as a string is parsed by the helper (number-format-string)', code: '{{numberFormat price maximumFractionDigits="2"}}' },
    '{{dateFormat signupDate format="yyyy-MM-dd" tz="America/New_York"}}',
    '{{sendSkip cause="no voucher" campaign=campaignId}}',
    '{{{snippet "footer" color="red" required=true}}}',
    '{{substring name start 3}} {{math total "+" 5}}',
    { name: 'paths and sub-expressions are not judged', code: '{{math (size items) "*" price}}' },
    '{{#unless vip}}Join{{/unless}} {{#with address}}{{city}}{{/with}}',
    '{{#sortBy items field="price" as |sorted|}}{{#each sorted}}{{name}}{{/each}}{{/sortBy}}',
    '{{#not vip}}x{{/not}} {{not vip yes="a" no="b"}}',
    {
      name: 'extra positional values a helper reads its own way (it warns when rendering)',
      code: '{{#sortBy items "price" as |s|}}{{s}}{{/sortBy}} {{now "x" "yyyy"}}',
    },
  ],
  invalid: [
    {
      code: '[{{#if}}x{{/if}}]',
      errors: [{ highlighted: 'if', message: /\{\{#if\}\} with no argument tests no field/, hint: /\{\{#if firstName\}\}/ }],
    },
    { code: '[[#each]][[name]][[/each]]', errors: [{ highlighted: 'each', message: /\[\[#each\]\] with no argument names no list/ }] },
    { code: '{{#unless}}x{{/unless}}{{#with}}y{{/with}}', errors: [{ highlighted: 'unless' }, { highlighted: 'with' }] },
    {
      name: 'an inverted helper call',
      code: '{{^ifEq plan "gold"}}not gold{{/ifEq}}',
      errors: [
        {
          highlighted: 'ifEq',
          message:
            /does not work: Handlebars\.java drops the arguments of an inverted section, and inside another block reads \{\{\^ifEq …\}\} as that block's \{\{else ifEq …\}\} when an else follows it/,
          hint: /#ifEq/,
        },
      ],
    },
    { code: '{{^if vip}}x{{/if}}', errors: [{ highlighted: 'if', hint: /#unless/ }] },
    {
      code: '{{#ifEq plan}}Gold{{/ifEq}}',
      errors: [
        { highlighted: 'ifEq', message: /ifEq takes 2 parameters, got 1: the value2 is missing, so the template fails and Iterable does not send the message/ },
      ],
    },
    { name: 'a comparison helper with nothing to compare', code: '{{#ifGt}}x{{/ifGt}}', errors: [{ highlighted: 'ifGt', message: /got 0/ }] },
    { code: '{{math total "+"}}', errors: [{ highlighted: 'math', message: /the right is missing/ }] },
    { code: '{{math a "+" b c}}', errors: [{ highlighted: 'c', message: /math takes 3 parameters, got 4: the template fails/ }] },
    { code: '{{upper firstName "x" "y"}}', errors: [{ highlighted: '"y"', message: /the extra one is ignored/ }] },
    {
      code: '{{numberFormat price maxFractionDigits=2}}',
      errors: [
        {
          highlighted: 'maxFractionDigits',
          message: /numberFormat has no parameter 'maxFractionDigits': it ignores/,
          hint: /did you mean maximumFractionDigits=/,
        },
      ],
    },
    { code: '{{#if vip includeZero=true}}x{{/if}}', errors: [{ highlighted: 'includeZero', hint: /if takes no key=value parameters/ }] },
    { code: '{{substring name "a" 3}}', errors: [{ highlighted: '"a"', message: /the start of substring is a number, and the string "a" is not/ }] },
    { code: '{{#ifModEq n "two" 0}}x{{/ifModEq}}', errors: [{ highlighted: '"two"' }] },
    { code: '{{{snippet "footer" required="yes"}}}', errors: [{ highlighted: '"yes"', message: /required= of snippet is a boolean/ }] },
    { code: '{{#ifContains "abc" "b"}}x{{/ifContains}}', errors: [{ highlighted: '"abc"', message: /is a array|is an array/ }] },
    { code: '<p>{{if vip}}</p>', errors: [{ highlighted: 'if', message: /prints nothing/, hint: /\{\{#if …\}\}…\{\{\/if\}\}/ }] },
    { code: '{{urlEncode email}}', errors: [{ highlighted: 'urlEncode', message: /documented as a block helper only/ }] },
    { code: '{{#upper name}}x{{/upper}}', errors: [{ highlighted: 'upper', message: /documented as an inline helper only/ }] },
  ],
});

describe('helper-arguments on Iterable documented examples', () => {
  const examples = documentedExamples();

  it('finds the documented examples of test/helpers/*.spec.ts', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it('reports none of them', () => {
    const reported = examples.flatMap((example) =>
      findings(helperArguments, example.template).map((f) => `${example.file} ${example.template}: ${f.highlighted}: ${f.message}`),
    );
    expect(reported).toEqual([]);
  });
});
