import { unusedFeed } from '../../../src/lint/config-rules/unused-feed/index.js';
import { configRuleTester, welcomeConfigText } from '../../support/config-rule-tester.js';

const VF = 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=';

const twoFeeds = (templates: object[], aliasB: string | undefined = 'vip_codes') => ({
  feeds: {
    welcome_codes: { url: `${VF}Welcome`, alias: 'welcome_codes' },
    vip_codes: aliasB === undefined ? { url: `${VF}VIP` } : { url: `${VF}VIP`, alias: aliasB },
  },
  templates,
});

configRuleTester(unusedFeed, {
  valid: [
    { name: 'the welcome project', config: welcomeConfigText },
    {
      name: 'both feeds read, one only in an #each and one as a helper argument',
      config: twoFeeds([{ path: 'a.html', feeds: ['welcome_codes', 'vip_codes'] }]),
      templates: {
        'a.html': '[[#each welcome_codes.voucher.categories]][[name]][[/each]] {{#if (eq 1 1)}}[[defaultIfEmpty vip_codes.voucher.code "none"]]{{/if}}',
      },
    },
    {
      name: 'an unaliased feed read by a root field of its shape',
      config: { feeds: { welcome_codes: { url: `${VF}Welcome` } }, templates: [{ path: 'a.html', feeds: ['welcome_codes'] }] },
      templates: { 'a.html': '[[voucher.code]]' },
    },
    {
      name: 'mergeDataFeedContext: a {{ }} read of the feed counts',
      config: {
        feeds: { welcome_codes: { url: `${VF}Welcome`, alias: 'welcome_codes' } },
        templates: [{ path: 'a.html', feeds: ['welcome_codes'], mergeDataFeedContext: true }],
      },
      templates: { 'a.html': '{{welcome_codes.voucher.code}}' },
    },
    {
      name: 'a template that includes a snippet may read it there',
      config: twoFeeds([{ path: 'a.html', feeds: ['welcome_codes', 'vip_codes'] }]),
      templates: { 'a.html': '[[welcome_codes.voucher.code]] {{{snippet "vip_block"}}}' },
    },
    {
      name: 'a template that does not parse is not judged',
      config: twoFeeds([{ path: 'a.html', feeds: ['welcome_codes', 'vip_codes'] }]),
      templates: { 'a.html': '[[welcome_codes.voucher.code]] {{#if x}}' },
    },
    {
      name: '[[this]] reads the whole feed context',
      config: twoFeeds([{ path: 'a.html', feeds: ['welcome_codes', 'vip_codes'] }]),
      templates: { 'a.html': '[[toJson this]]' },
    },
  ],
  invalid: [
    {
      name: 'a second publication feed never read: a voucher burned per send',
      config: twoFeeds([{ path: 'welcome.html', feeds: ['welcome_codes', 'vip_codes'] }]),
      errors: [{ highlighted: '"vip_codes"', message: /welcome\.html never reads feed 'vip_codes' \(\[\[vip_codes…\]\]\).*burns/, hint: /remove 'vip_codes'/ }],
    },
    {
      name: 'a {{ }} read does not count without mergeDataFeedContext',
      config: { feeds: { welcome_codes: { url: `${VF}Welcome`, alias: 'welcome_codes' } }, templates: [{ path: 'a.html', feeds: ['welcome_codes'] }] },
      templates: { 'a.html': '{{welcome_codes.voucher.code}}' },
      errors: [{ highlighted: '"welcome_codes"' }],
    },
    {
      name: 'an unaliased feed none of whose fields is read',
      config: twoFeeds([{ path: 'a.html', feeds: ['welcome_codes', 'vip_codes'] }], undefined),
      templates: { 'a.html': '[[welcome_codes.voucher.code]]' },
      errors: [{ highlighted: '"vip_codes"' }],
    },
    {
      name: 'the second of two template entries, at its own entry',
      config: twoFeeds([
        { path: 'welcome.html', feeds: ['welcome_codes'] },
        { path: 'vip.html', feeds: ['welcome_codes', 'vip_codes'] },
      ]),
      templates: { 'vip.html': '[[vip_codes.voucher.code]]' },
      errors: [{ highlighted: '"welcome_codes"', message: /vip\.html never reads feed 'welcome_codes'/ }],
    },
    {
      name: 'a feed no template names (the project-level case)',
      config: twoFeeds([{ path: 'welcome.html', feeds: ['welcome_codes'] }]),
      errors: [{ highlighted: `{\n      "url": "${VF}VIP",\n      "alias": "vip_codes"\n    }`, message: /feed 'vip_codes' is used by no template/ }],
    },
  ],
});
