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
        // The HTML tag being written, from its `<` (each output tag in it as a placeholder; block tags write
        // nothing): only the last tag can hold the attribute, so the scan stays linear however long the template.
        const open = new OpenTag();
        for (const piece of urlPieces(context.ast, context.helpers)) {
          if (piece.kind === 'text') {
            open.append(piece.node.value);
            continue;
          }
          const value = attributeValue(open.text);
          open.append(TAG_PLACEHOLDER);
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
function attributeValue(tag: string): string | undefined {
  if (!tag) return undefined;
  const match = /^<[a-z][^<>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)|'([^']*)|([^\s"'>]*))$/i.exec(tag);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/**
 * The HTML tag the text written so far ends in: from its last `<`, or empty once a `>` closed it. A tag longer than
 * MAX_TAG is given up on (no attribute value is that long in an email), which bounds the work per piece.
 */
class OpenTag {
  text = '';

  append(piece: string): void {
    const lt = piece.lastIndexOf('<');
    if (lt >= 0) this.text = piece.slice(lt);
    else if (this.text) this.text += piece;
    if (this.text.includes('>') || this.text.length > MAX_TAG) this.text = '';
  }
}

const MAX_TAG = 8192;
