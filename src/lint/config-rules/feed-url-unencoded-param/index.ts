/**
 * `feed-url-unencoded-param`: a raw merge tag (`{{{source_id}}}`, `{{&x}}`, or a helper's output inside an
 * encoding block other than `#urlEncode`) in a feed URL's path or query, outside `{{#urlEncode}}`. Iterable puts the
 * value into the request as it is (its data-feed form says "Use {{#urlEncode}}{{myParam}}{{/urlEncode}} to encode
 * parameters"; Voucherify's Iterable guide and Iterable's Sageflo article, support.iterable.com 360030852632, do),
 * so a `+` reads as a space, an `&` starts another parameter, a `#` cuts the request, a space or an apostrophe may
 * break it. When a sample user's value does that, the message names them.
 *
 * Not reported: escaped tags `{{x}}` outside `#urlEncode` (HTML escaping itself writes `&` and `#` into the URL:
 * `feed-url-fragment`, an error, reports them), tags in the scheme or host, tags whose sample values are all
 * numbers or booleans, and anything inside `{{#urlEncode}}`.
 */
import { lintRuleMeta } from '../../rule.js';
import { alwaysPlainScalar, breakage, printedFor, rawForm } from '../../url-tags.js';
import { feedUrlParts } from '../feed-url-parts.js';
import type { ConfigRule } from '../types.js';

export const feedUrlUnencodedParam: ConfigRule = {
  meta: lintRuleMeta('feed-url-unencoded-param', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: configExample('https://api.voucherify.io/v1/publications/create?customer[source_id]={{{source_id}}}&campaign[name]=Welcome%20Codes'),
      right: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
    },
  }),
  check(context) {
    const profiles = context.input.users?.profiles;
    for (const feed of context.input.feeds) {
      const parts = feedUrlParts(feed, context.helpers);
      for (const tag of parts.tags) {
        if (tag.part !== 'path' && tag.part !== 'query') continue;
        if (tag.encodedBy.includes('urlEncode')) continue;
        // Escaped and not inside an encoding block: feed-url-fragment's finding.
        if (tag.node.escaped && tag.encodedBy.length === 0) continue;
        if (alwaysPlainScalar(tag.node, profiles)) continue;
        const example = profiles
          ?.map(({ id, profile }) => ({ id, value: printedFor(tag.node, profile) }))
          .find(({ value }) => value !== undefined && breakage(value) !== undefined);
        const where = tag.part === 'query' ? 'query' : 'path';
        const wrapped = tag.node.escaped ? rawForm(tag.text) : tag.text;
        context.report({
          loc: context.spanOf(['feeds', feed.id, 'url'], { start: tag.node.loc.start.offset, end: tag.node.loc.end.offset }),
          message:
            `${tag.text} goes into the feed URL's ${where} unencoded: a +, &, #, space or apostrophe in the value breaks the request` +
            (example ? ` (for ${example.id}, ${JSON.stringify(example.value)}: ${breakage(example.value!)})` : ''),
          hint: `write {{#urlEncode}}${wrapped}{{/urlEncode}}`,
        });
      }
    }
  },
};

/** A config with one feed of this URL, attached to the welcome template, for the rules' docs examples. */
export function configExample(url: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      feeds: { welcome_codes: { url, alias: 'welcome_codes', headers: { 'X-App-Id': '${VOUCHERIFY_APP_ID}', 'X-App-Token': '${VOUCHERIFY_APP_TOKEN}' } } },
      templates: [{ path: 'welcome.html', feeds: ['welcome_codes'] }],
      ...extra,
    },
    null,
    2,
  )}\n`;
}
