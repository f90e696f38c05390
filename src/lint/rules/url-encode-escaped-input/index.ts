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
            message: `${tag} is HTML-escaped before #${helper} ${whatItDoes(helper)}: ${example(helper)}`,
            hint: `write ${rawForm(tag)} inside {{#${helper}}}`,
          });
        }
      },
    };
  },
};

/** What the encoding block does with its body, in words: URL-encoding, Base64, or a hash. */
function whatItDoes(helper: string): string {
  if (helper === 'urlEncode') return 'encodes it';
  if (helper === 'base64') return 'encodes it as Base64';
  return 'hashes it';
}

function example(helper: string): string {
  if (helper === 'urlEncode') return "an apostrophe is sent as &#x27;, encoded (O'Brien → O%26%23x27%3BBrien), and & as &amp;";
  return `an apostrophe becomes &#x27; and & becomes &amp; first, so the result differs from #${helper} of the value itself`;
}
