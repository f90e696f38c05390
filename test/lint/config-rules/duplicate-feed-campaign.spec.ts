import { duplicateFeedCampaign } from '../../../src/lint/config-rules/duplicate-feed-campaign/index.js';
import { configRuleTester, welcomeConfigText } from '../../support/config-rule-tester.js';

const url = (campaign: string, host = 'api.voucherify.io') =>
  `https://${host}/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&${campaign}`;
const config = (a: string, b: string, templates?: object[]) => ({
  feeds: { welcome_codes: { url: a, alias: 'welcome_codes' }, bonus_codes: { url: b, alias: 'bonus_codes' } },
  templates: templates ?? [{ path: 'welcome.html', feeds: ['welcome_codes', 'bonus_codes'] }],
});

configRuleTester(duplicateFeedCampaign, {
  valid: [
    { name: 'the welcome project', config: welcomeConfigText },
    { name: 'two campaigns', config: config(url('campaign[name]=Welcome'), url('campaign[name]=VIP')) },
    {
      name: 'one campaign, two Voucherify projects (hosts)',
      config: config(url('campaign[name]=Welcome'), url('campaign[name]=Welcome', 'us1.api.voucherify.io')),
    },
    {
      name: 'a campaign per recipient',
      config: config(url('campaign[name]={{#urlEncode}}{{{tier}}}{{/urlEncode}}'), url('campaign[name]={{#urlEncode}}{{{tier}}}{{/urlEncode}}')),
    },
    {
      name: 'same campaign, different templates',
      config: config(url('campaign[name]=Welcome'), url('campaign[name]=Welcome'), [
        { path: 'welcome.html', feeds: ['welcome_codes'] },
        { path: 'b.html', feeds: ['bonus_codes'] },
      ]),
    },
  ],
  invalid: [
    {
      name: 'same name, one spelt with %20 and one with a space',
      config: config(url('campaign[name]=Welcome%20Codes'), url('campaign[name]=Welcome Codes')),
      errors: [
        {
          highlighted: '"bonus_codes"',
          message: /'welcome_codes' and 'bonus_codes' of welcome\.html both publish from campaign\[name\]=Welcome Codes.*two vouchers/,
        },
      ],
    },
    {
      name: 'same campaign id',
      config: config(url('campaign[id]=camp_1'), url('campaign[id]=camp_1&campaign[count]=1')),
      errors: [{ highlighted: '"bonus_codes"' }],
    },
  ],
});
