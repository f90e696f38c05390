/**
 * `feed-url`: each feed URL, rendered with the user's `{{ }}` fields and the event's (src/iterable/feed-url.ts, DESIGN.md rule
 * 12), is a valid URL whose query parameters are all present and non-empty. An empty `customer[source_id]=` makes
 * Voucherify publish to a customer without an id or refuse the call (`invalid_query_params`); a field holding `&`
 * printed unencoded splits one parameter in two.
 */
import { userContext } from '../../iterable/event-context.js';
import { expandFeedUrl } from '../../iterable/feed-url.js';
import { toValue } from '../../values/json.js';
import type { Property } from './property.js';

/** The parameter names the URL template writes literally (`customer[source_id]` of `?customer[source_id]={{x}}`). */
function literalParams(url: string): string[] {
  const query = url.split('?').slice(1).join('?');
  return [...query.matchAll(/(?:^|&)([^=&{}]+)=/g)].map((m) => m[1]!);
}

export const feedUrl: Property = {
  name: 'feed-url',
  description: 'every feed URL built for the user is a valid URL with every query parameter present and non-empty',
  check(context, { user, event }) {
    for (const feed of context.feeds) {
      const expanded = expandFeedUrl(feed.urlTemplate, userContext(toValue(user), toValue(event)));
      const error = expanded.diagnostics.find((d) => d.severity === 'error');
      if (error || !expanded.url)
        return `feed '${feed.id}': the URL built for this user is not a valid URL (${error?.message ?? JSON.stringify(expanded.rendered)})`;
      const params = new URL(expanded.url).searchParams;
      for (const [key, value] of params) {
        if (value === '')
          return `feed '${feed.id}': the query parameter ${key} is empty in ${expanded.url}; encode the field with {{#urlEncode}} and make sure every user has it`;
      }
      for (const key of literalParams(feed.url)) {
        let name = key;
        try {
          name = decodeURIComponent(key);
        } catch {
          // a malformed escape in the config: compare as written
        }
        if (!params.has(name)) return `feed '${feed.id}': the query parameter ${name} is missing from ${expanded.url}`;
      }
    }
    return undefined;
  },
};
