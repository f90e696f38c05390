/**
 * `mixed-delimiter-else`: an else of the other bracket family directly inside a block that Iterable does not
 * document: `[[else]]` in `{{#if x}}…{{/if}}`, `{{else if y}}` in `[[#if x]]…[[/if]]` (whose condition is then read
 * from the other family's data), `{{^}}` in a `[[#block]]`.
 *
 * Not reported: the plain `{{else}}` directly inside a `[[#block]]`, which Iterable's "Troubleshooting Handlebars
 * Code" article (support article 36530857619348) gives as the way to write a data-feed conditional
 * (`[[#if firstName]] Hi [[firstName]], {{else}} Hi friend, [[/if]]`): the documentation is the strongest evidence
 * mergetag has, and mergetag renders it as documented (src/syntax/documented-else.ts). Also not reported: an else
 * of the block's own family; the `{{else}}` that ends an `[[else if]]` chain of a `{{#if}}` block (it belongs to the
 * outer block, whose family it matches). The parser reports the same cases as `mixed-else` at render time; this
 * rule is the lint form, with the exact fix.
 */
import type { BlockStatement } from '../../../syntax/ast.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { isDocumentedMixedElse } from '../../../syntax/documented-else.js';

export const mixedDelimiterElse: Rule = {
  meta: lintRuleMeta('mixed-delimiter-else', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '{{#if firstName}}\n  <p>Hi {{firstName}},</p>\n[[else]]\n  <p>Hi there,</p>\n{{/if}}\n',
      right: '{{#if firstName}}\n  <p>Hi {{firstName}},</p>\n{{else}}\n  <p>Hi there,</p>\n{{/if}}\n',
    },
    notes:
      "Not reported: a plain `{{else}}` directly inside a `[[#block]]`. Iterable's " +
      '[Troubleshooting Handlebars Code](https://support.iterable.com/hc/en-us/articles/36530857619348) article writes a ' +
      'data-feed conditional exactly that way (`[[#if firstName]] Hi [[firstName]], {{else}} Hi friend, [[/if]]`), and ' +
      "mergetag renders it as the article intends: the `{{else}}` is the block's else. `[[else]]` works as well. " +
      'Reported are the mixed else tags no Iterable example shows: `[[else]]` inside a `{{#block}}`, `{{^}}` inside a ' +
      '`[[#block]]`, and `{{else if x}}` inside a `[[#block]]`, whose condition reads the user profile, not the feed.',
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
        if (isDocumentedMixedElse(written, elseTag.family, owner.family)) return;
        const [open, close] = owner.family === 'feed' ? ['[[', ']]'] : ['{{', '}}'];
        const chainedIf = /^(?:\{\{|\[\[)~?\s*else\s+([\s\S]*?)~?(?:\}\}|\]\])$/.exec(written);
        const wanted = chainedIf ? `${open}else ${chainedIf[1]!.trim()}${close}` : `${open}else${close}`;
        context.report({
          loc: elseTag.loc,
          message:
            `${written} inside ${open}#${owner.path.original} …${close}: mergetag renders it as the block's else, but Iterable documents only {{else}} inside a [[#block]]; ` +
            `if its engine parses one bracket family at a time, this is a stray else (the message is not sent) or text` +
            (chainedIf ? `; its condition is also read from the ${elseTag.family === 'feed' ? 'feed' : 'user'} data` : ''),
          hint: `write ${wanted}`,
        });
      },
    };
  },
};
