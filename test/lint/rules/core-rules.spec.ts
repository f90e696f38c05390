import { syntaxError } from '../../../src/lint/rules/syntax-error/index.js';
import { unknownHelper } from '../../../src/lint/rules/unknown-helper/index.js';
import { emptyKnowledge, ruleTester } from '../../support/rule-tester.js';

ruleTester(syntaxError, {
  valid: ['[[#if welcome_codes.voucher.code]]x[[/if]]', '{{!-- a comment with {{ braces --}}', '\\{{not a tag}}'],
  invalid: [
    { code: '[[#if x]]\n', errors: [{ highlighted: '[[#if x]]', message: /unclosed \[\[#if x\]\]/ }] },
    {
      name: 'every error, not only the first',
      code: '{{#each a}}{{/with}} {{/if}}',
      errors: [{ highlighted: '{{#each a}}' }, { highlighted: '{{/with}}' }, { highlighted: '{{/if}}' }],
    },
    { code: 'a {{else}} b', errors: [{ highlighted: '{{else}}' }] },
  ],
});

ruleTester(unknownHelper, {
  valid: ['{{upper firstName}}', '{{frstName}} reads a field: no params, no helper call', '[[#each welcome_codes.voucher.categories]][[/each]]'],
  invalid: [
    { code: '<p>{{upcase firstName}}</p>', errors: [{ highlighted: 'upcase', message: /could not find helper 'upcase'/, hint: /did you mean 'upper'/ }] },
    { code: '{{#ifEquals a b}}x{{/ifEquals}}', errors: [{ highlighted: 'ifEquals', message: /could not find helper 'ifEquals'/ }] },
    { code: '{{date signupDate format="yyyy"}}', knowledge: emptyKnowledge(), errors: [{ highlighted: 'date', hint: /dateFormat/ }] },
    { name: 'inside a sub-expression', code: '{{#if (equals a b)}}x{{/if}}', errors: [{ highlighted: 'equals', hint: /'eq'/ }] },
  ],
});
