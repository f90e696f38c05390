import { feedUrlRegion } from '../../../src/lint/config-rules/feed-url-region/index.js';
import { configRuleTester, feedsConfig, welcomeConfigText } from '../../support/config-rule-tester.js';

const path = '/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=W';

configRuleTester(feedUrlRegion, {
  valid: [
    { name: 'the welcome project', config: welcomeConfigText },
    { name: 'United States', config: feedsConfig({ welcome_codes: `https://us1.api.voucherify.io${path}` }) },
    { name: 'Asia, upper case', config: feedsConfig({ welcome_codes: `https://AS1.api.voucherify.io${path}` }) },
    {
      name: 'a declared dedicated host',
      config: feedsConfig({ welcome_codes: `https://acme.api.voucherify.io${path}` }, { voucherifyHosts: ['acme.api.voucherify.io'] }),
    },
    {
      name: 'a declared host given as a URL',
      config: feedsConfig({ welcome_codes: `https://vouchers.acme.com${path}` }, { voucherifyHosts: ['https://vouchers.acme.com'] }),
    },
    { name: 'not a publication endpoint', config: feedsConfig({ shop: 'https://shop.example.com/offers' }) },
    { name: 'a host written with a tag', config: feedsConfig({ welcome_codes: `https://{{{cluster}}}.voucherify.io${path}` }) },
  ],
  invalid: [
    {
      name: 'a typo',
      config: feedsConfig({ welcome_codes: `https://api.voucherfy.io${path}` }),
      errors: [{ highlighted: 'api.voucherfy.io', message: /not a Voucherify API host/, hint: /api\.voucherify\.io.*voucherifyHosts/ }],
    },
    {
      name: 'an undeclared dedicated-looking host',
      config: feedsConfig({ welcome_codes: `https://eu1.api.voucherify.io${path}` }),
      errors: [
        { highlighted: 'eu1.api.voucherify.io', message: /not one of Voucherify's shared clusters/, hint: /"voucherifyHosts": \["eu1\.api\.voucherify\.io"\]/ },
      ],
    },
    {
      name: 'a host that serves no API',
      config: feedsConfig({ welcome_codes: `https://download.voucherify.io${path}` }),
      errors: [{ highlighted: 'download.voucherify.io', message: /serves no API/ }],
    },
  ],
});
