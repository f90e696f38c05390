import { wrongDelimiterFamily } from '../../../src/lint/rules/wrong-delimiter-family/index.js';
import { emptyKnowledge, ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

const unaliased = welcomeKnowledge({
  feeds: [{ id: 'codes', url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]=x', samples: [] }],
});

ruleTester(wrongDelimiterFamily, {
  valid: [
    '<p>Hi {{firstName}}, your code is <b>[[welcome_codes.voucher.code]]</b></p>',
    '{{#if firstName}}Hi {{firstName}}{{else}}Hi there{{/if}}',
    '[[#if welcome_codes.voucher.code]][[welcome_codes.voucher.code]][[/if]]',
    '<a href="{{unsubscribeUrl}}">Unsubscribe</a> {{email}} {{viewInBrowserUrl}}',
    { name: 'an unknown user field is user-field-not-found, not this rule', code: '{{frstName}}' },
    { name: 'inside #each the other family scope is not the root', code: '[[#each welcome_codes.voucher.categories]][[name]][[/each]]' },
    {
      name: 'mergeDataFeedContext: feed fields are reachable as {{ }}',
      code: '{{welcome_codes.voucher.code}} {{#if welcome_codes.voucher}}x{{/if}}',
      knowledge: welcomeKnowledge({ mergeDataFeedContext: true }),
    },
    { name: 'no feeds known: nothing to judge', code: '{{welcome_codes.voucher.code}} [[firstName]]', knowledge: emptyKnowledge() },
    { name: 'an unaliased feed: a user field of the same name wins', code: '{{email}} {{firstName}}', knowledge: unaliased },
    {
      name: 'a feed of unknown shape: any [[ ]] field may exist',
      code: '[[firstName]]',
      knowledge: welcomeKnowledge({ feeds: [{ id: 'f', url: 'https://example.com/feed', samples: [] }] }),
    },
  ],
  invalid: [
    {
      code: '<b>{{welcome_codes.voucher.code}}</b>',
      errors: [
        {
          highlighted: 'welcome_codes.voucher.code',
          message:
            /\{\{ \}\} reads the user profile, and 'welcome_codes' is a data feed alias, no user field: it is missing from the profile and prints nothing/,
          hint: /\[\[welcome_codes\.voucher\.code\]\]/,
        },
      ],
    },
    {
      code: '<p>Hi [[firstName]]</p>',
      errors: [
        {
          highlighted: 'firstName',
          message: /'firstName' is a user field, not a field of the feed context: it is missing from the feed context and prints nothing/,
          hint: /\{\{firstName\}\}/,
        },
      ],
    },
    {
      name: 'a block of the wrong family over a feed field',
      code: '{{#if welcome_codes.voucher}}[[welcome_codes.voucher.code]]{{/if}}',
      errors: [{ highlighted: 'welcome_codes.voucher', message: /the condition is always false/, hint: /\[\[#if welcome_codes\.voucher\]\]…\[\[\/if\]\]/ }],
    },
    { code: '[[#if vip]]VIP[[/if]]', errors: [{ highlighted: 'vip', message: /'vip' is a user field/, hint: /\{\{#if vip\}\}…\{\{\/if\}\}/ }] },
    { code: '{{{welcome_codes.voucher.code}}}', errors: [{ highlighted: 'welcome_codes.voucher.code', hint: /\[\[\{welcome_codes\.voucher\.code\}\]\]/ }] },
    { name: 'with @root', code: '{{@root.welcome_codes.voucher.code}}', errors: [{ highlighted: '@root.welcome_codes.voucher.code' }] },
    {
      name: 'merge does not make user fields reachable as [[ ]]',
      code: '[[firstName]]',
      knowledge: welcomeKnowledge({ mergeDataFeedContext: true }),
      errors: [{ highlighted: 'firstName' }],
    },
    {
      name: 'an unaliased feed field read as {{ }}',
      code: '{{voucher.code}}',
      knowledge: unaliased,
      errors: [{ highlighted: 'voucher.code', message: /'voucher\.code' is a data-feed field, no user field/ }],
    },
    {
      code: '{{#ifEq welcome_codes.voucher.type "DISCOUNT_VOUCHER"}}x{{/ifEq}}',
      errors: [{ highlighted: 'welcome_codes.voucher.type', message: /ifEq gets no value/ }],
    },
  ],
});
