import { rawFeedOutput } from '../../../src/lint/rules/raw-feed-output/index.js';
import { ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

const merged = welcomeKnowledge({ mergeDataFeedContext: true });

ruleTester(rawFeedOutput, {
  valid: [
    '<b>[[welcome_codes.voucher.code]]</b>',
    {
      name: 'raw inside #urlEncode is right: the block encodes it',
      code: '<a href="https://x.example/?c={{#urlEncode}}[[{welcome_codes.voucher.code}]]{{/urlEncode}}">go</a>',
    },
    { name: 'user fields are not feed data', code: '{{{firstName}}} {{&lastName}}' },
    { name: 'without merge, {{{x}}} reads the user profile', code: '{{{welcome_codes.voucher.code}}}' },
    { name: 'with merge, a field the user profile has wins', code: '{{{firstName}}}', knowledge: merged },
    { name: '[[[x]]] is escaped x followed by ]', code: '[[[welcome_codes]]]' },
  ],
  invalid: [
    {
      code: '<b>[[{welcome_codes.voucher.code}]]</b>',
      errors: [
        {
          highlighted: '[[{welcome_codes.voucher.code}]]',
          message: /prints the feed's value without HTML escaping: a <, & or quote in it becomes markup/,
          hint: /write \[\[welcome_codes\.voucher\.code\]\]/,
        },
      ],
    },
    { code: '<p>[[&welcome_codes.voucher.metadata.marketing_text]]</p>', errors: [{ highlighted: '[[&welcome_codes.voucher.metadata.marketing_text]]' }] },
    { name: 'inside a feed block', code: '[[#with welcome_codes.voucher]][[{code}]][[/with]]', errors: [{ highlighted: '[[{code}]]', hint: /\[\[code\]\]/ }] },
    {
      name: 'a feed field printed raw through mergeDataFeedContext',
      code: '{{{welcome_codes.voucher.code}}}',
      knowledge: merged,
      errors: [{ highlighted: '{{{welcome_codes.voucher.code}}}', hint: /write \{\{welcome_codes\.voucher\.code\}\}/ }],
    },
  ],
});
