import { mixedDelimiterElse } from '../../../src/lint/rules/mixed-delimiter-else/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(mixedDelimiterElse, {
  valid: [
    '[[#if welcome_codes.voucher.code]][[welcome_codes.voucher.code]][[else]]none[[/if]]',
    '{{#if firstName}}Hi {{firstName}}{{else}}Hi friend{{/if}}',
    '{{#if a}}A{{else if b}}B{{else}}C{{/if}}',
    '[[#each welcome_codes.voucher.categories]][[name]][[else]]none[[/each]]',
    { name: 'a {{#if}} inside a [[#if]]: each else matches its own block', code: '[[#if x]]{{#if a}}A{{else}}B{{/if}}[[else]]C[[/if]]' },
  ],
  invalid: [
    {
      name: "Iterable's troubleshooting example",
      code: '[[#if firstName]]\n    Hi [[firstName]],\n{{else}}\n    Hi friend,\n[[/if]]',
      errors: [
        {
          highlighted: '{{else}}',
          message: /\{\{else\}\} inside \[\[#if …\]\]: mergetag renders it as the block's else.*stray else \(the message is not sent\)/,
          hint: /write \[\[else\]\]/,
        },
      ],
    },
    { code: '{{#if vip}}VIP[[else]]regular{{/if}}', errors: [{ highlighted: '[[else]]', hint: /write \{\{else\}\}/ }] },
    {
      code: '[[#if a]]A{{else if b}}B[[/if]]',
      errors: [{ highlighted: '{{else if b}}', message: /its condition is also read from the user data/, hint: /write \[\[else if b\]\]/ }],
    },
    {
      name: 'every mixed else of a chain',
      code: '[[#if a]]A{{else if b}}B{{else}}C[[/if]]',
      errors: [{ highlighted: '{{else if b}}' }, { highlighted: '{{else}}', message: /inside \[\[#if …\]\]/ }],
    },
    {
      name: 'the {{else}} that ends a [[else if]] chain of a {{#if}} belongs to the {{#if}}: only the [[else if]] is mixed',
      code: '{{#if a}}A[[else if b]]B{{else}}C{{/if}}',
      errors: [{ highlighted: '[[else if b]]', message: /feed data/, hint: /write \{\{else if b\}\}/ }],
    },
    { code: '[[#each welcome_codes.voucher.categories]][[name]]{{~else~}}none[[/each]]', errors: [{ highlighted: '{{~else~}}', hint: /\[\[else\]\]/ }] },
  ],
});
