/**
 * `duplicate-feed-campaign`: two feeds of one template that publish from the same Voucherify campaign (the same
 * `campaign[name]` or `campaign[id]`, on the same host and endpoint). Each feed is called once per recipient per
 * send, and each publication call gives the customer a voucher: two vouchers of one campaign per send, one of them
 * never shown (DESIGN.md section 1: one feed per campaign). Reported at the second feed's entry in the template.
 *
 * Not reported: feeds on different hosts (different Voucherify projects), campaigns written with a merge tag that
 * may differ per recipient, and feeds that are not publication endpoints.
 */
import { lintRuleMeta } from '../../rule.js';
import { endpointOf, feedUrlParts } from '../feed-url-parts.js';
import type { ConfigRule } from '../types.js';

const CAMPAIGN = /^campaign\[(name|id)\]$/;

export const duplicateFeedCampaign: ConfigRule = {
  meta: lintRuleMeta('duplicate-feed-campaign', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: example('Welcome%20Codes'),
      right: example('VIP%20Codes'),
    },
  }),
  check(context) {
    const byId = new Map(context.input.feeds.map((feed) => [feed.id, feed]));
    const keys = new Map<string, string | undefined>();
    const keyOf = (id: string): string | undefined => {
      if (keys.has(id)) return keys.get(id);
      const feed = byId.get(id);
      let key: string | undefined;
      if (feed?.publishes) {
        const parts = feedUrlParts(feed, context.helpers);
        const endpoint = endpointOf(parts, feed.url);
        const campaign = parts.params.find((p) => CAMPAIGN.test(p.name));
        if (endpoint && campaign && !/\{\{|\[\[/.test(campaign.value)) key = `${endpoint} ${campaign.name}=${decode(campaign.value)}`;
      }
      keys.set(id, key);
      return key;
    };
    for (const template of context.input.templates) {
      const seen = new Map<string, string>();
      const entry = context.templateEntry(template);
      template.feedIds.forEach((id, index) => {
        const key = keyOf(id);
        if (key === undefined) return;
        const first = seen.get(key);
        if (first === undefined || first === id) {
          seen.set(key, id);
          return;
        }
        const campaign = key.slice(key.indexOf(' ') + 1);
        context.report({
          loc: context.spanOf(entry === undefined ? ['feeds', id, 'url'] : ['templates', entry, 'feeds', index]),
          message: `feeds '${first}' and '${id}' of ${template.file} both publish from ${campaign}: every send publishes (burns) two vouchers per recipient`,
          hint: `keep one feed per campaign: remove '${id}' from this template, or point it at another campaign`,
        });
      });
    }
  },
};

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function example(second: string): string {
  const url = (campaign: string) =>
    `https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=${campaign}`;
  return `${JSON.stringify(
    {
      feeds: {
        welcome_codes: { url: url('Welcome%20Codes'), alias: 'welcome_codes' },
        bonus_codes: { url: url(second), alias: 'bonus_codes' },
      },
      templates: [{ path: 'welcome.html', feeds: ['welcome_codes', 'bonus_codes'] }],
    },
    null,
    2,
  )}\n`;
}
