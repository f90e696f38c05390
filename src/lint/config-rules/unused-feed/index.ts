/**
 * `unused-feed`: a feed that a template is attached to and never reads (no `[[alias…]]`; for a feed without an
 * alias, no root field of its responses; with `mergeDataFeedContext`, no `{{ }}` read of them either), and a feed
 * of the config that no template names. Iterable still calls every feed of a template once per recipient per send
 * (DESIGN.md section 1), and a Voucherify publication feed publishes, that is burns, one voucher on each call: a
 * warning by default, worth `"unused-feed": "error"` in a project's rules. Reported at the template's feed entry
 * (`templates[i].feeds[j]`), or at the feed for one no template names.
 *
 * Not reported, because the template may read the feed where the analysis cannot see: templates that do not
 * parse, that include snippets or partials, or that read from contexts not known statically (inside `#sortBy`,
 * `#catalog`...); and a feed without an alias and without any known shape when the template reads feed fields that
 * belong to no aliased feed.
 */
import type { PathRead } from '../../../analysis/analyze.js';
import { traverse } from '../../../syntax/visitor.js';
import type { FeedKnowledge } from '../../knowledge.js';
import { lintRuleMeta } from '../../rule.js';
import type { ConfigRule, ConfigTemplate } from '../types.js';

export const unusedFeed: ConfigRule = {
  meta: lintRuleMeta('unused-feed', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: `${JSON.stringify(
        {
          feeds: {
            welcome_codes: {
              url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
              alias: 'welcome_codes',
            },
            vip_codes: {
              url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=VIP',
              alias: 'vip_codes',
            },
          },
          templates: [{ path: 'welcome.html', feeds: ['welcome_codes', 'vip_codes'] }],
        },
        null,
        2,
      )}\n`,
      right: `${JSON.stringify(
        {
          feeds: {
            welcome_codes: {
              url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
              alias: 'welcome_codes',
            },
          },
          templates: [{ path: 'welcome.html', feeds: ['welcome_codes'] }],
        },
        null,
        2,
      )}\n`,
    },
  }),
  check(context) {
    const { input } = context;
    const byId = new Map(input.feeds.map((feed) => [feed.id, feed]));
    const named = new Set(input.templates.flatMap((t) => t.feedIds));
    const config = context.config as { templates?: unknown } | undefined;
    if (config && Array.isArray(config.templates)) {
      for (const entry of config.templates as unknown[]) {
        const feeds = entry && typeof entry === 'object' ? (entry as { feeds?: unknown }).feeds : undefined;
        if (Array.isArray(feeds)) for (const id of feeds) if (typeof id === 'string') named.add(id);
      }
    }
    for (const feed of input.feeds) {
      if (named.has(feed.id)) continue;
      context.report({
        loc: context.spanOf(['feeds', feed.id]),
        message: `feed '${feed.id}' is used by no template`,
        hint: 'remove it, or add it to a template',
      });
    }
    for (const template of input.templates) {
      if (!template.analysis || !judgeable(template)) continue;
      const feeds = template.feedIds.map((id) => byId.get(id)).filter((f): f is FeedKnowledge => f !== undefined);
      const entry = context.templateEntry(template);
      template.feedIds.forEach((id, index) => {
        const feed = byId.get(id);
        if (!feed || reads(template, feed, feeds)) return;
        context.report({
          loc: context.spanOf(entry === undefined ? ['feeds', id] : ['templates', entry, 'feeds', index]),
          message:
            `${template.file} never reads feed '${id}'${feed.alias ? ` ([[${feed.alias}…]])` : ''}, yet Iterable calls it for every recipient on every send` +
            (feed.publishes ? ': each call publishes (burns) a Voucherify voucher' : ''),
          hint: `remove '${id}' from this template's feeds, or use its data${feed.alias ? ` ([[${feed.alias}.…]])` : ''}`,
        });
      });
    }
  },
};

/** A template whose reads the analysis sees whole: no snippet, partial, or read from an unknown context. */
function judgeable(template: ConfigTemplate): boolean {
  const analysis = template.analysis!;
  if (analysis.helperCalls.some((call) => call.name === 'snippet')) return false;
  let partial = false;
  traverse(analysis.ast, { PartialStatement: () => (partial = true) });
  if (partial) return false;
  return !analysis.reads.some((read) => read.scope.kind === 'context' && read.candidates.length === 0);
}

function reads(template: ConfigTemplate, feed: FeedKnowledge, feeds: readonly FeedKnowledge[]): boolean {
  const relevant = (read: PathRead) => read.family === 'feed' || (template.mergeDataFeedContext && read.family === 'user');
  const aliases = new Set(feeds.map((f) => f.alias).filter((a) => a !== undefined));
  for (const read of template.analysis!.reads) {
    if (!relevant(read)) continue;
    for (const candidate of read.candidates) {
      // `[[this]]` at the root: the whole feed context.
      if (candidate.length === 0) return true;
      const head = candidate[0]!;
      if (feed.alias !== undefined) {
        if (head === feed.alias) return true;
        continue;
      }
      if (feed.shape) {
        if (feed.shape.fields.has(head) || (feed.shape.open && !aliases.has(head) && read.family === 'feed')) return true;
      } else if (read.family === 'feed' && !aliases.has(head)) {
        return true;
      }
    }
  }
  return false;
}
