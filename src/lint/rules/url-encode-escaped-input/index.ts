/**
 * `url-encode-escaped-input` in templates: `{{x}}` (or `[[x]]`) inside `{{#urlEncode}}` or another encoding block
 * is HTML-escaped before it is encoded (DESIGN.md rule 9; Iterable's docs encode the rendered body), so
 * `O'Brien` becomes `O%26%23x27%3BBrien` in a link: the landing page reads `O&#x27;Brien`. The fix is the raw tag
 * `{{{x}}}`. `escaped-in-url-encode` is the render-time warning when it changes a value; the config rule of the same
 * id checks feed URLs.
 *
 * Not reported: raw tags (what to write), escaped tags outside encoding blocks, block tags inside (`{{#if}}`).
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { rawForm, tagText, urlPieces } from '../../url-tags.js';

export const urlEncodeEscapedInput: Rule = {
  meta: lintRuleMeta('url-encode-escaped-input', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '<a href="https://shop.example.com/welcome?email={{#urlEncode}}{{email}}{{/urlEncode}}">Shop now</a>\n',
      right: '<a href="https://shop.example.com/welcome?email={{#urlEncode}}{{{email}}}{{/urlEncode}}">Shop now</a>\n',
    },
  }),
  create(context) {
    return {
      onEnd() {
        for (const piece of urlPieces(context.ast, context.helpers)) {
          if (piece.kind !== 'tag' || !piece.node.escaped || piece.encodedBy.length === 0) continue;
          const helper = piece.encodedBy[piece.encodedBy.length - 1]!;
          const tag = tagText(piece.node, context.source.text);
          context.report({
            loc: piece.node.loc,
            message: `${tag} is HTML-escaped before #${helper} encodes it: an apostrophe is sent as &#x27;, encoded (O'Brien → O%26%23x27%3BBrien), and & as &amp;`,
            hint: `write ${rawForm(tag)} inside {{#${helper}}}`,
          });
        }
      },
    };
  },
};
