import { printsNonScalar } from '../../../src/lint/rules/prints-non-scalar/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(printsNonScalar, {
  valid: [
    '<b>[[welcome_codes.voucher.code]]</b> {{firstName}}',
    { name: 'join takes a list on purpose', code: '{{join emailListIds ", "}}' },
    { name: 'toJson too', code: '[[toJson welcome_codes.voucher.discount]]' },
    '{{#each emailListIds}}{{this}}{{/each}} {{emailListIds.[0]}}',
    { name: 'a condition is not a print', code: '[[#if welcome_codes.voucher.discount]]has a discount[[/if]]' },
    '[[welcome_codes.voucher.cod]]',
  ],
  invalid: [
    {
      code: '<p>[[welcome_codes.voucher.discount]]</p>',
      errors: [
        {
          highlighted: 'welcome_codes.voucher.discount',
          message: /is an object in the feed data: Iterable prints Java's rendering of it \(like \{a=1, b="x"\}, HTML-escaped\)/,
          hint: /a field of it \(\[\[welcome_codes\.voucher\.discount\.type\]\]\).*toJson/,
        },
      ],
    },
    {
      name: 'a list of the sample users',
      code: '<p>Lists: {{emailListIds}}</p>',
      errors: [{ highlighted: 'emailListIds', message: /is a list in the sample users.*\[1,"a"\]/, hint: /\{\{join emailListIds ", "\}\}/ }],
    },
    { name: 'raw output too', code: '{{{emailListIds}}}', errors: [{ highlighted: 'emailListIds' }] },
    { name: 'inside #with', code: '[[#with welcome_codes.voucher]][[discount]][[/with]]', errors: [{ highlighted: 'discount' }] },
    { name: 'this of an #each over objects', code: '[[#each welcome_codes.voucher.categories]][[this]][[/each]]', errors: [{ highlighted: 'this' }] },
    {
      name: 'a list of objects: print a field of each',
      code: '{{orders}}',
      knowledge: dataKnowledge({ users: ['{"orders": [{"id": "A1", "total": 5}]}'] }),
      errors: [{ highlighted: 'orders', message: /is a list in the sample users/, hint: /\{\{#each orders\}\}\{\{id\}\}\{\{\/each\}\}/ }],
    },
    {
      name: 'a string for some users, an object for others',
      code: '{{address}}',
      knowledge: dataKnowledge({ users: ['{"address": "1 Main St"}', '{"address": {"street": "1 Main St"}}'] }),
      errors: [{ highlighted: 'address', message: /may be an object in the sample users/, hint: /\{\{address\.street\}\}/ }],
    },
  ],
});
