/**
 * `unused-disable-directive`: a `mergetag-disable…` comment that suppressed nothing (the mistake was fixed, or the
 * rule id is misspelled). ESLint's `reportUnusedDisableDirectives`: stale directives would otherwise hide the next
 * real finding on that line. The linter itself finds these once every other rule has run (src/lint/linter.ts);
 * this module gives the rule its meta, so it can be configured and documented like any other.
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const unusedDisableDirective: Rule = {
  meta: lintRuleMeta('unused-disable-directive', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '{{!-- mergetag-disable-next-line feed-path-not-found --}}\n<b>[[welcome_codes.voucher.code]]</b>\n',
      right: '<b>[[welcome_codes.voucher.code]]</b>\n',
    },
  }),
  create: () => ({}),
};
