import { mixedDelimiterElse } from '../../../src/lint/rules/mixed-delimiter-else/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(mixedDelimiterElse, {
  valid: [
    '[[#if welcome_codes.voucher.code]][[welcome_codes.voucher.code]][[else]]none[[/if]]',
    '{{#if firstName}}Hi {{firstName}}{{else}}Hi friend{{/if}}',
    '{{#if a}}A{{else if b}}B{{else}}C{{/if}}',
    '[[#each welcome_codes.voucher.categories]][[name]][[else]]none[[/each]]',
    { name: 'a {{#if}} inside a [[#if]]: each else matches its own block', code: '[[#if x]]{{#if a}}A{{else}}B{{/if}}[[else]]C[[/if]]' },
    {
      name: "Iterable's troubleshooting example, the documented mixed else (https://support.iterable.com/hc/en-us/articles/36530857619348)",
      code: '[[#if firstName]]\n    Hi [[firstName]],\n{{else}}\n    Hi friend,\n[[/if]]',
    },
    { name: 'the documented form in any feed block, with ~', code: '[[#each welcome_codes.voucher.categories]][[name]]{{~else~}}none[[/each]]' },
  ],
  invalid: [
    { code: '{{#if vip}}VIP[[else]]regular{{/if}}', errors: [{ highlighted: '[[else]]', hint: /write \{\{else\}\}/ }] },
    {
      code: '[[#if a]]A{{else if b}}B[[/if]]',
      errors: [{ highlighted: '{{else if b}}', message: /its condition is also read from the user data/, hint: /write \[\[else if b\]\]/ }],
    },
    {
      name: 'a chain: the {{else if b}} is reported, the closing plain {{else}} is the documented form',
      code: '[[#if a]]A{{else if b}}B{{else}}C[[/if]]',
      errors: [{ highlighted: '{{else if b}}' }],
    },
    {
      name: 'the {{else}} that ends a [[else if]] chain of a {{#if}} belongs to the {{#if}}: only the [[else if]] is mixed',
      code: '{{#if a}}A[[else if b]]B{{else}}C{{/if}}',
      errors: [{ highlighted: '[[else if b]]', message: /feed data/, hint: /write \{\{else if b\}\}/ }],
    },
    { code: '[[#if a]]A{{^}}B[[/if]]', errors: [{ highlighted: '{{^}}', message: /documents only \{\{else\}\}/, hint: /write \[\[else\]\]/ }] },
  ],
});
