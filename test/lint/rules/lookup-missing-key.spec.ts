import { lookupMissingKey } from '../../../src/lint/rules/lookup-missing-key/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

const prices = dataKnowledge({ users: ['{"prices": {"gold": 10, "silver": 5}, "plan": "gold"}', '{"prices": {"gold": 12, "silver": 6}}'] });

ruleTester(lookupMissingKey, {
  valid: [
    '[[lookup welcome_codes.voucher "code"]]',
    { name: 'a fallback around it', code: '[[defaultIfEmpty (lookup welcome_codes.voucher "expiration_date") "none"]]' },
    { name: 'a free-form object may have any key', code: '[[lookup welcome_codes.voucher.metadata "anything"]]' },
    { name: 'an index into a list', code: '{{lookup emailListIds 0}}' },
    { name: 'a key every user has', code: '{{lookup prices "gold"}}', knowledge: prices },
    { name: 'a key path guarded', code: '{{#if plan}}{{lookup prices plan}}{{/if}}', knowledge: prices },
  ],
  invalid: [
    {
      code: '<p>[[lookup welcome_codes.voucher "expiration_date"]]</p>',
      errors: [
        {
          highlighted: '"expiration_date"',
          message:
            /lookup of 'expiration_date' in \[\[welcome_codes\.voucher\]\].*not always there \(absent or null in 1 of 2 recorded responses\): then Iterable prints nothing/,
          hint: /defaultIfEmpty \(lookup welcome_codes\.voucher "expiration_date"\)/,
        },
      ],
    },
    { name: 'a key no data has', code: '[[lookup welcome_codes.voucher "cod"]]', errors: [{ highlighted: '"cod"', message: /never there/ }] },
    {
      name: 'a key read from a path some users lack',
      code: '{{lookup prices plan}}',
      knowledge: prices,
      errors: [{ highlighted: 'plan', message: /the lookup key \{\{plan\}\} is absent or null for 1 of 2 sample users/, hint: /\{\{#if plan\}\}/ }],
    },
  ],
});
