import { feedUrlUnencodedParam } from '../../../src/lint/config-rules/feed-url-unencoded-param/index.js';
import { configRuleTester, profile, feedsConfig, welcomeConfigText } from '../../support/config-rule-tester.js';

const VF = 'https://api.voucherify.io/v1/publications/create';

configRuleTester(feedUrlUnencodedParam, {
  valid: [
    { name: 'the welcome project', config: welcomeConfigText },
    {
      name: 'raw inside #urlEncode',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes` }),
    },
    {
      name: 'an escaped tag is feed-url-fragment’s finding',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{source_id}}&campaign[name]=W` }),
    },
    { name: 'a tag as the host or base', config: feedsConfig({ welcome_codes: '{{{feedBase}}}/v1/publications/create?campaign[name]=W' }) },
    { name: 'a tag in the host', config: feedsConfig({ welcome_codes: 'https://{{{cluster}}}.voucherify.io/v1/x' }) },
    {
      name: 'every sample value a number',
      config: feedsConfig({ welcome_codes: `${VF}?customer[id]={{{shopId}}}&campaign[name]=W` }),
      users: [
        { id: 'a', profile: profile('{"shopId": 42}') },
        { id: 'b', profile: profile('{"shopId": 7.5}') },
      ],
    },
  ],
  invalid: [
    {
      name: 'raw source_id in the query: ann’s + reads as a space',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{{source_id}}}&campaign[name]=Welcome%20Codes` }),
      errors: [
        {
          highlighted: '{{{source_id}}}',
          message: /query unencoded.*ann.*'\+' is read as a space/,
          hint: /\{\{#urlEncode\}\}\{\{\{source_id\}\}\}\{\{\/urlEncode\}\}/,
        },
      ],
    },
    {
      name: 'an ampersand tag in the path',
      config: feedsConfig({ shop: 'https://shop.example.com/customers/{{&source_id}}/offers' }),
      errors: [{ highlighted: '{{&source_id}}', message: /path unencoded/ }],
    },
    {
      name: 'no users: still reported, without an example',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{{source_id}}}&campaign[name]=W` }),
      users: null,
      errors: [{ highlighted: '{{{source_id}}}', message: /breaks the request$/ }],
    },
    {
      name: 'escaped inside #base64 is not URL-safe either',
      config: feedsConfig({ shop: 'https://shop.example.com/offers?c={{#base64}}{{source_id}}{{/base64}}' }),
      errors: [{ highlighted: '{{source_id}}' }],
    },
    {
      name: 'spans survive JSON escapes before the tag',
      config: `{\n  "feeds": {"f": {"url": "https://shop.example.com/\\u0061?q=\\"{{{source_id}}}", "alias": "f"}},\n  "templates": [{"path": "welcome.html", "feeds": ["f"]}]\n}\n`,
      errors: [{ highlighted: '{{{source_id}}}' }],
    },
  ],
});
