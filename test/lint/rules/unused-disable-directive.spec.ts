import { unusedDisableDirective } from '../../../src/lint/rules/unused-disable-directive/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(unusedDisableDirective, {
  valid: [
    '{{!-- mergetag-disable-next-line feed-path-not-found --}}\n[[welcome_codes.voucher.cod]]',
    '{{! mergetag-disable-line unknown-helper }}{{upcase x}}',
    '{{!-- mergetag-disable --}}[[welcome_codes.voucher.cod]]{{!-- mergetag-enable --}}',
    '[[!-- mergetag-disable-next-line --]]\n[[welcom_codes.x]]',
  ],
  invalid: [
    {
      code: '{{!-- mergetag-disable-next-line feed-path-not-found --}}\n<p>fine</p>',
      errors: [{ highlighted: '{{!-- mergetag-disable-next-line feed-path-not-found --}}', message: /for feed-path-not-found suppresses nothing/ }],
    },
    {
      name: 'only the rule ids that suppressed nothing are named',
      code: '{{! mergetag-disable-next-line unknown-helper, feed-path-not-found }}\n[[welcome_codes.voucher.cod]]',
      errors: [
        { highlighted: '{{! mergetag-disable-next-line unknown-helper, feed-path-not-found }}', message: /directive for unknown-helper suppresses nothing/ },
      ],
    },
    {
      name: 'a directive after the problem does not cover it',
      code: '[[welcome_codes.voucher.cod]]\n{{!-- mergetag-disable-next-line feed-path-not-found --}}',
      errors: [{ highlighted: '{{!-- mergetag-disable-next-line feed-path-not-found --}}' }],
    },
  ],
});
