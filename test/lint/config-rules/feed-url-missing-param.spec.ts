import { feedUrlMissingParam } from '../../../src/lint/config-rules/feed-url-missing-param/index.js';
import { configFindings, configRuleTester, feedsConfig, welcomeConfigText } from '../../support/config-rule-tester.js';
import { describe, expect, it } from 'vitest';

const VF = 'https://api.voucherify.io/v1/publications/create';
const enc = (field: string) => `{{#urlEncode}}{{{${field}}}}{{/urlEncode}}`;

configRuleTester(feedUrlMissingParam, {
  valid: [
    { name: 'the welcome project', config: welcomeConfigText },
    { name: 'customer[id] and campaign[id]', config: feedsConfig({ welcome_codes: `${VF}?customer[id]=${enc('source_id')}&campaign[id]=camp_1` }) },
    { name: 'a voucher instead of a campaign', config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]=${enc('source_id')}&voucher=WELCOME` }) },
    { name: 'not a publication endpoint', config: feedsConfig({ shop: 'https://shop.example.com/offers?customer={{#urlEncode}}{{{nothing}}}{{/urlEncode}}' }) },
  ],
  invalid: [
    {
      name: 'a field no sample user has',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]=${enc('shopper_id')}&campaign[name]=W` }),
      errors: [{ highlighted: enc('shopper_id'), message: /customer\[source_id\] is empty for every sample user/ }],
    },
    {
      name: 'a field some users lack: named',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]=${enc('firstName')}&campaign[name]=W` }),
      errors: [{ highlighted: enc('firstName'), message: /empty for nameless:.*400.*them the message/ }],
    },
    {
      name: 'an empty campaign written as such',
      config: feedsConfig({ welcome_codes: `${VF}?customer[source_id]=${enc('source_id')}&campaign[name]=` }),
      errors: [{ highlighted: 'campaign[name]=', message: /campaign\[name\] is empty for every sample user/ }],
    },
    {
      name: 'no customer, no campaign',
      config: feedsConfig({ welcome_codes: `${VF}?x=1` }),
      errors: [
        { highlighted: `"${VF}?x=1"`, message: /no customer.*invalid_query_params/ },
        { highlighted: `"${VF}?x=1"`, message: /no campaign.*missing_vouchers/ },
      ],
    },
  ],
});

describe('feed-url-missing-param without sample users', () => {
  it('cannot judge and says so', async () => {
    const { configInput } = await import('../../support/config-rule-tester.js');
    const { lintConfig } = await import('../../../src/lint/config-rules/index.js');
    const input = configInput({ config: feedsConfig({ welcome_codes: `${VF}?x=1` }), users: null });
    const result = lintConfig(input, { rules: [feedUrlMissingParam], config: { preset: 'all' } });
    expect(result.messages).toEqual([]);
    expect(result.lacking).toEqual(['users']);
    expect(configFindings(feedUrlMissingParam, { config: feedsConfig({ welcome_codes: `${VF}?x=1` }) })).toHaveLength(2);
  });
});
