/**
 * `link-unencoded-param`: a merge tag in the query of an `href` or `src` attribute, outside `{{#urlEncode}}`
 * (`<a href="https://shop.example.com/?email={{email}}">`). HTML escaping does not protect a URL: the attribute is
 * decoded back, so a `+` in the value reads as a space (`ann+vip@example.com` arrives as `ann vip@example.com`), an
 * `&` starts another parameter, a `#` cuts the rest of the link. Iterable's docs encode such values with
 * `{{#urlEncode}}` (support.iterable.com 209732326, Encoding and Hashing Helpers); react-email's link checker
 * reports the same. With sample users, the message names one whose value breaks the link.
 *
 * Not reported: tags that are the whole URL or its base (`href="{{unsubscribeUrl}}"`), tags in the path or the
 * fragment, tags inside `#urlEncode`, Iterable's numeric system fields (`campaignId`, `templateId`, `messageId`),
 * `@index`, and reads whose sample values are all numbers or booleans.
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { alwaysPlainScalar, breakage, printedFor, rawForm, TAG_PLACEHOLDER, tagText, urlPartAfter, urlPieces } from '../../url-tags.js';

export const linkUnencodedParam: Rule = {
  meta: lintRuleMeta('link-unencoded-param', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '<a href="https://shop.example.com/welcome?email={{email}}">Shop now</a>\n',
      right: '<a href="https://shop.example.com/welcome?email={{#urlEncode}}{{{email}}}{{/urlEncode}}">Shop now</a>\n',
    },
  }),
  create(context) {
    const text = context.source.text;
    const profiles = context.knowledge.users?.profiles;
    return {
      onEnd() {
        // The HTML written so far, each output tag as a placeholder; block tags (`{{#if}}`) write nothing.
        let html = '';
        for (const piece of urlPieces(context.ast, context.helpers)) {
          if (piece.kind === 'text') {
            html += piece.node.value;
            continue;
          }
          const value = attributeValue(html);
          html += TAG_PLACEHOLDER;
          if (value === undefined || urlPartAfter(value) !== 'query') continue;
          if (piece.encodedBy.includes('urlEncode')) continue;
          const node = piece.node;
          if (alwaysPlainScalar(node, node.family === 'user' ? profiles : undefined)) continue;
          const tag = tagText(node, text);
          const example =
            node.family === 'user'
              ? profiles
                  ?.map(({ id, profile }) => ({ id, value: printedFor(node, profile) }))
                  .find(({ value: v }) => v !== undefined && breakage(v) !== undefined)
              : undefined;
          context.report({
            loc: node.loc,
            message:
              `${tag} is in the link's query without #urlEncode: a +, &, # or space in the value breaks the link` +
              (example ? ` (for ${example.id}, ${JSON.stringify(example.value)}: ${breakage(example.value!)})` : ''),
            hint: `write {{#urlEncode}}${node.escaped ? rawForm(tag) : tag}{{/urlEncode}}`,
          });
        }
      },
    };
  },
};

/**
 * The value written so far of the `href` or `src` attribute the HTML text ends in, or undefined when it does not
 * end inside one: `<a class="x" href="https://a.example/?e=` → `https://a.example/?e=`.
 */
function attributeValue(html: string): string | undefined {
  // Only the last tag can hold the attribute: match from its `<`, so the scan stays linear in the template.
  const open = html.lastIndexOf('<');
  if (open < 0) return undefined;
  const match = /^<[a-z][^<>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)|'([^']*)|([^\s"'>]*))$/i.exec(html.slice(open));
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}
