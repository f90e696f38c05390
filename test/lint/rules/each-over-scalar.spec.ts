import { eachOverScalar } from '../../../src/lint/rules/each-over-scalar/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(eachOverScalar, {
  valid: [
    '[[#each welcome_codes.voucher.categories]][[name]][[/each]]',
    '{{#each emailListIds}}{{this}}{{/each}}',
    { name: 'an object: its entries', code: '[[#each welcome_codes.voucher.discount]][[@key]][[/each]]' },
    { name: 'a free-form object', code: '[[#each welcome_codes.voucher.metadata]][[@key]]=[[this]][[/each]]' },
    { name: 'unknown paths are not this rule', code: '{{#each orders}}{{id}}{{/each}}' },
    { name: 'with is not each', code: '{{#with firstName}}{{this}}{{/with}}' },
  ],
  invalid: [
    {
      code: '[[#each welcome_codes.voucher.code]]<li>[[this]]</li>[[/each]]',
      errors: [{ highlighted: 'welcome_codes.voucher.code', message: /#each over \[\[welcome_codes\.voucher\.code\]\], which is a string, not a list/ }],
    },
    { name: 'a boolean', code: '{{#each vip}}x{{/each}}', errors: [{ highlighted: 'vip', message: /a boolean/ }] },
    {
      name: 'a list for some users, a string for others',
      code: '{{#each tags}}{{this}}{{/each}}',
      knowledge: dataKnowledge({ users: ['{"tags": ["a", "b"]}', '{"tags": "a"}'] }),
      errors: [{ highlighted: 'tags', message: /a string in some of the data/ }],
    },
  ],
});
