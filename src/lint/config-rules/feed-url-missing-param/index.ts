/**
 * `feed-url-missing-param`: a Voucherify publication feed (`/v1/publications/create`) whose request lacks what the
 * endpoint requires (voucherify-publications reference: `customer` is required, `400 invalid_query_params`; so is
 * `campaign` or `voucher`, `400 missing_vouchers`), or whose `customer[...]`/`campaign[...]` parameter renders
 * empty for some sample users (a profile without `source_id`). A non-200 feed response means Iterable does not send
 * the message to that recipient (DataFeedError), silently. The message names the users.
 *
 * Needs sample users (the empty case is judged on them). Not reported: feeds that are not publication endpoints,
 * parameters that are cut off by a `#` (`feed-url-fragment`'s finding), and the other parameters.
 */
import { expandFeedUrl } from '../../../iterable/feed-url.js';
import { lintRuleMeta } from '../../rule.js';
import { feedUrlParts } from '../feed-url-parts.js';
import { configExample } from '../feed-url-unencoded-param/index.js';
import type { ConfigRule } from '../types.js';
import { nameUsers } from '../users.js';

const CHECKED = /^(customer|campaign)\[/;

export const feedUrlMissingParam: ConfigRule = {
  meta: lintRuleMeta('feed-url-missing-param', {
    recommended: true,
    fixable: false,
    requires: ['users'],
    examples: {
      wrong: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{shopper_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
      right: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
    },
  }),
  check(context) {
    const profiles = context.input.users?.profiles ?? [];
    for (const feed of context.input.feeds) {
      if (!feed.publishes) continue;
      const parts = feedUrlParts(feed, context.helpers);
      const names = parts.params.map((p) => p.name);
      const has = (prefix: string) => names.some((name) => name === prefix || name.startsWith(`${prefix}[`));
      const whole = context.spanOf(['feeds', feed.id, 'url']);
      if (!has('customer')) {
        context.report({
          loc: whole,
          message: 'the publication request has no customer parameter: Voucherify answers 400 invalid_query_params and Iterable does not send the message',
          hint: 'add customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}} (or customer[id])',
        });
      }
      if (!has('campaign') && !has('voucher')) {
        context.report({
          loc: whole,
          message: 'the publication request names no campaign (nor voucher): Voucherify answers 400 missing_vouchers and Iterable does not send the message',
          hint: 'add campaign[name]=<the campaign name> (or campaign[id])',
        });
      }
      const expanded = profiles.map(({ id, profile }) => ({ id, url: requestOf(expandFeedUrl(feed.urlTemplate, profile).rendered) }));
      for (const param of parts.params) {
        if (!CHECKED.test(param.name)) continue;
        const empty =
          param.value === '' ? profiles.map((p) => p.id) : expanded.filter(({ url }) => url?.searchParams.get(param.name) === '').map(({ id }) => id);
        if (!empty.length) continue;
        const everyone = empty.length === profiles.length;
        const loc = context.spanOf(
          ['feeds', feed.id, 'url'],
          param.value === '' ? { start: param.start - param.name.length - 1, end: param.end } : { start: param.start, end: param.end },
        );
        context.report({
          loc,
          message:
            `${param.name} is empty ${everyone ? 'for every sample user' : `for ${nameUsers(empty)}`}: ` +
            `Voucherify cannot tell which ${param.name.startsWith('customer') ? 'customer gets the voucher' : 'campaign to publish from'} (400) and Iterable does not send ${everyone ? 'the message' : 'them the message'}`,
          hint:
            param.value === ''
              ? `give ${param.name} a value`
              : `check the field name against the user profiles, or send only to users who have it (a segment on the field)`,
        });
      }
    }
  },
};

function requestOf(rendered: string): URL | undefined {
  try {
    return new URL(rendered);
  } catch {
    return undefined;
  }
}
