/**
 * `syntax-error`: what the parser could not read (an unclosed or mismatched block, a stray `{{else}}` or close
 * tag, a tag that does not end, nesting past the engine's limits). Iterable refuses such a template: the message
 * is never sent. The parse is tolerant, so every error is reported, not only the first.
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

const SYNTAX_RULES = new Set(['syntax-error', 'nesting-depth']);

export const syntaxError: Rule = {
  meta: lintRuleMeta('syntax-error', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '[[#if welcome_codes.voucher.code]]\n  <b>[[welcome_codes.voucher.code]]</b>\n',
      right: '[[#if welcome_codes.voucher.code]]\n  <b>[[welcome_codes.voucher.code]]</b>\n[[/if]]\n',
    },
  }),
  create(context) {
    return {
      onEnd() {
        for (const d of context.parseDiagnostics) {
          if (d.severity !== 'error' || !SYNTAX_RULES.has(d.ruleId)) continue;
          context.report({ loc: d, message: d.message, ...(d.hint !== undefined ? { hint: d.hint } : {}) });
        }
      },
    };
  },
};
