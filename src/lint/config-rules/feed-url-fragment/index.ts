/**
 * `feed-url-fragment`: whatever can put a `#` or an `&` into a feed request where the author did not write one.
 * - `{{x}}` outside `{{#urlEncode}}`: `{{ }}` HTML-escapes (DESIGN.md rule 3), so an apostrophe becomes `&#x27;`;
 *   its `#` starts a URL fragment, which is never sent: the request stops there, the parameters after it (the
 *   campaign) never reach Voucherify, which answers 400, and Iterable does not send the message (a non-200 feed
 *   response skips it: DataFeedError). Its `&` (and that of `&amp;`, `&quot;`...) starts another parameter.
 * - a literal `#` in the URL: everything after it is a fragment, never sent.
 * With sample users, the message shows one whose value triggers it and the request Iterable would make.
 *
 * Not reported: tags in the scheme or host, tags inside `#urlEncode` (encoded after escaping:
 * `url-encode-escaped-input`), raw `{{{x}}}` (`feed-url-unencoded-param`), and reads whose sample values are all
 * numbers or booleans (nothing to escape). A literal space is not reported: the URL parser sends it as `%20`.
 */
import { expandFeedUrl } from '../../../iterable/feed-url.js';
import { escapeHtml } from '../../../values/escape.js';
import { lintRuleMeta } from '../../rule.js';
import { alwaysPlainScalar, printedFor, rawForm, urlPartAfter } from '../../url-tags.js';
import { feedUrlParts } from '../feed-url-parts.js';
import type { ConfigRule } from '../types.js';
import { configExample } from '../feed-url-unencoded-param/index.js';

export const feedUrlFragment: ConfigRule = {
  meta: lintRuleMeta('feed-url-fragment', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: configExample('https://api.voucherify.io/v1/publications/create?customer[source_id]={{source_id}}&campaign[name]=Welcome%20Codes'),
      right: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
    },
  }),
  check(context) {
    const profiles = context.input.users?.profiles ?? [];
    for (const feed of context.input.feeds) {
      const parts = feedUrlParts(feed, context.helpers);
      const at = (start: number, end: number) => context.spanOf(['feeds', feed.id, 'url'], { start, end });
      for (const tag of parts.tags) {
        if (tag.part !== 'path' && tag.part !== 'query') continue;
        if (!tag.node.escaped || tag.encodedBy.length > 0) continue;
        if (alwaysPlainScalar(tag.node, profiles)) continue;
        let example = '';
        for (const { id, profile } of profiles) {
          const printed = printedFor(tag.node, profile);
          if (printed === undefined || escapeHtml(printed) === printed) continue;
          const rendered = expandFeedUrl(feed.urlTemplate, profile).rendered;
          const cut = rendered.indexOf('#');
          example =
            cut >= 0
              ? ` For ${id} (${JSON.stringify(printed)}) the request stops at ${JSON.stringify(rendered.slice(0, cut))}.`
              : ` For ${id} (${JSON.stringify(printed)}) the URL becomes ${JSON.stringify(rendered)}.`;
          break;
        }
        context.report({
          loc: at(tag.node.loc.start.offset, tag.node.loc.end.offset),
          message:
            `${tag.text} is HTML-escaped into the feed URL: an apostrophe becomes &#x27;, whose # cuts the request there, and & starts another parameter; ` +
            `Voucherify then misses the rest of the query and Iterable does not send the message.${example}`,
          hint: `write {{#urlEncode}}${rawForm(tag.text)}{{/urlEncode}}`,
        });
      }
      for (const text of parts.texts) {
        if (text.encodedBy.length > 0) continue;
        const value = feed.url.slice(text.node.loc.start.offset, text.node.loc.end.offset);
        const hash = value.indexOf('#');
        if (hash < 0) continue;
        const part = urlPartAfter(text.before + value.slice(0, hash));
        if (part === 'base' || part === 'fragment') continue;
        const start = text.node.loc.start.offset + hash;
        context.report({
          loc: at(start, text.node.loc.end.offset),
          message: 'a literal # in the feed URL starts a fragment: nothing after it is sent in the request',
          hint: 'write %23 for a # that is part of a value',
        });
        break;
      }
    }
  },
};
