import { unknownFeedAlias } from '../../../src/lint/rules/unknown-feed-alias/index.js';
import { ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

ruleTester(unknownFeedAlias, {
  valid: [
    '<b>[[welcome_codes.voucher.code]]</b>',
    '[[#with welcome_codes.voucher]][[code]][[/with]]',
    '[[#each welcome_codes.voucher.categories]][[name]][[/each]]',
    '[[@root.welcome_codes.voucher.code]]',
    { name: 'a user field in the feed family is wrong-delimiter-family’s finding', code: '[[firstName]]' },
    { name: 'a system field', code: '[[unsubscribeUrl]]' },
    {
      name: 'an unaliased feed puts its keys at the root: no alias to check',
      code: '[[voucher.code]]',
      knowledge: welcomeKnowledge({ feeds: [{ id: 'f', url: 'https://example.com/f', samples: [] }] }),
    },
    '{{welcom_codes.voucher.code}} is the user family',
  ],
  invalid: [
    {
      code: '<b>[[welcom_codes.voucher.code]]</b>',
      errors: [{ highlighted: 'welcom_codes', message: /no feed of this template has the alias 'welcom_codes'/, hint: /did you mean 'welcome_codes'/ }],
    },
    { code: '[[#if codes.voucher]]x[[/if]]', errors: [{ highlighted: 'codes' }] },
    { code: '[[@root.welcom_codes.voucher.code]]', errors: [{ highlighted: 'welcom_codes' }] },
    {
      name: 'a template without aliased feeds',
      code: '[[x.y]]',
      knowledge: welcomeKnowledge({ feeds: [] }),
      errors: [{ highlighted: 'x', message: /this template has no data feed with an alias/ }],
    },
  ],
});
