import { linkUnencodedParam } from '../../../src/lint/rules/link-unencoded-param/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(linkUnencodedParam, {
  valid: [
    '<a href="https://shop.example.com/welcome?utm_campaign=welcome&email={{#urlEncode}}{{{email}}}{{/urlEncode}}">Shop now</a>',
    { name: 'the whole URL is a merge tag', code: '<a href="{{unsubscribeUrl}}">Unsubscribe</a> <a href="{{{viewInBrowserUrl}}}">View</a>' },
    { name: 'a tag in the path', code: '<img src="https://cdn.example.com/{{locale}}/logo.png">' },
    { name: 'numeric system fields', code: '<a href="https://shop.example.com/?campid={{campaignId}}&tid={{templateId}}">x</a>' },
    { name: 'a field whose sample values are all booleans', code: '<a href="https://shop.example.com/?vip={{vip}}">x</a>' },
    { name: 'a tag in text, not in a link', code: '<p>Visit https://shop.example.com/?ref= and enter {{firstName}}</p>' },
    { name: 'after the link closed', code: '<a href="https://shop.example.com/?a=1">x</a> {{firstName}}' },
    { name: 'in another attribute', code: '<a title="https://shop.example.com/?a={{firstName}}" href="https://shop.example.com/">x</a>' },
    { name: 'in the fragment', code: '<a href="https://shop.example.com/#{{firstName}}">x</a>' },
    { name: '@index', code: '[[#each welcome_codes.voucher.categories]]<a href="https://shop.example.com/?i=[[@index]]">x</a>[[/each]]' },
  ],
  invalid: [
    {
      name: "ann's + reads as a space",
      code: '<a href="https://shop.example.com/welcome?email={{email}}">Shop now</a>',
      errors: [
        {
          highlighted: '{{email}}',
          message: /query without #urlEncode.*for ann, "ann\+vip@example\.com": '\+' is read as a space/,
          hint: /\{\{#urlEncode\}\}\{\{\{email\}\}\}\{\{\/urlEncode\}\}/,
        },
      ],
    },
    {
      name: 'single quotes, src, feed family',
      code: "<img src='https://img.example.com/c?code=[[welcome_codes.voucher.code]]'>",
      errors: [{ highlighted: '[[welcome_codes.voucher.code]]' }],
    },
    {
      name: 'unquoted attribute, raw tag',
      code: '<a href=https://shop.example.com/?n={{{lastName}}}>x</a>',
      errors: [{ highlighted: '{{{lastName}}}', message: /obrien, "O'Brien"/, hint: /\{\{#urlEncode\}\}\{\{\{lastName\}\}\}/ }],
    },
    {
      name: 'inside #if in the attribute',
      code: '<a href="https://shop.example.com/?n={{#if firstName}}{{firstName}}{{/if}}">x</a>',
      errors: [{ highlighted: '{{firstName}}' }],
    },
    {
      name: 'after another tag in the query',
      code: '<a href="https://shop.example.com/?id={{campaignId}}&n={{lastName}}">x</a>',
      errors: [{ highlighted: '{{lastName}}' }],
    },
  ],
});
