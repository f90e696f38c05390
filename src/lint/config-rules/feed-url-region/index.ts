/**
 * `feed-url-region`: a Voucherify publication feed whose host is none of Voucherify's API clusters (Europe
 * `api.voucherify.io`, United States `us1.api.voucherify.io`, Asia `as1.api.voucherify.io`: src/voucherify/regions.ts)
 * nor a dedicated host the project declares in `voucherifyHosts`. A typo in the host, or a `*.voucherify.io` host that
 * is not the project's, fails every request (or reaches a project without the integration keys): Iterable then
 * sends no message to anyone. A project on a dedicated cluster declares it once and the rule accepts it.
 *
 * Not reported: feeds whose URL is not a publication endpoint, and hosts written with a merge tag.
 */
import { DEFAULT_REGION, regionOf, REGIONS } from '../../../voucherify/regions.js';
import { lintRuleMeta } from '../../rule.js';
import { feedUrlParts, hostOf } from '../feed-url-parts.js';
import { configExample } from '../feed-url-unencoded-param/index.js';
import type { ConfigRule } from '../types.js';

const CLUSTERS = REGIONS.map((r) => `${r.host} (${r.name})`).join(', ');

export const feedUrlRegion: ConfigRule = {
  meta: lintRuleMeta('feed-url-region', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: configExample(
        'https://api.voucherfy.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
      right: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
    },
  }),
  check(context) {
    const declared = declaredHosts(context.config);
    for (const feed of context.input.feeds) {
      if (!feed.publishes) continue;
      const found = hostOf(feedUrlParts(feed, context.helpers), feed.url);
      if (!found || declared.has(found.host)) continue;
      const match = regionOf(`https://${found.host}/`);
      if (match?.region) continue;
      const loc = context.spanOf(['feeds', feed.id, 'url'], { start: found.start, end: found.end });
      const declare = `"voucherifyHosts": ["${found.host}"]`;
      if (!match) {
        context.report({
          loc,
          message: `${found.host} is not a Voucherify API host: every request of this feed fails and Iterable sends the message to no one`,
          hint: `use ${DEFAULT_REGION.host} or your region's cluster (${CLUSTERS}); for a dedicated host, declare it in the config: ${declare}`,
        });
      } else if (!match.api) {
        context.report({
          loc,
          message: `${found.host} is a Voucherify host that serves no API: every request of this feed fails and Iterable sends the message to no one`,
          hint: `use your project's cluster: ${CLUSTERS}`,
        });
      } else {
        context.report({
          loc,
          message: `${found.host} is not one of Voucherify's shared clusters (${CLUSTERS}) nor a dedicated host this project declares: a wrong cluster answers 401 and Iterable sends the message to no one`,
          hint: `if it is your dedicated cluster, declare it in the config: ${declare}`,
        });
      }
    }
  },
};

/** The config's `voucherifyHosts`, as lowercase host names (a full URL is accepted too). */
function declaredHosts(config: unknown): Set<string> {
  const list = config && typeof config === 'object' ? (config as { voucherifyHosts?: unknown }).voucherifyHosts : undefined;
  const hosts = new Set<string>();
  if (!Array.isArray(list)) return hosts;
  for (const item of list) {
    if (typeof item !== 'string') continue;
    try {
      hosts.add(new URL(item.includes('://') ? item : `https://${item}`).hostname.toLowerCase());
    } catch {
      // Not a host: the config schema reports it.
    }
  }
  return hosts;
}
