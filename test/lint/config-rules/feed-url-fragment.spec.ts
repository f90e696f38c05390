import { feedUrlFragment } from '../../../src/lint/config-rules/feed-url-fragment/index.js';
import { configRuleTester, profile, feedsConfig, welcomeConfigText } from '../../support/config-rule-tester.js';

const VF = 'https://api.voucherify.io/v1/publications/create';

configRuleTester(feedUrlFragment, {
  valid: [
    { name: 'the welcome project (its source_id is inside #urlEncode)', config: welcomeConfigText },
    {
      name: 'raw inside #urlEncode',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=W` }),
    },
    {
      name: 'a literal space is sent as %20',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome Codes` }),
    },
    { name: 'a # inside #urlEncode is encoded', config: feedsConfig({ shop: 'https://shop.example.com/x?tag={{#urlEncode}}#vip{{/urlEncode}}' }) },
    { name: 'an escaped tag as the base', config: feedsConfig({ shop: '{{feedUrl}}' }) },
    {
      name: 'every sample value a number',
      config: feedsConfig({ shop: 'https://shop.example.com/x?id={{shopId}}' }),
      users: [{ id: 'a', profile: profile('{"shopId": 42}') }],
    },
  ],
  invalid: [
    {
      name: 'the issue’s example: O’Brien’s apostrophe cuts the request',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{source_id}}&campaign[name]=Welcome%20Codes` }),
      errors: [
        {
          highlighted: '{{source_id}}',
          message:
            /HTML-escaped.*# cuts the request.*does not send the message\. For obrien \("cust 1\/o'brien"\) the request stops at ".*customer\[source_id\]=cust 1\/o&"/,
          hint: /\{\{#urlEncode\}\}\{\{\{source_id\}\}\}\{\{\/urlEncode\}\}/,
        },
      ],
    },
    {
      name: 'in the path, no sample user triggers it: still an error',
      config: feedsConfig({ shop: 'https://shop.example.com/customers/{{firstName}}/offers' }),
      users: [{ id: 'ann', profile: new Map([['firstName', 'Ann']]) }],
      errors: [{ highlighted: '{{firstName}}', message: /cuts the request.*message\.$/ }],
    },
    {
      name: 'a helper’s escaped output',
      config: feedsConfig({ shop: 'https://shop.example.com/x?n={{defaultIfEmpty lastName "guest"}}' }),
      errors: [{ highlighted: '{{defaultIfEmpty lastName \\"guest\\"}}' }],
    },
    {
      name: 'a literal #',
      config: feedsConfig({ shop: 'https://shop.example.com/x?tag=#vip&c=1' }),
      errors: [{ highlighted: '#vip&c=1', message: /literal #/, hint: /%23/ }],
    },
  ],
});
