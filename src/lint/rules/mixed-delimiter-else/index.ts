/**
 * `mixed-delimiter-else`: an else of the other bracket family directly inside a block, `{{else}}` in
 * `[[#if x]]…[[/if]]` or `[[else]]` in `{{#if x}}…{{/if}}` (also `{{else if y}}`, whose condition is then read from
 * the other family's data).
 *
 * Why only a warning, and why at all: Iterable's own "Troubleshooting Handlebars Code" article (support article
 * 36530857619348) shows exactly this pattern, `[[#if firstName]] Hi [[firstName]], {{else}} Hi friend, [[/if]]`, so
 * authors copy it. mergetag renders it as the docs intend (DESIGN.md rule 2: the `{{else}}` is the block's else).
 * But Iterable's engine is Handlebars.java, whose lexer takes one pair of delimiters per parse
 * (`HbsLexer(CharStream, start, end)`); if Iterable parses `[[ ]]` and `{{ }}` in separate passes, the mixed
 * else is a stray else in one pass (a parse error: the message is not sent) or plain text. The block's own family
 * (`[[else]]`) works under every reading, so the fix costs nothing.
 *
 * Not reported: an else of the block's own family; the `{{else}}` that ends an `[[else if]]` chain of a
 * `{{#if}}` block (it belongs to the outer block, whose family it matches). The parser also reports `mixed-else`
 * at render time; this rule is the lint form, with a fix.
 */
import type { BlockStatement } from '../../../syntax/ast.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const mixedDelimiterElse: Rule = {
  meta: lintRuleMeta('mixed-delimiter-else', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '[[#if welcome_codes.voucher.code]]\n  <b>[[welcome_codes.voucher.code]]</b>\n{{else}}\n  <p>No code today.</p>\n[[/if]]\n',
      right: '[[#if welcome_codes.voucher.code]]\n  <b>[[welcome_codes.voucher.code]]</b>\n[[else]]\n  <p>No code today.</p>\n[[/if]]\n',
    },
  }),
  create(context) {
    /** The block an else belongs to: for an `else if` link, the block that opened the chain. */
    const owners = new Map<BlockStatement, BlockStatement>();
    return {
      BlockStatement(node, path) {
        const parentBlock = path.parents[path.parents.length - 2];
        const owner = node.chained && parentBlock?.type === 'BlockStatement' ? (owners.get(parentBlock) ?? parentBlock) : node;
        owners.set(node, owner);
        const elseTag = node.elseTag;
        if (!elseTag || elseTag.family === owner.family) return;
        const written = context.source.text.slice(elseTag.loc.start.offset, elseTag.loc.end.offset);
        const [open, close] = owner.family === 'feed' ? ['[[', ']]'] : ['{{', '}}'];
        const chainedIf = /^(?:\{\{|\[\[)~?\s*else\s+([\s\S]*?)~?(?:\}\}|\]\])$/.exec(written);
        const wanted = chainedIf ? `${open}else ${chainedIf[1]!.trim()}${close}` : `${open}else${close}`;
        context.report({
          loc: elseTag.loc,
          message:
            `${written} inside ${open}#${owner.path.original} …${close}: mergetag renders it as the block's else, as Iterable's troubleshooting example does, ` +
            `but Iterable's engine parses one bracket family at a time, where it is a stray else (the message is not sent) or text` +
            (chainedIf ? `; its condition is also read from the ${elseTag.family === 'feed' ? 'feed' : 'user'} data` : ''),
          hint: `write ${wanted}`,
        });
      },
    };
  },
};
