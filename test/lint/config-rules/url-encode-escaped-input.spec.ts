import { urlEncodeEscapedInputConfig } from '../../../src/lint/config-rules/url-encode-escaped-input/index.js';
import { configRuleTester, feedsConfig, welcomeConfigText } from '../../support/config-rule-tester.js';

const VF = 'https://api.voucherify.io/v1/publications/create';

configRuleTester(urlEncodeEscapedInputConfig, {
  valid: [
    {
      name: 'raw inside #urlEncode',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=W` }),
    },
    { name: 'ampersand form', config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{&source_id}}{{/urlEncode}}&campaign[name]=W` }) },
    { name: 'escaped outside: another rule', config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{source_id}}&campaign[name]=W` }) },
  ],
  invalid: [
    {
      name: "the welcome URL written as Iterable's docs write it: O'Brien's source_id would reach Voucherify escaped",
      config: welcomeConfigText.replace('{{{source_id}}}', '{{source_id}}'),
      errors: [
        {
          highlighted: '{{source_id}}',
          message: /for obrien, "cust 1\/o'brien" is sent as "cust 1\/o&#x27;brien"/,
          hint: /\{\{#urlEncode\}\}\{\{\{source_id\}\}\}\{\{\/urlEncode\}\}/,
        },
      ],
    },
    {
      name: 'no user shows it: still reported',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]={{#urlEncode}}{{firstName}}{{/urlEncode}}&campaign[name]=W` }),
      errors: [{ highlighted: '{{firstName}}', message: /O%26%23x27%3BBrien/ }],
    },
  ],
});
