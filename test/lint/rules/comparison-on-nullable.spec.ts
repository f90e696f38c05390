import { comparisonOnNullable } from '../../../src/lint/rules/comparison-on-nullable/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

const percent = 'welcome_codes.voucher.discount.percent_off';

ruleTester(comparisonOnNullable, {
  valid: [
    '[[#ifEq welcome_codes.voucher.code "WELCOME10"]]x[[/ifEq]]',
    { name: 'a field every sample user has', code: '{{#ifEq vip true}}VIP{{/ifEq}}' },
    { name: 'guarded first, as Iterable advises', code: `[[#if ${percent}]][[#gt ${percent} 10]]Big savings[[/gt]][[/if]]` },
    { name: 'a fallback first', code: `[[#gt (defaultIfEmpty ${percent} 0) 10]]Big savings[[/gt]]` },
    { name: 'eq compares a missing value as null without failing', code: '[[#eq welcome_codes.voucher.expiration_date "x"]]x[[/eq]]' },
    '{{#ifEq "a" "b"}}x{{/ifEq}}',
    { name: "Iterable's example guarded by #if", code: '{{#if firstName}}{{#ifEq firstName "Ann"}}Hej{{/ifEq}}{{/if}}' },
    {
      name: 'inside #ifEq on the discriminator',
      code: '[[#ifEq f.discount.type "PERCENT"]][[#gt f.discount.percent_off 10]]Big savings[[/gt]][[/ifEq]]',
      knowledge: dataKnowledge({
        users: ['{}'],
        feed: { alias: 'f', bodies: ['{"discount": {"type": "PERCENT", "percent_off": 20}}', '{"discount": {"type": "AMOUNT", "amount_off": 500}}'] },
      }),
    },
    {
      name: 'an empty string is fine for the other comparisons',
      code: '{{#ifEq favorite "dark roast"}}Dark{{/ifEq}}',
      knowledge: dataKnowledge({ users: ['{"favorite": "dark roast"}', '{"favorite": ""}'] }),
    },
    { name: 'paths the data does not know are not this rule', code: '{{#gt points 100}}Gold{{/gt}}' },
  ],
  invalid: [
    {
      code: `[[#gt ${percent} 10]]Big savings[[/gt]]`,
      errors: [
        {
          highlighted: percent,
          message:
            /gt fails the render on a missing or null value.*absent or null in 1 of 2 recorded responses.*does not send the message \(HandlebarsExecutionError\)/,
          hint: /\[\[#if welcome_codes\.voucher\.discount\.percent_off\]\].*defaultIfEmpty/,
        },
      ],
    },
    {
      name: "Iterable's #ifEq on a field some users lack",
      code: '{{#ifEq firstName "Ann"}}Hej Ann{{/ifEq}}',
      errors: [{ highlighted: 'firstName', message: /ifEq fails the render.*1 of 3 sample users/, hint: /\(defaultIfEmpty firstName ""\)/ }],
    },
    { name: 'a comparison in a sub-expression', code: `[[#if (gt ${percent} 10)]]big[[/if]]`, errors: [{ highlighted: percent }] },
    {
      name: '#ifContainsStr fails on an empty string too, as Iterable documents',
      code: '{{#ifContainsStr favorite "roast"}}Roasts{{/ifContainsStr}}',
      knowledge: dataKnowledge({ users: ['{"favorite": "dark roast"}', '{"favorite": ""}'] }),
      errors: [
        {
          highlighted: 'favorite',
          message: /ifContainsStr fails the render on a missing, null or empty value.*empty, missing or null for 1 of 2 sample users/,
        },
      ],
    },
    { name: 'math fails on a missing operand', code: `[[math ${percent} "*" 2]]`, errors: [{ highlighted: percent, message: /math fails the render/ }] },
  ],
});
